"""What every writer shares: records in, as ``Article.model_dump(mode="json")`` gives them."""

from typing import Any

from newsparse.models import Article

#: A record ready for output: the article's fields in order, JSON types only.
Record = dict[str, Any]


class RecordWriter:
    """A writer that formats records; :meth:`write` turns an article into one."""

    def write(self, article: Article) -> None:
        self.write_record(article.model_dump(mode="json"))

    def write_record(self, record: Record) -> None:
        raise NotImplementedError

"""Optional extras, and how to install one: the one wording every hint uses."""


def install_hint(extra: str) -> str:
    """The command that installs ``extra`` from a checkout (newsparse is not on a public
    index yet), and the one for when it is published."""
    published = f"pip install 'newsparse[{extra}]' once published"
    return f"pip install -e '.[{extra}]' in a checkout ({published})"

"""A force's link as a lead would type it (the same text a links.yaml holds)."""

LINK = """\
links:
  - id: {id}
    organisation: Example Constabulary
    title: Example Constabulary
    label: Ask our schools officer
    description: Our schools officers can help you stay safe online.
    url: {url}
    audiences: [lower-secondary]
    nations: [england]
    checked: 2026-11-20
    source: https://www.example.police.uk/schools (seen 20 November 2026)
    status: ok
"""


def link_yaml(id="force-schools-officer", url="https://www.example.police.uk/schools") -> str:  # noqa: A002
    """Return the links text holding one link with ID and URL."""
    return LINK.format(id=id, url=url)

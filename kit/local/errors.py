"""The one error an uploaded logo raises, shared by the PNG and SVG checks."""


class LogoError(ValueError):
    """The upload is not a logo we can print; the message says why in plain words."""

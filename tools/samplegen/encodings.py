"""Text reports as bytes: UTF-8, GB18030, or UTF-16LE with a byte-order mark."""


def encode(text, encoding="utf-8"):
    """The bytes of a text report in an encoding ("utf-16le" is written with its BOM)."""
    if encoding == "utf-16le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(encoding)

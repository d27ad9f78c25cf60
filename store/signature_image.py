"""The image of the signature a letter may carry: a readable PNG or JPEG, kept by absolute path."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ValidationError
from .i18n import _

FIELD = "signature_image"
FORMATS = ("PNG", "JPEG")
MAX_BYTES = 20_000_000
"""A signature is a small picture; a larger file is refused before it is decoded."""


def _absolute(value: str, base: Path | None) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else Path(os.path.abspath((base or Path.cwd()) / path))


def signature_image(value: str, base: Path | None = None) -> str:
    """The absolute path of a PNG or JPEG that exists and decodes whole; "" for none.

    A relative path is taken from `base` (the current directory when none is given).
    """
    from PIL import Image, UnidentifiedImageError

    if not value.strip():
        return ""
    path = _absolute(value.strip(), base)
    if not path.exists():
        raise ValidationError(FIELD, _("no such file: {path}").format(path=path))
    if not path.is_file():
        raise ValidationError(FIELD, _("{path} is not a file (give a PNG or JPEG image)").format(
            path=path))
    if path.stat().st_size > MAX_BYTES:
        raise ValidationError(FIELD, _("{path} is larger than {size} MB; a signature image "
                                       "should be a small PNG or JPEG").format(
                                           path=path, size=MAX_BYTES // 1_000_000))
    try:
        with Image.open(path) as image:
            found = image.format or "unknown"
            if found in FORMATS:
                image.load()
    except PermissionError:
        raise ValidationError(FIELD, _("cannot read {path}: permission denied").format(
            path=path)) from None
    except UnidentifiedImageError:
        raise ValidationError(FIELD, _("{path} is not an image Carnet can read (give a PNG or "
                                       "JPEG)").format(path=path)) from None
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(FIELD, _("{path} cannot be read as an image ({reason})").format(
            path=path, reason=exc)) from None
    if found not in FORMATS:
        raise ValidationError(FIELD, _("{path} is a {format} image; give a PNG or JPEG").format(
            path=path, format=found))
    return str(path)

"""The process-wide default converter: :func:`using_converter` makes a converter the default of
every :func:`~dcity_docs.conversion.convert.convert_to_pdf` call that names none (how a caller
that knows nothing of converters, a batch, uses one).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from dcity_docs.conversion.base import Converter
from dcity_docs.conversion.soffice import SofficeConverter

__all__ = ["default_converter", "using_converter"]

_default: Converter | None = None
_default_lock = threading.Lock()


def default_converter() -> Converter:
    """The converter :func:`convert_to_pdf` uses when given none (see :func:`using_converter`)."""
    return _default or SofficeConverter()


@contextlib.contextmanager
def using_converter(converter: Converter | None) -> Iterator[Converter | None]:
    """Make ``converter`` the default for every :func:`convert_to_pdf` call in this process (all
    threads) until the block ends; ``None`` leaves the default alone. Lets a caller that passes no
    converter (a batch, its reports) convert through unoserver all the same."""
    global _default
    if converter is None:
        yield None
        return
    with _default_lock:
        previous, _default = _default, converter
    try:
        yield converter
    finally:
        with _default_lock:
            _default = previous

"""How output is made: one object the CLI fills in and every layer below it receives.

Before it, formats, PDF/A, templates, converter, timeout and catalogs were threaded by hand through
seven signatures, and the converter was also a process-wide default that the batch and its reports
relied on silently. A later feature (a programme file, signature fields, restricted marking) adds
a field here, not a parameter everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from dcity_docs.errors import InputError
from dcity_docs.wording.catalogs import Catalogs, catalogs_for

if TYPE_CHECKING:
    from dcity_docs.record.programme import Programme
    from dcity_docs.conversion.base import Converter

FORMATS = ("docx", "pdf")
DEFAULT_TIMEOUT = 120.0
"""Seconds for one LibreOffice call (up to 25 documents) or one document on a unoserver."""


@dataclass(frozen=True)
class OutputOptions:
    """What to make and how; every field has the default a plain command line gives.

    ``formats``: ``docx`` and/or ``pdf``, in the order asked. ``pdfa``: PDF/A-2b. ``templates``:
    a folder of the user's templates (``--templates``). ``converter``: who makes the PDFs (None:
    a LibreOffice process per call). ``timeout``: seconds per conversion call. ``catalogs``: the
    wording (None: the project's own). ``signature_fields``: an empty PDF signature field per
    signatory in every PDF with signature blocks (``--no-signature-fields``: none).
    ``without_restricted``: a pack's merged PDF leaves out its restricted documents (the site
    annex), which are issued separately (``--without-restricted``).
    ``programme``: the programme file (``--programme``; None: the bundled one), whose Ministry
    and default terms the records take.
    """

    formats: tuple[str, ...] = FORMATS
    pdfa: bool = False
    templates: Path | None = None
    converter: "Converter | None" = None
    timeout: float = DEFAULT_TIMEOUT
    catalogs: Catalogs | None = None
    programme: Path | None = None
    signature_fields: bool = True
    without_restricted: bool = False

    def __post_init__(self) -> None:
        formats = tuple(dict.fromkeys(self.formats))
        if not formats or set(formats) - set(FORMATS):
            raise InputError(f"formats must be docx and/or pdf, not {', '.join(formats) or 'none'}")
        object.__setattr__(self, "formats", formats)
        if not self.timeout > 0:
            raise InputError(f"timeout must be positive, not {self.timeout}")

    @property
    def pdf(self) -> bool:
        return "pdf" in self.formats

    @property
    def docx(self) -> bool:
        return "docx" in self.formats

    @property
    def wording(self) -> Catalogs:
        """The catalogs to draft with (the project's own unless others were given)."""
        return self.catalogs or catalogs_for()

    def programme_data(self) -> "Programme":
        """The programme the records are validated against (read once per process and file)."""
        from dcity_docs.record.loading import load_programme

        return load_programme(self.programme)

    def but(self, **changes: object) -> "OutputOptions":
        """A copy with some fields changed (e.g. ``formats=("docx",)``)."""
        return replace(self, **changes)  # type: ignore[arg-type]

"""One error hierarchy; the CLI maps each class to an exit code in one place."""

from __future__ import annotations

from dataclasses import dataclass


class DcityError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1


class InputError(DcityError):
    """The user's input (a record, a register, an option value) is wrong."""

    exit_code = 1


@dataclass(frozen=True)
class Problem:
    """One problem in one record, printed as ``FILE:LINE: field.path: message``."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {self.message}"


class RecordInvalid(InputError):
    """A record broke one or more rules; every problem is kept, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class DocumentNotApplicable(InputError):
    """The document does not exist for this venture (e.g. a site annex for production abroad)."""


class OutputError(DcityError):
    """Output could not be written (read-only folder, disk full)."""

    exit_code = 1


class ConversionError(DcityError):
    """LibreOffice ran but did not produce a usable PDF."""

    exit_code = 1


class TemplateProblem(DcityError):
    """A template is broken or refers to something that does not exist."""

    exit_code = 1


class EnvironmentProblem(DcityError):
    """Something outside the project is missing (LibreOffice, fonts)."""

    exit_code = 3


class CatalogCheckFailed(DcityError):
    """The translation catalogs failed ``dcity-docs i18n check``; the problems were printed."""

    exit_code = 1

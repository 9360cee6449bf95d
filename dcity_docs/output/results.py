"""What making packs came to, record by record: made, skipped as unchanged, or failed with its
problems, with the hash of every document. The batch produces these and the reports are drawn
from them, so they live below both."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal

from dcity_docs.record.models import Record

Status = Literal["made", "skipped", "failed"]


@dataclass(frozen=True)
class DocumentHash:
    file: str
    sha256: str


@dataclass(frozen=True)
class VentureSummary:
    """What the portfolio register needs of one venture (a few fields, not the whole record)."""

    id: str
    name_uk: str
    name_en: str
    stage: str
    placement: str
    country: str
    products: tuple[str, ...]
    amount: Decimal
    currency: str

    @classmethod
    def of(cls, record: Record) -> VentureSummary:
        v = record.venture
        return cls(record.id, v.name.uk, v.name.en, record.stage, v.placement, v.country,
                   tuple(p.value for p in v.products), v.capital.amount, v.capital.currency)


@dataclass(frozen=True)
class RecordResult:
    """One input record: its pack made or skipped (with the documents' hashes), or its problems."""

    origin: str  # the file as given, or FILE:ROW for a register
    status: Status
    id: str | None = None
    documents: tuple[DocumentHash, ...] = ()
    problems: tuple[str, ...] = ()
    venture: VentureSummary | None = None


@dataclass
class BatchResult:
    out_dir: Path
    results: list[RecordResult] = field(default_factory=list)
    reports: list[Path] = field(default_factory=list)

    def _with(self, status: Status) -> list[RecordResult]:
        return [r for r in self.results if r.status == status]

    @property
    def made(self) -> list[RecordResult]:
        return self._with("made")

    @property
    def skipped(self) -> list[RecordResult]:
        return self._with("skipped")

    @property
    def failed(self) -> list[RecordResult]:
        return self._with("failed")

    @property
    def ventures(self) -> list[VentureSummary]:
        """Every venture with a pack (made now or before), for the portfolio register."""
        return [r.venture for r in self.results if r.status != "failed" and r.venture is not None]

"""The reports of a batch: the batch report and the portfolio register, as DOCX (and PDF).

* ``batch-report``: every document made with its SHA-256, every pack skipped as unchanged, every
  record that failed with all its errors.
* ``portfolio-register``: every venture of the batch in one bilingual table (register number,
  name, stage, placement, country, products, capital), totals by placement, by stage and by
  country, and a chart of them. Capital in different currencies is never added together: every
  total of capital is given per currency.

The wording comes from the catalogs (contexts ``report|batch`` and ``report|portfolio``); the
templates in ``templates/reports/`` hold layout only. The same batch gives byte-identical DOCX
files: no clock time, a chart drawn at a fixed size and resolution with no software stamp.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from lxml import etree

from dcity_docs.language.figures import format_decimal
from dcity_docs.language.langs import LANG_TAGS
from dcity_docs.language.places import country_name
from dcity_docs.language.typography import typography_uk
from dcity_docs.wording.catalogs import Bi, Catalogs, catalogs_for
from dcity_docs.draft.base import Writer
from dcity_docs.documents.common import page_labels
from dcity_docs.errors import TemplateProblem
from dcity_docs.layout.rendering import ZIP_DATE, compiled
from dcity_docs.output.options import OutputOptions
from dcity_docs.output.pipeline import PdfFinish, Planned, make
from dcity_docs.output.results import BatchResult, VentureSummary
from dcity_docs.resources import templates_dir
from dcity_docs.settings import keep_matplotlib_in_cache, source_date_epoch

BATCH_REPORT = "batch-report"
PORTFOLIO_REGISTER = "portfolio-register"

Report = tuple[bytes, dict[str, str]]
"""A report's DOCX and its document properties (title, subject, author, language, keywords)."""
TEMPLATES = {BATCH_REPORT: "reports/batch-report.docx", PORTFOLIO_REGISTER: "reports/portfolio-register.docx"}
CHART_NAME = "dcity-chart"
"""The picture in the portfolio template whose bytes become the chart (see build_report_templates)."""
CHART_DPI = 200

PLACEMENTS = ("ukraine", "abroad")
STAGES = ("negotiation", "agreed", "signed")

Line = dict[str, str]
Cell = list[Line]


# --- cells of the templates' tables --------------------------------------------------------------


def line(value: Bi | str) -> Line:
    """One line of a cell: both languages, or one text (``en`` empty) for ids, numbers, hashes."""
    if isinstance(value, Bi):
        return {"uk": value.uk, "en": "" if value.en == value.uk else value.en}
    return {"uk": value, "en": ""}


def cell(*values: Bi | str) -> Cell:
    return [line(v) for v in values]


# --- totals -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Total:
    """Ventures in one group and their capital, summed per currency (never across currencies)."""

    key: str
    ventures: int
    capital: tuple[tuple[str, Decimal], ...]  # (currency, sum), by currency code


def _total(key: str, ventures: Iterable[VentureSummary]) -> Total:
    count = 0
    sums: dict[str, Decimal] = {}
    for venture in ventures:
        count += 1
        sums[venture.currency] = sums.get(venture.currency, Decimal(0)) + venture.amount
    return Total(key, count, tuple(sorted(sums.items())))


def totals_by(ventures: list[VentureSummary], key: Callable[[VentureSummary], str],
              order: Iterable[str] | None = None) -> list[Total]:
    """One :class:`Total` per group; ``order`` lists the groups shown even when empty."""
    keys = list(order) if order is not None else sorted({key(v) for v in ventures})
    return [_total(k, (v for v in ventures if key(v) == k)) for k in keys]


@dataclass(frozen=True)
class PortfolioTotals:
    all: Total
    placement: list[Total]
    stage: list[Total]
    country: list[Total]


def portfolio_totals(ventures: list[VentureSummary]) -> PortfolioTotals:
    return PortfolioTotals(
        all=_total("all", ventures),
        placement=totals_by(ventures, lambda v: v.placement, PLACEMENTS),
        stage=totals_by(ventures, lambda v: v.stage, STAGES),
        country=totals_by(ventures, lambda v: v.country),
    )


def money_figures(amount: Decimal, currency: str) -> Bi:
    """``12 500 000,00 EUR`` / ``EUR 12,500,000.00``: figures only, for tables."""
    return Bi(f"{format_decimal(amount, 'uk')}\u00a0{currency}",
              f"{currency} {format_decimal(amount, 'en')}")


def capital_cell(capital: Iterable[tuple[str, Decimal]]) -> Cell:
    lines = [line(money_figures(amount, currency)) for currency, amount in capital]
    return lines or cell("—")


# --- wording -------------------------------------------------------------------------------------


def stage_label(w: Writer, stage: str) -> Bi:
    labels = {
        # TRANSLATORS: the stage of a venture, in a table cell of the portfolio register.
        "negotiation": w.T("report|portfolio", "under negotiation"),
        "agreed": w.T("report|portfolio", "agreed"),
        "signed": w.T("report|portfolio", "signed"),
    }
    return labels[stage]


def placement_label(w: Writer, placement: str) -> Bi:
    labels = {
        # TRANSLATORS: where a venture's production is placed, in a table cell.
        "ukraine": w.T("report|portfolio", "in Ukraine"),
        "abroad": w.T("report|portfolio", "abroad"),
    }
    return labels[placement]


def product_label(w: Writer, product: str) -> Bi:
    labels = {
        # TRANSLATORS: a product line, in a table cell (nominative, not after "production of").
        "drones": w.T("report|portfolio", "drones"),
        "missiles": w.T("report|portfolio", "missiles"),
        "artillery": w.T("report|portfolio", "artillery"),
        "artillery_ammunition": w.T("report|portfolio", "artillery ammunition"),
        "electronic_warfare": w.T("report|portfolio", "electronic warfare equipment"),
        "armoured_vehicles": w.T("report|portfolio", "armoured vehicles"),
    }
    return labels[product]


def country_label(code: str) -> Bi:
    return Bi(country_name(code, "uk"), country_name(code, "en", article=False))


def _footer(w: Writer, ref: Bi, catalogs: Catalogs) -> dict[str, str]:
    labels = page_labels(Writer(catalogs, "footer"))
    return {
        "ref": ref.joined(),
        "uk_page": labels["page"].uk,
        "uk_of": labels["of"].uk,
        "en_page": labels["page"].en,
        "en_of": labels["of"].en,
    }


def _bi(value: Bi) -> dict[str, str]:
    return {"uk": value.uk, "en": value.en}


# --- the batch report ----------------------------------------------------------------------------


def batch_context(result: BatchResult, catalogs: Catalogs) -> dict[str, Any]:
    w = Writer(catalogs, "report")
    made, skipped, failed = result.made, result.skipped, result.failed
    total = len(result.results)
    none = w.T("report|batch", "None.")
    return {
        "title": _bi(w.T("report|batch", "Batch report")),
        # TRANSLATORS: under the title of the batch report.
        "subtitle": _bi(w.T("report|batch", "Document packs of Defence City joint ventures")),
        "intro": [
            line(w.T("report|batch", "Records in the batch: {count}.", count=str(total))),
            line(w.T("report|batch", "Packs made: {count}.", count=str(len(made)))),
            line(w.T("report|batch", "Packs skipped as unchanged: {count}.", count=str(len(skipped)))),
            line(w.T("report|batch", "Records that failed: {count}.", count=str(len(failed)))),
        ],
        "made": {
            "heading": line(w.T("report|batch", "Documents made")),
            "notes": [line(w.T(
                "report|batch",
                "Every document of every pack made in this batch, with its SHA-256 hash. The "
                "manifest.json file of each pack gives the same hashes.",
            ))],
            "head": [cell(w.T("report|batch", "Venture")), cell(w.T("report|batch", "File")),
                     cell(w.T("report|batch", "SHA-256"))],
            "rows": [{"cells": [cell(r.id or ""), cell(d.file), cell(d.sha256)]}
                     for r in made for d in r.documents],
            "empty": line(none),
        },
        "skipped": {
            "heading": line(w.T("report|batch", "Packs skipped as unchanged")),
            "notes": [line(w.T(
                "report|batch",
                "A pack is skipped when its record, the templates, the catalogs, the options and the "
                "version of dcity-docs are all as they were when the pack was made; that pack is kept.",
            ))],
            "head": [cell(w.T("report|batch", "Venture")), cell(w.T("report|batch", "Record")),
                     cell(w.T("report|batch", "Documents"))],
            "rows": [{"cells": [cell(r.id or ""), cell(r.origin), cell(str(len(r.documents)))]}
                     for r in skipped],
            "empty": line(none),
        },
        "failed": {
            "heading": line(w.T("report|batch", "Records that failed")),
            "notes": [line(w.T(
                "report|batch",
                "No pack was made for these records; a pack made earlier, if any, is left as it "
                "was. Each error reads FILE:LINE: field: message; for a register, LINE is the row "
                "of the spreadsheet.",
            ))],
            "head": [cell(w.T("report|batch", "Record")), cell(w.T("report|batch", "Errors"))],
            "rows": [{"cells": [cell(r.origin), cell(*r.problems)]} for r in failed],
            "empty": line(none),
        },
        "footer": _footer(w, w.T("report|batch", "Batch report"), catalogs),
    }


# --- the portfolio register ----------------------------------------------------------------------


def _totals_section(w: Writer, heading: Bi, label: Bi, totals: list[Total], overall: Total,
                    name: Callable[[str], Bi]) -> dict[str, Any]:
    return {
        "heading": line(heading),
        "notes": [],
        "head": [cell(label), cell(w.T("report|portfolio", "Number of ventures")),
                 cell(w.T("report|portfolio", "Charter capital, per currency"))],
        "rows": [{"cells": [cell(name(t.key)), cell(str(t.ventures)), capital_cell(t.capital)]}
                 for t in totals],
        "foot": [cell(w.T("report|portfolio", "Total")), cell(str(overall.ventures)),
                 capital_cell(overall.capital)],
        "empty": line(w.T("report|portfolio", "There is no venture in the register.")),
    }


def portfolio_context(ventures: list[VentureSummary],
                      catalogs: Catalogs) -> tuple[dict[str, Any], Callable[[float, float], bytes]]:
    """The template's context, and a function drawing the chart at a given size (inches)."""
    w = Writer(catalogs, "report")
    ventures = sorted(ventures, key=lambda v: v.id)
    totals = portfolio_totals(ventures)
    empty = line(w.T("report|portfolio", "There is no venture in the register."))
    rows = []
    for number, v in enumerate(ventures, start=1):
        rows.append({"cells": [
            cell(str(number)),
            cell(v.id),
            cell(Bi(typography_uk(v.name_uk), v.name_en)),
            cell(stage_label(w, v.stage)),
            cell(placement_label(w, v.placement)),
            cell(country_label(v.country)),
            cell(*(product_label(w, p) for p in v.products)),
            capital_cell([(v.currency, v.amount)]),
        ]})
    blank = cell("")
    context = {
        "title": _bi(w.T("report|portfolio", "Portfolio register of joint ventures")),
        # TRANSLATORS: under the title of the portfolio register.
        "subtitle": _bi(w.T("report|portfolio", "Defence City programme")),
        "intro": [
            line(w.T("report|portfolio", "Ventures in the register: {count}.", count=str(len(ventures)))),
            line(w.T(
                "report|portfolio",
                "Amounts of capital in different currencies are never added together: every total "
                "of capital is given per currency.",
            )),
        ],
        "ventures": {
            "heading": line(w.T("report|portfolio", "Ventures")),
            "notes": [],
            "head": [
                cell(w.T("report|portfolio", "No.")),
                cell(w.T("report|portfolio", "Register number")),
                cell(w.T("report|portfolio", "Venture")),
                cell(w.T("report|portfolio", "Stage")),
                cell(w.T("report|portfolio", "Placement of production")),
                cell(w.T("report|portfolio", "Country of production")),
                cell(w.T("report|portfolio", "Products")),
                cell(w.T("report|portfolio", "Charter capital")),
            ],
            "rows": rows,
            "foot": [blank, cell(w.T("report|portfolio", "Total")), blank, blank, blank, blank, blank,
                     capital_cell(totals.all.capital)],
            "empty": empty,
        },
        "totals": [
            _totals_section(w, w.T("report|portfolio", "Totals by placement of production"),
                            w.T("report|portfolio", "Placement of production"), totals.placement,
                            totals.all, lambda k: placement_label(w, k)),
            _totals_section(w, w.T("report|portfolio", "Totals by stage"),
                            w.T("report|portfolio", "Stage"), totals.stage, totals.all,
                            lambda k: stage_label(w, k)),
            _totals_section(w, w.T("report|portfolio", "Totals by country of production"),
                            w.T("report|portfolio", "Country of production"), totals.country,
                            totals.all, country_label),
        ],
        "chart": {
            "heading": line(w.T("report|portfolio", "Chart of the portfolio")),
            # TRANSLATORS: the chart's alternative text and caption.
            "alt": w.T("report|portfolio",
                       "Number of ventures by placement of production, by stage and by country "
                       "of production.").joined(),
            "caption": line(w.T(
                "report|portfolio",
                "Number of ventures by placement of production, by stage and by country of "
                "production. Capital is not charted, because amounts in different currencies "
                "cannot be added together.",
            )),
        },
        "footer": _footer(w, w.T("report|portfolio", "Portfolio register"), catalogs),
    }
    groups = [
        (w.T("report|portfolio", "By placement"), [(placement_label(w, t.key), t.ventures) for t in totals.placement]),
        (w.T("report|portfolio", "By stage"), [(stage_label(w, t.key), t.ventures) for t in totals.stage]),
        (w.T("report|portfolio", "By country"), [(country_label(t.key), t.ventures) for t in totals.country]),
    ]
    axis = w.T("report|portfolio", "Number of ventures")

    def draw(width_in: float, height_in: float) -> bytes:
        return chart_png(groups, axis, width_in, height_in)

    return context, draw


def _two_lines(value: Bi) -> str:
    return value.uk if value.uk == value.en else f"{value.uk}\n{value.en}"


def chart_png(groups: list[tuple[Bi, list[tuple[Bi, int]]]], axis: Bi, width_in: float,
              height_in: float, dpi: int = CHART_DPI) -> bytes:
    """Bar charts side by side, one per group, as PNG bytes; the same data gives the same bytes.

    matplotlib's Agg canvas with no pyplot state, the bundled DejaVu Sans (full Cyrillic), fixed
    size, resolution and style, and no 'Software' stamp in the PNG.
    """
    keep_matplotlib_in_cache()
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import rc_context, rcParamsDefault
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    style = dict(rcParamsDefault)
    style.update({
        "font.family": "DejaVu Sans",
        "font.size": 8,
        "axes.titlesize": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.hashsalt": "dcity",
        "path.simplify": True,
    })
    colours = ["#1f4e79", "#c9a227", "#5b8c5a", "#8e3b46", "#6d6875", "#3a7ca5", "#b5651d"]
    with rc_context(style):
        figure = Figure(figsize=(width_in, height_in), dpi=dpi)
        FigureCanvasAgg(figure)
        axes = figure.subplots(1, len(groups), gridspec_kw={"width_ratios": [max(2, len(g[1])) for g in groups]})
        if len(groups) == 1:
            axes = [axes]
        for index, (ax, (title, bars)) in enumerate(zip(axes, groups, strict=True)):
            labels = [_two_lines(label) for label, _ in bars]
            counts = [count for _, count in bars]
            positions = list(range(len(bars)))
            drawn = ax.bar(positions, counts, color=[colours[(index * 2 + i) % len(colours)] for i in positions],
                           width=0.6)
            ax.bar_label(drawn, labels=[str(c) for c in counts], padding=2)
            ax.set_xticks(positions, labels)
            ax.set_title(_two_lines(title))
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_ylim(0, max(counts + [1]) * 1.25)
            if index == 0:
                ax.set_ylabel(_two_lines(axis))
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


# --- rendering -----------------------------------------------------------------------------------

_NS = {
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_EMU_PER_INCH = 914400


def _chart_part(docx: bytes) -> tuple[str, float, float]:
    """The zip name of the chart picture and its size in inches, as laid out in the template."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        document = etree.fromstring(zf.read("word/document.xml"))
        rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"))
    for inline in document.iter(f"{{{_NS['wp']}}}inline", f"{{{_NS['wp']}}}anchor"):
        doc_pr = inline.find("wp:docPr", _NS)
        if doc_pr is None or doc_pr.get("name") != CHART_NAME:
            continue
        extent = inline.find("wp:extent", _NS)
        blip = inline.find(".//a:blip", _NS)
        if extent is None or blip is None:
            break
        rel_id = blip.get(f"{{{_NS['r']}}}embed")
        for rel in rels.findall("rel:Relationship", _NS):
            if rel.get("Id") == rel_id:
                target = rel.get("Target", "")
                name = target.lstrip("/") if target.startswith("/") else f"word/{target}"
                return (name, int(extent.get("cx", "0")) / _EMU_PER_INCH,
                        int(extent.get("cy", "0")) / _EMU_PER_INCH)
    raise TemplateProblem(f"the portfolio template has no picture named {CHART_NAME!r} for the chart; "
                          "run tools/build_report_templates.py or name the picture in Word")


def _replace_part(docx: bytes, name: str, data: bytes) -> bytes:
    """The same package with one part's bytes replaced; entries keep the fixed timestamp."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            dst.writestr(entry, data if info.filename == name else src.read(info.filename))
    return out.getvalue()


def _properties(context: dict[str, Any]) -> dict[str, str]:
    title, subject = Bi(**context["title"]), Bi(**context["subtitle"])
    return {
        "title": title.joined(),
        "subject": subject.joined(),
        "author": "dcity-docs",
        "language": LANG_TAGS["uk"],
        "keywords": "Defence City",
    }


def _batch_report(result: BatchResult, catalogs: Catalogs, templates: Path | None) -> Report:
    context = batch_context(result, catalogs)
    template = compiled((templates or templates_dir()) / TEMPLATES[BATCH_REPORT])
    props = _properties(context)
    return template.render(context, props), props


def portfolio_register(ventures: list[VentureSummary], catalogs: Catalogs | None = None,
                       templates: Path | None = None) -> Report:
    """The register's DOCX and properties (a batch draws it early, in a worker process)."""
    return _portfolio_register(ventures, catalogs or catalogs_for(), templates)


def _portfolio_register(ventures: list[VentureSummary], catalogs: Catalogs,
                        templates: Path | None) -> Report:
    context, draw = portfolio_context(ventures, catalogs)
    template = compiled((templates or templates_dir()) / TEMPLATES[PORTFOLIO_REGISTER])
    props = _properties(context)
    docx = template.render(context, props)
    part, width, height = _chart_part(docx)
    return _replace_part(docx, part, draw(width, height)), props


def batch_report_docx(result: BatchResult, catalogs: Catalogs | None = None,
                      templates: Path | None = None) -> bytes:
    return _batch_report(result, catalogs or catalogs_for(), templates)[0]


def portfolio_register_docx(ventures: list[VentureSummary], catalogs: Catalogs | None = None,
                            templates: Path | None = None) -> bytes:
    return portfolio_register(ventures, catalogs, templates)[0]


def write_reports(result: BatchResult, out_dir: Path, options: OutputOptions | None = None, *,
                  workers: int = 1, portfolio: Report | None = None) -> list[Path]:
    """Write ``batch-report`` and ``portfolio-register`` into ``out_dir`` in the formats asked for.

    Made through the output pipeline like every document (a hidden ``.dcity-reports.*.partial``
    folder, the options' converter, renamed into place file by file), so a report is either the
    old one or the new one, never half-written. ``portfolio``: the register, already drawn (by
    :func:`portfolio_register`) for exactly ``result.ventures``. The reports' own templates are
    bundled (``--templates`` replaces agreement templates only).
    """
    options = options or OutputOptions()
    catalogs = options.wording
    made = {
        BATCH_REPORT: _batch_report(result, catalogs, None),
        PORTFOLIO_REGISTER: portfolio or _portfolio_register(result.ventures, catalogs, None),
    }
    when = source_date_epoch()
    planned = [Planned(name, data, PdfFinish(title=props["title"], subject=props["subject"],
                                             author=props["author"], language=props["language"],
                                             keywords=props["keywords"], fixed_date=when))
               for name, (data, props) in made.items()]
    return make(planned, out_dir, options, label="dcity-reports", workers=workers)

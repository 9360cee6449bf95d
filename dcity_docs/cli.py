"""The command line: a thin click layer over the library. Exit codes are decided in :func:`main`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any
import click

from . import __version__
from .errors import DcityError, RecordInvalid
from .loading import load_record, record_files
from .models import json_schema

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3

LANG_CHOICES = ["uk", "en", "bilingual"]
DOCUMENT_CHOICES = ["memorandum", "jv-agreement", "site-protection-annex"]


class PartialFailure(DcityError):
    """Some inputs failed; their problems were already printed."""


class DcityGroup(click.Group):
    """A group whose standalone run maps library errors to exit codes (see :func:`run`)."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        sys.exit(run(list(args) if args is not None else None, prog_name or "dcity-docs", **extra))


@click.group(name="dcity-docs", cls=DcityGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="dcity-docs")
def cli() -> None:
    """Draft bilingual Ukrainian/English Defence City agreements from venture records.

    \b
    Example:
        dcity-docs validate fixtures/*.yaml
        dcity-docs render memorandum fixtures/DC-2026-014.yaml -l bilingual -o out/
    """


def _echo_problems(error: RecordInvalid) -> None:
    for problem in error.problems:
        click.echo(str(problem), err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check venture records against the contract; one line per problem on stderr.

    FILES may be record files (YAML or JSON) or folders of them. Exit 0 when all are
    valid, 1 when any is not.

    \b
    Example:
        dcity-docs validate fixtures/DC-2026-014.yaml fixtures/
    """
    failed = 0
    paths = record_files(list(files))
    for path in paths:
        try:
            record = load_record(path)
        except RecordInvalid as exc:
            _echo_problems(exc)
            failed += 1
        else:
            click.echo(f"{path}: ok ({record.id})")
    if failed:
        raise PartialFailure(f"{failed} of {len(paths)} record(s) invalid")


@cli.command()
@click.option("--indent", default=2, show_default=True, help="Indentation of the JSON output.")
def schema(indent: int) -> None:
    """Print the JSON Schema of a venture record (for editors' autocompletion).

    \b
    Example:
        dcity-docs schema > venture.schema.json
    """
    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=indent))


@cli.command()
@click.argument("document", type=click.Choice(DOCUMENT_CHOICES))
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "-l",
    "--lang",
    "langs",
    type=click.Choice(LANG_CHOICES),
    multiple=True,
    default=("bilingual",),
    show_default=True,
    help="Language of output; repeat for several.",
)
@click.option(
    "-f",
    "--format",
    "formats",
    type=click.Choice(["docx", "pdf"]),
    multiple=True,
    default=("docx",),
    show_default=True,
    help="Output format; repeat for several.",
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write into (created if missing).",
)
def render(
    document: str, file: Path, langs: tuple[str, ...], formats: tuple[str, ...], out_dir: Path
) -> None:
    """Render one DOCUMENT for the venture record FILE.

    Writes OUTPUT/{id}_{document}_{lang}.docx (and .pdf with -f pdf).

    \b
    Example:
        dcity-docs render jv-agreement fixtures/DC-2026-014.yaml -l uk -l en -o out/
    """
    from .documents import render_documents

    record = load_record(file)
    written = render_documents(record, [document], list(dict.fromkeys(langs)), list(formats), out_dir)
    for path in written:
        click.echo(str(path))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write into; each venture gets OUTPUT/{id}/.",
)
@click.option("--pdfa", is_flag=True, help="Make the PDFs PDF/A-2b (archival).")
@click.option(
    "-f",
    "--format",
    "formats",
    type=click.Choice(["docx", "pdf"]),
    multiple=True,
    default=("docx", "pdf"),
    show_default=True,
    help="Formats to keep; repeat for several.",
)
def pack(files: tuple[Path, ...], out_dir: Path, pdfa: bool, formats: tuple[str, ...]) -> None:
    """Make the complete document pack of each venture record.

    Writes OUTPUT/{id}/: every applicable document in uk, en and bilingual, as DOCX and PDF;
    {id}_pack.pdf, one bilingual PDF with a cover sheet and a bookmark per document; and
    manifest.json with the SHA-256 of every file and of the record. A failed pack leaves the
    previous one (if any) untouched.

    \b
    Example:
        dcity-docs pack fixtures/DC-2026-014.yaml -o out/
        dcity-docs pack fixtures/*.yaml -o out/ --pdfa
    """
    from .packs import build_pack

    failed = 0
    paths = record_files(list(files))
    for path in paths:
        try:
            record = load_record(path)
            made = build_pack(record, out_dir, record_bytes=path.read_bytes(),
                              formats=tuple(dict.fromkeys(formats)), pdfa=pdfa)
        except RecordInvalid as exc:
            _echo_problems(exc)
            failed += 1
            continue
        click.echo(f"{path}: {made.folder} ({len(made.files)} files)")
    if failed:
        raise PartialFailure(f"{failed} of {len(paths)} record(s) failed; their packs were not made")


def run(argv: list[str] | None = None, prog_name: str = "dcity-docs", **extra: Any) -> int:
    """Run the CLI and return the exit code; the one place where errors become exit codes."""
    try:
        cli.main(args=argv, prog_name=prog_name, standalone_mode=False, **extra)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except RecordInvalid as exc:
        _echo_problems(exc)
        return EXIT_INPUT
    except DcityError as exc:
        click.echo(f"Error: {exc}", err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return 130
    return EXIT_OK


def main() -> None:
    """Console-script entry point."""
    cli.main()

"""The command line: a thin click layer over the library. Exit codes are decided in :func:`main`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any
import click

from dcity_docs import __version__, settings
from dcity_docs.documents.registry import DOCUMENTS
from dcity_docs.errors import DcityError, RecordInvalid, printable
from dcity_docs.record.loading import load_record, load_record_and_bytes, record_files
from dcity_docs.record.models import json_schema

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_ENVIRONMENT = 0, 1, 2, 3

LANG_CHOICES = ["uk", "en", "bilingual"]
DOCUMENT_CHOICES = list(DOCUMENTS)


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


def _say(text: object, err: bool = False) -> None:
    """Echo a line that holds names from the input (file names, ids): control characters escaped,
    so that a file name cannot clear the terminal or print a fake "ok"."""
    click.echo(printable(str(text)), err=err)


class _PrintableStream:
    """stderr for click's own messages (they quote the command line's arguments), escaped alike."""

    def write(self, text: str) -> int:
        return sys.stderr.write(printable(text, newlines=True))

    def flush(self) -> None:
        sys.stderr.flush()


def max_jobs() -> int:
    """The most ``-j`` may ask for: 4 per CPU, at most 64 (each job is a LibreOffice process)."""
    return min(64, 4 * (os.cpu_count() or 1))


def _parse_jobs(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    if value is not None and not 1 <= value <= max_jobs():
        raise click.BadParameter(f"{value} is not between 1 and {max_jobs()} (4 per CPU, at most 64; each job "
                                 "runs a LibreOffice process)", ctx=ctx, param=param)
    return value


def _formats_option(default: tuple[str, ...], help_text: str) -> Any:
    return click.option("-f", "--format", "formats", type=click.Choice(["docx", "pdf"]), multiple=True,
                        default=default, show_default=True, help=help_text)


def _templates_option(func: Any) -> Any:
    return click.option(
        "--templates",
        "templates",
        type=click.Path(file_okay=False, exists=True, path_type=Path),
        default=None,
        help="Folder of your own Word templates: DIR/agreements/NAME.docx replaces the bundled "
        "template of that name (memorandum.docx, jv-agreement.docx, ...); the others stay bundled.",
    )(func)


def _signature_fields_option(func: Any) -> Any:
    """``--no-signature-fields``: PDFs without the empty signature fields (render, pack, batch)."""
    return click.option(
        "--signature-fields/--no-signature-fields",
        "signature_fields",
        default=True,
        show_default=True,
        help="With PDFs: one empty PDF signature field per signatory, over their signature line.",
    )(func)


def _without_restricted_option(func: Any) -> Any:
    """``--without-restricted`` (pack and batch): the merged pack leaves the restricted annex out."""
    return click.option(
        "--without-restricted",
        is_flag=True,
        help="Leave restricted documents (a site annex marked RESTRICTED or SECRET) out of the merged "
        "{id}_pack.pdf, whose cover then says they are issued separately; their own files are still made.",
    )(func)


def _options(formats: tuple[str, ...], pdfa: bool, templates: Path | None, converter: Any,
             catalogs: Any = None, programme: Path | None = None, signature_fields: bool = True) -> Any:
    """The options object every command that makes documents hands to the library."""
    from dcity_docs.layout.templates import check_templates_dir
    from dcity_docs.output.options import OutputOptions

    if templates is not None:
        check_templates_dir(templates)
    options = OutputOptions(formats=tuple(formats), pdfa=pdfa, templates=templates, converter=converter,
                            catalogs=catalogs, programme=programme, signature_fields=signature_fields)
    options.programme_data()  # a broken programme file is refused once, before any record
    return options


def _programme_option(func: Any) -> Any:
    """``--programme``: the programme file (default terms, place of signing, the Ministry)."""
    return click.option(
        "--programme",
        "programme",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        envvar=settings.PROGRAMME,
        help="Programme file with the default terms and the Ministry for records without their own "
        "(default: the bundled one; `dcity-docs programme` prints it). Also read from $DCITY_PROGRAMME.",
    )(func)


def _parse_converter(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    from dcity_docs.conversion.spec import converter_from_spec
    from dcity_docs.errors import InputError

    try:
        return converter_from_spec(value, ca=ctx.meta.get("dcity_converter_ca"))
    except InputError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


def _keep_ca(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    ctx.meta["dcity_converter_ca"] = value  # read by --converter (parsed after it: eager)


def _converter_option(func: Any) -> Any:
    """``--converter`` (and ``--converter-ca``): who makes the PDFs (shared by render, pack and batch)."""
    func = click.option(
        "--converter-ca",
        metavar="FILE",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        is_eager=True,
        expose_value=False,
        callback=_keep_ca,
        help="CA certificates (PEM) to verify a unoserver+https:// server with, instead of the "
        "system's trust store.",
    )(func)
    return click.option(
        "--converter",
        "converter",
        metavar="SPEC",
        default=None,
        envvar=settings.CONVERTER,
        callback=_parse_converter,
        help="Who converts to PDF: 'soffice' (default: a LibreOffice process per run) or "
        "unoserver://HOST:PORT[,HOST:PORT...] (running unoserver servers, documents spread across "
        "them; see the README) or unoserver+https://HOST:PORT[,...] (the same behind a TLS proxy, "
        "required for restricted documents on another host). Also read from $DCITY_CONVERTER.",
    )(func)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_programme_option
def validate(files: tuple[Path, ...], programme: Path | None = None) -> None:
    """Check venture records against the contract; one line per problem on stderr.

    FILES may be record files (YAML or JSON) or folders of them. Exit 0 when all are
    valid, 1 when any is not.

    \b
    Example:
        dcity-docs validate fixtures/DC-2026-014.yaml fixtures/
    """
    from dcity_docs.record.loading import load_programme

    chosen = load_programme(programme)
    failed = 0
    paths = record_files(list(files))
    for path in paths:
        try:
            record = load_record(path, chosen)
        except RecordInvalid as exc:
            _echo_problems(exc)
            failed += 1
        else:
            _say(f"{path}: ok ({record.id})")
    if failed:
        raise PartialFailure(f"{failed} of {len(paths)} record(s) invalid")


@cli.command()
@click.option("--indent", default=2, show_default=True, help="Indentation of the JSON output.")
@click.option("--programme", "of_programme", is_flag=True, help="The schema of a programme file instead.")
def schema(indent: int, of_programme: bool = False) -> None:
    """Print the JSON Schema of a venture record (for editors' autocompletion).

    \b
    Example:
        dcity-docs schema > venture.schema.json
        dcity-docs schema --programme > programme.schema.json
    """
    from dcity_docs.record.programme import programme_schema

    click.echo(json.dumps(programme_schema() if of_programme else json_schema(), ensure_ascii=False,
                          indent=indent))


@cli.command()
def programme() -> None:
    """Print the bundled programme file (YAML, with comments) to copy and edit.

    \b
    Example:
        dcity-docs programme > programme.yaml
        dcity-docs pack fixtures/*.yaml -o out/ --programme programme.yaml
    """
    from dcity_docs.record.programme import bundled_programme_file

    click.echo(bundled_programme_file().read_text(encoding="utf-8"), nl=False)


@cli.command()
@click.argument("record_id", metavar="ID")
@click.option("--shareholders", type=click.IntRange(1, 20), default=2, show_default=True,
              help="How many shareholder blocks to write.")
@_programme_option
def new(record_id: str, shareholders: int, programme: Path | None = None) -> None:
    """Print a commented record for a new venture ID, to fill in and validate.

    \b
    Example:
        dcity-docs new DC-2027-001 > DC-2027-001.yaml
    """
    from dcity_docs.record.loading import load_programme
    from dcity_docs.record.starter import new_record

    click.echo(new_record(record_id, load_programme(programme), shareholders), nl=False)


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
@_formats_option(("docx",), "Output format; repeat for several.")
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write into (created if missing).",
)
@click.option(
    "--locales",
    "locales",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Take the wording from this catalogs folder (to preview a translation).",
)
@click.option("--pdfa", is_flag=True, help="With -f pdf: make PDF/A-2b (archival) files.")
@_templates_option
@_converter_option
@_programme_option
@_signature_fields_option
def render(
    document: str, file: Path, langs: tuple[str, ...], formats: tuple[str, ...], out_dir: Path,
    locales: Path | None = None, pdfa: bool = False, templates: Path | None = None, converter: Any = None,
    programme: Path | None = None, signature_fields: bool = True,
) -> None:
    """Render one DOCUMENT for the venture record FILE.

    Writes OUTPUT/{id}_{document}_{lang}.docx (and .pdf with -f pdf).

    \b
    Example:
        dcity-docs render jv-agreement fixtures/DC-2026-014.yaml -l uk -l en -o out/
    """
    from dcity_docs.files import readable_by_others
    from dcity_docs.output.documents import marking, render_documents
    from dcity_docs.output.pipeline import is_restricted
    from dcity_docs.wording.catalogs import Catalogs

    options = _options(formats, pdfa, templates, converter, catalogs=Catalogs(locales) if locales else None,
                       programme=programme, signature_fields=signature_fields)
    record = load_record(file, options.programme_data())
    written = render_documents(record, [document], list(dict.fromkeys(langs)), out_dir, options)
    for path in written:
        _say(path)
    if is_restricted(marking(record, document)) and readable_by_others(out_dir):
        _say(f"Warning: {out_dir} can be listed by every user of this machine; the restricted "
             "files in it are readable by you alone (0600), but their names show (chmod 700 it)", err=True)


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
@_formats_option(("docx", "pdf"), "Formats to keep; repeat for several.")
@_templates_option
@_converter_option
@_programme_option
@_signature_fields_option
@_without_restricted_option
def pack(files: tuple[Path, ...], out_dir: Path, pdfa: bool, formats: tuple[str, ...],
         templates: Path | None = None, converter: Any = None, programme: Path | None = None,
         signature_fields: bool = True, without_restricted: bool = False) -> None:
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
    from dcity_docs.output.packs import build_pack

    options = _options(formats, pdfa, templates, converter, programme=programme,
                       signature_fields=signature_fields).but(without_restricted=without_restricted)
    failed = 0
    paths = record_files(list(files))
    first: dict[str, Path] = {}
    for path in paths:
        try:
            record, record_bytes = load_record_and_bytes(path, options.programme_data())
            if record.id in first:  # refused after the first, as a batch does: no pack replaced
                _say(f"Error: {path}: the id {record.id} is also the id of {first[record.id]}; each venture "
                     "needs its own id; its pack was not made", err=True)
                failed += 1
                continue
            first[record.id] = path
            made = build_pack(record, out_dir, record_bytes=record_bytes, options=options)
        except RecordInvalid as exc:
            _echo_problems(exc)
            failed += 1
            continue
        _say(f"{path}: {made.folder} ({len(made.files)} files)")
    if failed:
        raise PartialFailure(f"{failed} of {len(paths)} record(s) failed; their packs were not made")


class _BatchProgress:
    """A batch's progress on stderr: a bar with counts and ETA on a terminal, log lines otherwise."""

    def __init__(self, tty: bool):
        self.tty = tty
        self.bar: Any = None

    def __call__(self, event: Any) -> None:
        if event.kind == "start" and self.tty:
            self.bar = click.progressbar(length=event.total, label="Packs", show_eta=True, show_pos=True,
                                         file=sys.stderr, item_show_func=lambda item: item or "")
            self.bar.__enter__()
        elif event.kind == "start":
            click.echo(f"batch: {event.total} record(s)", err=True)
        elif event.kind == "record":
            result = event.result
            if self.bar is not None:
                self.bar.update(1, printable(f"{result.status} {result.id or result.origin}"))
            else:
                name = f"{result.id} ({result.origin})" if result.id else result.origin
                _say(f"[{event.done}/{event.total}] {result.status}: {name}", err=True)
        elif self.bar is None:
            _say(f"batch: {event.message}", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # SIGTERM cleans up like Ctrl-C: unfinished packs are removed


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write into; each venture gets OUTPUT/{id}/, the reports go in OUTPUT/.",
)
@click.option("-j", "--jobs", type=int, default=None, callback=_parse_jobs,
              help="Records drafted and LibreOffice processes run at once [default: number of CPUs; "
              "at most 4 per CPU, 64 in all].")
@_formats_option(("docx", "pdf"), "Formats to keep (packs and reports); repeat for several.")
@click.option("--pdfa", is_flag=True, help="Make the PDFs PDF/A-2b (archival).")
@click.option("--wait", is_flag=True, help="Wait for another batch writing into OUTPUT instead of refusing.")
@_converter_option
@_templates_option
@_programme_option
@_signature_fields_option
@_without_restricted_option
def batch(inputs: tuple[Path, ...], out_dir: Path, jobs: int | None, formats: tuple[str, ...], pdfa: bool,
          wait: bool, converter: Any = None, templates: Path | None = None, programme: Path | None = None,
          signature_fields: bool = True, without_restricted: bool = False) -> None:
    """Make the document packs of many ventures, with a batch report and a portfolio register.

    INPUTS are record files (YAML, JSON), folders of them, or registers (CSV or XLSX, one venture
    a row; see the README). Each valid record gets OUTPUT/{id}/ exactly as `pack` makes it; an
    invalid one is listed with all its errors and the others go on. OUTPUT/batch-report.* lists
    every document made with its SHA-256 and every record that failed; OUTPUT/portfolio-register.*
    tables all ventures with totals by placement, stage and country, and a chart.

    Run again after an interruption: packs whose record, templates, catalogs and tool version are
    unchanged are skipped. Exit 0 when every record got its pack, 1 when any failed.

    \b
    Example:
        dcity-docs batch fixtures/ -o out/
        dcity-docs batch fixtures/register.xlsx -o out/ -j 4 -f docx
        dcity-docs batch new/*.yaml fixtures/register.csv -o out/ --wait
    """
    from dcity_docs.batch.run import run_batch

    options = _options(formats, pdfa, templates, converter, programme=programme,
                       signature_fields=signature_fields).but(without_restricted=without_restricted)
    show = _BatchProgress(sys.stderr.isatty())
    try:
        result = run_batch(list(inputs), out_dir, options, jobs=jobs, wait=wait, progress=show)
    finally:
        show.close()
    for failed in result.failed:
        for problem in failed.problems:
            _say(problem, err=True)
    _say(f"{len(result.made)} made, {len(result.skipped)} skipped (unchanged), "
         f"{len(result.failed)} failed, of {len(result.results)} record(s), in {out_dir}")
    for path in result.reports:
        _say(path)
    if result.failed:
        raise PartialFailure(f"{len(result.failed)} of {len(result.results)} record(s) failed; "
                             f"they are listed in {out_dir / 'batch-report'}.*")


PASSPHRASE_ENV = settings.P12_PASSPHRASE


def _passphrase(passphrase_file: Path | None) -> bytes:
    """The PKCS#12 passphrase: from a file (its first line), the environment, or a prompt on a
    terminal; never from the command line, where other users and the shell history see it."""

    from dcity_docs.errors import InputError

    if passphrase_file is not None:
        try:
            text = passphrase_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the passphrase file {passphrase_file}: {exc}") from None
        return text.splitlines()[0].encode("utf-8") if text else b""
    from_environment = settings.secret(PASSPHRASE_ENV)
    if from_environment is not None:
        return from_environment.encode("utf-8")
    if sys.stdin.isatty():
        return click.prompt("Passphrase of the PKCS#12 file", hide_input=True, default="",
                            show_default=False).encode("utf-8")
    raise InputError(f"no passphrase: give --passphrase-file FILE or set {PASSPHRASE_ENV} "
                     "(there is no terminal to ask on)")


@cli.command()
@click.argument("pdf", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--field", "field", required=True, metavar="NAME",
              help="The signature field to sign: ministry, shareholder-1, ... (see `dcity-docs verify`).")
@click.option("--p12", "p12", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The signer's key and certificate, a PKCS#12 (.p12/.pfx) file.")
@click.option("--passphrase-file", "passphrase_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=f"Read the passphrase from this file (else ${PASSPHRASE_ENV}, else a prompt).")
@click.option("--timestamp", "timestamp_url", metavar="URL", default=None,
              help="An RFC 3161 timestamp authority: PAdES B-T instead of B-B.")
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the signed PDF here (default: replace PDF once the signed file is whole).")
@click.option("--force", is_flag=True, help="Sign even a PDF marked ПРОЄКТ / DRAFT or AGREED FORM.")
def sign(pdf: Path, field: str, p12: Path, passphrase_file: Path | None, timestamp_url: str | None,
         out: Path | None, force: bool) -> None:
    """Sign one signature field of PDF (PAdES), as an incremental update: earlier signatures stay
    valid, so the parties sign one after another.

    \b
    Example:
        dcity-docs sign out/DC-2026-030_jv-agreement_uk.pdf --field ministry --p12 me.p12
        DCITY_P12_PASSPHRASE=... dcity-docs sign pack.pdf --field shareholder-1 --p12 co.p12 \\
            --timestamp http://tsa.example/ -o pack-signed.pdf
    """
    from dcity_docs.signing.sign import load_pkcs12, sign_field
    from dcity_docs.signing.reading import read_pdf

    read_pdf(pdf)  # not a PDF: said before the passphrase is asked for
    credentials = load_pkcs12(p12, _passphrase(passphrase_file))
    written = sign_field(pdf, field, credentials, out=out, timestamp_url=timestamp_url, force=force)
    click.echo(f"{written}: signed {field} as {credentials.subject}")


@cli.command()
@click.argument("pdfs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--ca", "ca", multiple=True, type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Trust roots (PEM or DER certificates); repeatable. Without it trust is not judged.")
def verify(pdfs: tuple[Path, ...], ca: tuple[Path, ...]) -> None:
    """Check every signature of each PDF: who signed which field and when, whether the file is
    intact and what was added after each signature, whether the certificate chains to --ca; and
    which fields are still unsigned. Exit 0 only when every signature is valid and intact.

    \b
    Example:
        dcity-docs verify out/DC-2026-030/DC-2026-030_pack.pdf --ca ca.pem
    """
    from dcity_docs.signing.verify import load_trust_roots, verify_pdf

    roots = load_trust_roots(list(ca))
    failed = 0
    for path in pdfs:
        try:
            report = verify_pdf(path, roots)
        except DcityError as exc:
            click.echo(f"Error: {exc}", err=True)
            failed += 1
            continue
        click.echo(f"{path}:")
        for sig in report.signatures:
            verdict = "VALID" if sig.ok else "NOT VALID"
            click.echo(f"  {sig.field}: {verdict}" + (f": {'; '.join(sig.problems)}" if sig.problems else ""))
            if sig.signer:
                click.echo(f"    signer: {sig.signer} ({sig.subject})")
            if sig.signing_time:
                click.echo(f"    signing time: {sig.signing_time:%Y-%m-%d %H:%M:%S %Z} (as the signer says)")
            if sig.timestamp:
                click.echo(f"    timestamp: {sig.timestamp:%Y-%m-%d %H:%M:%S %Z}")
            if sig.unsupported is None and sig.signer:
                click.echo(f"    intact: {'yes' if sig.intact else 'NO'}; {sig.coverage}")
                click.echo("    trust: " + ("not judged (no --ca)" if sig.trusted is None else
                                            "chains to the trust roots" if sig.trusted else "NOT trusted"))
        for problem in report.problems:
            click.echo(f"  {problem}")
        click.echo("  unsigned fields: " + (", ".join(report.unsigned) if report.unsigned else "none"))
        if not report.ok:
            failed += 1
    if failed and len(pdfs) > 1:
        raise PartialFailure(f"{failed} of {len(pdfs)} PDF(s) not valid")
    if failed:
        raise PartialFailure("")  # the one PDF's reasons are printed above


def run(argv: list[str] | None = None, prog_name: str = "dcity-docs", **extra: Any) -> int:
    """Run the CLI and return the exit code; the one place where errors become exit codes.

    SIGTERM is taken like Ctrl-C (exit 130) by every command: hidden work folders are removed and
    LibreOffice is stopped, instead of both being left behind by a killed process.
    """
    import signal

    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread (embedded use): leave signals alone
        return _run(argv, prog_name, **extra)
    try:
        return _run(argv, prog_name, **extra)
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


def _run(argv: list[str] | None, prog_name: str, **extra: Any) -> int:
    try:
        cli.main(args=argv, prog_name=prog_name, standalone_mode=False, **extra)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show(file=_PrintableStream())  # type: ignore[arg-type]
        return exc.exit_code  # what click means: 2 for a usage error, 1 for another (a file it cannot open)
    except RecordInvalid as exc:
        _echo_problems(exc)
        return EXIT_INPUT
    except DcityError as exc:
        if str(exc):  # empty: the command printed the reasons itself
            click.echo(printable(f"Error: {exc}", newlines=True), err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return 130
    return EXIT_OK


def main() -> None:
    """Console-script entry point."""
    cli.main()

@cli.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the redlines and the change summary into.")
@click.option("-l", "--lang", "langs", type=click.Choice(LANG_CHOICES), multiple=True,
              default=tuple(LANG_CHOICES), show_default=True, help="Language of output; repeat for several.")
@click.option("-f", "--format", "formats", type=click.Choice(["docx", "pdf"]), multiple=True,
              default=("docx",), show_default=True, help="Output format; repeat for several.")
@click.option("--documents", "documents", type=click.Choice(DOCUMENT_CHOICES), multiple=True,
              help="Only these documents (default: every one that applies to either version).")
@click.option("--allow-different-id", is_flag=True, help="Compare the records of two different ventures.")
@_templates_option
@_converter_option
@_programme_option
def compare(old: Path, new: Path, out_dir: Path, langs: tuple[str, ...], formats: tuple[str, ...],
            documents: tuple[str, ...], allow_different_id: bool, templates: Path | None = None,
            converter: Any = None, programme: Path | None = None) -> None:
    """Redlines of what changed from OLD (a record or a pack folder) to NEW (a record).

    Writes OUTPUT/{id}_{document}_{lang}_redline.docx (Word tracked changes; .pdf with -f pdf) and
    OUTPUT/{id}_changes.docx, and prints the change summary.

    \b
    Example:
        dcity-docs compare out/DC-2026-014/ DC-2026-014.yaml -o redline/ -f docx -f pdf
    """
    from dcity_docs.redline.run import compare_files

    options = _options(formats, False, templates, converter, programme=programme)
    done = compare_files(old, new, out_dir, modes=langs, keys=documents or None, options=options,
                         allow_different_id=allow_different_id)
    for line in done.summary.splitlines():
        _say(line)
    for path in done.written:
        _say(path)


from dcity_docs.cli.i18n import i18n_cli  # noqa: E402 - the group, added below

cli.add_command(i18n_cli)

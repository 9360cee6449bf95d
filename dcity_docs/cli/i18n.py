"""``dcity-docs i18n``: the translators' workflow on the gettext catalogs (locales/README.md).

A group of its own, added to the command line by :mod:`dcity_docs.cli`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

def _locales_option(func: Any) -> Any:
    return click.option(
        "--locales",
        "locales",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="The catalogs folder (default: the project's own locales/); point it at a copy "
        "to work on that copy.",
    )(func)


def _source_option(func: Any) -> Any:
    return click.option(
        "--source",
        "source",
        type=click.Path(file_okay=False, exists=True, path_type=Path),
        default=None,
        help="The dcity_docs package folder to extract from (default: this installation's).",
    )(func)


def _locales_root(locales: Path | None) -> Path:
    from dcity_docs.resources import locales_dir

    return locales if locales is not None else locales_dir()


@click.group(name="i18n")
def i18n_cli() -> None:
    """The gettext catalogs of the wording: extract, update, compile, check, stats.

    A translator runs 'update', translates (Poedit, Lokalize, Weblate), runs 'check' and
    previews with 'render --locales'. See locales/README.md.

    \b
    Example:
        dcity-docs i18n update
        dcity-docs i18n check
        dcity-docs i18n stats
    """


@i18n_cli.command(name="extract")
@_locales_option
@_source_option
def i18n_extract(locales: Path | None, source: Path | None) -> None:
    """Write LOCALES/messages.pot from the English source text in the code.

    Every message gets its context and translator comments (document, clause, placeholders).
    Same settings as babel.cfg. Run it after changing any wording, then run 'update'.

    \b
    Example:
        dcity-docs i18n extract
        dcity-docs i18n extract --source /tmp/copy/dcity_docs --locales /tmp/copy/locales
    """
    from dcity_docs.translation import extraction, i18n as tr

    path = tr.write_template(_locales_root(locales), source)
    catalog = tr.read_catalog(path)
    click.echo(f"{path}: {sum(1 for m in catalog if m.id)} messages")
    for warning in extraction.extraction_warnings(catalog):
        click.echo(f"warning: {warning}", err=True)


@i18n_cli.command(name="update")
@_locales_option
def i18n_update(locales: Path | None) -> None:
    """Merge LOCALES/messages.pot into the uk and en catalogs.

    New messages arrive untranslated; changed source text is marked fuzzy with the old text
    kept (#| msgid) for review; messages gone from the source are dropped.

    \b
    Example:
        dcity-docs i18n update
        dcity-docs i18n update --locales ~/translations/locales
    """
    from dcity_docs.translation import i18n as tr

    root = _locales_root(locales)
    for lang, fuzzy in tr.update(root).items():
        click.echo(f"{tr.po_path(root, lang)}: {fuzzy} fuzzy entr{'y' if fuzzy == 1 else 'ies'} to review")


@i18n_cli.command(name="compile")
@_locales_option
def i18n_compile(locales: Path | None) -> None:
    """Compile each .po into a .mo beside it (build output, not committed; fuzzy entries left out).

    \b
    Example:
        dcity-docs i18n compile
    """
    from dcity_docs.translation import i18n as tr

    for path in tr.compile_catalogs(_locales_root(locales)):
        click.echo(str(path))


@i18n_cli.command(name="check")
@_locales_option
@_source_option
def i18n_check(locales: Path | None, source: Path | None) -> None:
    """Check the catalogs; one line per problem, exit 1 if there is any.

    Fails on: an untranslated Ukrainian message, a fuzzy or obsolete entry, placeholders or
    markup that differ from the source, a .po out of date with the .pot, a .pot out of date
    with the source, and whatever 'msgfmt --check' rejects. Each line reads
    FILE:LINE: [context] "source text": problem.

    \b
    Example:
        dcity-docs i18n check
        dcity-docs i18n check --locales ~/translations/locales
    """
    from dcity_docs.translation import i18n as tr
    from dcity_docs.errors import CatalogCheckFailed

    root = _locales_root(locales)
    problems = tr.check(root, source)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        raise CatalogCheckFailed(f"{len(problems)} problem(s) in the catalogs in {root}")
    click.echo(f"{root}: ok")


@i18n_cli.command(name="stats")
@_locales_option
def i18n_stats(locales: Path | None) -> None:
    """Translation coverage per locale and per document.

    \b
    Example:
        dcity-docs i18n stats
        dcity-docs i18n stats --locales ~/translations/locales
    """
    from dcity_docs.translation import i18n as tr

    for lang, per in tr.stats(_locales_root(locales)).items():
        note = " (an empty English entry means the source text is used as it is)" if lang == "en" else ""
        click.echo(f"{lang}{note}")
        click.echo(f"  {'document':<14}{'translated':>11}{'fuzzy':>7}{'untranslated':>14}{'total':>7}"
                   f"{'done':>8}")
        for doc, c in per.items():
            done = "-" if c.percent is None else f"{c.percent:.1f}%"
            click.echo(f"  {doc:<14}{c.translated:>11}{c.fuzzy:>7}{c.untranslated:>14}{c.total:>7}"
                       f"{done:>8}")

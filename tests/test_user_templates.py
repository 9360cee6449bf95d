"""``--templates DIR`` on render and pack: the user's Word templates replace bundled ones of the same
name, render in the sandboxed strict Jinja environment, and a template that reaches for Python
internals, loops without bound or names what does not exist is refused: exit 1, one clear line,
no output file.

User templates are made as a legal officer would: a copy of a bundled template with text typed
into it (here: a paragraph injected into word/document.xml).
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner

from conftest import FIXTURE_DIR
from dcity_docs.cli import cli
from dcity_docs.resources import templates_dir
from readback import docx_text

FIXTURES = FIXTURE_DIR
RECORD = FIXTURES / "DC-2026-030.yaml"  # abroad: memorandum and agreement


def invoke(*args: str | Path) -> object:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output + result.stderr, result.output + result.stderr
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def user_template(folder: Path, name: str, text: str, *, where: str = "start") -> Path:
    """``folder/agreements/name``: the bundled template with a paragraph holding ``text``."""
    source = templates_dir() / "agreements" / name
    target = folder / "agreements" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    paragraph = f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r></w:p>"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                if where == "start":
                    xml = xml.replace("<w:body>", "<w:body>" + paragraph, 1)
                else:  # just before the section properties, after everything else
                    at = xml.rindex("<w:sectPr")
                    xml = xml[:at] + paragraph + xml[at:]
                data = xml.encode("utf-8")
            zout.writestr(info, data)
    return target


def only_error(result: object) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]  # type: ignore[attr-defined]
    assert len(lines) == 1, lines
    assert lines[0].startswith("Error: "), lines
    return lines[0]


def nothing_in(folder: Path) -> bool:
    return not folder.exists() or not any(folder.iterdir())


# --- overriding and falling back ------------------------------------------------------------------


def test_a_user_template_replaces_the_bundled_one_and_the_others_stay_bundled(tmp_path):
    mine = tmp_path / "mine"
    user_template(mine, "memorandum.docx", "OUR LETTERHEAD {{ parts|length }} parts, {{ footer.ref }}")
    out, plain = tmp_path / "out", tmp_path / "plain"

    for document in ("memorandum", "jv-agreement"):
        assert invoke("render", document, RECORD, "-l", "en", "-o", out, "--templates", mine).exit_code == 0
        assert invoke("render", document, RECORD, "-l", "en", "-o", plain).exit_code == 0

    memorandum = docx_text(out / "DC-2026-030_memorandum_en.docx")
    assert memorandum.startswith("OUR LETTERHEAD ") and " parts, " in memorandum.splitlines()[0]
    assert "Memorandum of Understanding".upper() in memorandum.upper()
    assert "OUR LETTERHEAD" not in docx_text(plain / "DC-2026-030_memorandum_en.docx")
    # jv-agreement.docx is not in the folder: the bundled one, byte for byte the same output
    name = "DC-2026-030_jv-agreement_en.docx"
    assert (out / name).read_bytes() == (plain / name).read_bytes()


def test_pack_uses_the_user_templates_and_says_so_in_its_hash(tmp_path):
    mine = tmp_path / "mine"
    user_template(mine, "jv-agreement.docx", "OUR LETTERHEAD", where="end")
    user_template(mine, "pack-cover.docx", "OUR COVER")
    out, plain = tmp_path / "out", tmp_path / "plain"

    assert invoke("pack", RECORD, "-o", out, "-f", "docx", "--templates", mine).exit_code == 0
    assert invoke("pack", RECORD, "-o", plain, "-f", "docx").exit_code == 0

    folder = out / "DC-2026-030"
    for mode in ("uk", "en", "bilingual"):
        assert docx_text(folder / f"DC-2026-030_jv-agreement_{mode}.docx").endswith("OUR LETTERHEAD")
        assert "OUR LETTERHEAD" not in docx_text(folder / f"DC-2026-030_memorandum_{mode}.docx")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    other = json.loads((plain / "DC-2026-030" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs_sha256"] != other["inputs_sha256"]  # a batch would not skip it as unchanged


# --- templates that are refused -------------------------------------------------------------------

ATTACKS = {
    "mro": "{{ ''.__class__.__mro__ }}",
    "globals": "{{ cycler.__init__.__globals__ }}",
    "subclasses": "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "lipsum-os": "{{ lipsum.__globals__['os'].system('touch /tmp/dcity-pwned') }}",
    "format-string": "{{ '{0.__class__}'.format('') }}",
    "attr-filter": "{{ ''|attr('__class__') }}",
    "memory": "{{ 'x' * 10**10 }}",
    "cpu": "{{ 10**10**10 }}",
    "range": "{% for i in range(10**9) %}{% endfor %}",
}


@pytest.mark.parametrize("text", ATTACKS.values(), ids=ATTACKS.keys())
def test_a_template_reaching_for_python_internals_is_refused_and_writes_nothing(tmp_path, text):
    mine = tmp_path / "mine"
    user_template(mine, "memorandum.docx", text)
    out = tmp_path / "out"

    result = invoke("render", "memorandum", RECORD, "-l", "uk", "-l", "en", "-o", out, "--templates", mine)

    assert result.exit_code == 1
    line = only_error(result)
    assert str(mine / "agreements" / "memorandum.docx") in line and "word/document.xml" in line
    assert "refused" in line or "too big" in line.lower() or "range too big" in line.lower(), line
    assert nothing_in(out)
    assert not Path("/tmp/dcity-pwned").exists()


def test_a_refused_template_in_a_pack_leaves_no_pack_and_no_work_folder(tmp_path):
    mine = tmp_path / "mine"
    user_template(mine, "pack-cover.docx", ATTACKS["globals"])
    out = tmp_path / "out"
    result = invoke("pack", RECORD, "-o", out, "-f", "docx", "--templates", mine)
    assert result.exit_code == 1
    assert "refused" in only_error(result)
    assert nothing_in(out)


def test_a_template_failing_in_one_language_only_writes_no_language(tmp_path):
    mine = tmp_path / "mine"
    user_template(mine, "memorandum.docx", "{% if bilingual %}{{ ''.__class__ }}{% endif %}")
    out = tmp_path / "out"
    result = invoke("render", "memorandum", RECORD, "-l", "uk", "-l", "en", "-l", "bilingual", "-o", out,
                    "--templates", mine)
    assert result.exit_code == 1
    assert nothing_in(out)  # not the uk and en files rendered before the bilingual one failed


@pytest.mark.parametrize("text", ["{{ venture.secret }}", "{{ nonexistent }}", "{{ footer.no_such_field }}",
                                  "{{ parts[0].blocks[0].nothing }}"])
def test_an_undefined_variable_fails_loudly(tmp_path, text):
    mine = tmp_path / "mine"
    user_template(mine, "memorandum.docx", text)
    out = tmp_path / "out"
    result = invoke("render", "memorandum", RECORD, "-o", out, "--templates", mine)
    assert result.exit_code == 1
    assert "undefined" in only_error(result)
    assert nothing_in(out)


@pytest.mark.parametrize(
    "text,pattern",
    [("{{ parts ", r"template syntax error"), ("{% for p in parts %}", r"template syntax error"),
     ("{{ 1 / 0 }}", r"ZeroDivisionError"), ("{{ parts|length + 'x' }}", r"TypeError")],
    ids=["unclosed", "no-endfor", "division", "type"],
)
def test_a_broken_template_is_a_clear_error(tmp_path, text, pattern):
    import re

    mine = tmp_path / "mine"
    user_template(mine, "memorandum.docx", text)
    result = invoke("render", "memorandum", RECORD, "-o", tmp_path / "out", "--templates", mine)
    assert result.exit_code == 1
    assert re.search(pattern, only_error(result))
    assert nothing_in(tmp_path / "out")


def test_a_template_making_broken_word_xml_is_refused(tmp_path):
    mine = tmp_path / "mine"
    path = user_template(mine, "memorandum.docx", "PLACEHOLDER")
    data = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(data, "w") as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename == "word/document.xml":
                content = content.replace(b"PLACEHOLDER", b"</w:t></w:r></w:p></w:body>{{ '<' }}")
            zout.writestr(info, content)
    path.write_bytes(data.getvalue())
    result = invoke("render", "memorandum", RECORD, "-o", tmp_path / "out", "--templates", mine)
    assert result.exit_code == 1
    assert "memorandum.docx" in only_error(result)
    assert nothing_in(tmp_path / "out")


# --- the templates folder itself --------------------------------------------------------------


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<" + b" " * 60_000_000 + b">")


@pytest.mark.parametrize(
    "make,pattern,code",
    [
        (lambda d: d.mkdir(), r"no templates in it", 1),
        (lambda d: user_template(d, "memorandum.docx", "x").rename(d / "agreements" / "memorandm.docx"),
         r"memorandm\.docx: not the name of a template.*memorandum\.docx", 1),
        (lambda d: (d / "agreements").mkdir(parents=True) or (d / "agreements" / "memorandum.docx").write_text("hi"),
         r"is not a \.docx file", 1),
        (lambda d: (d / "agreements").mkdir(parents=True) or _zip_bomb(d / "agreements" / "memorandum.docx"),
         r"unpacks to 60,000,002 bytes", 1),
        (lambda d: None, r"does not exist", 2),
    ],
    ids=["empty", "misspelt", "not-a-docx", "zip-bomb", "missing"],
)
def test_a_wrong_templates_folder_is_refused_before_anything_is_written(tmp_path, make, pattern, code):
    import re

    mine = tmp_path / "mine"
    make(mine)
    for command in (["render", "memorandum", RECORD], ["pack", RECORD, "-f", "docx"]):
        result = invoke(*command, "-o", tmp_path / "out", "--templates", mine)
        assert result.exit_code == code, result.stderr
        assert re.search(pattern, result.stderr), result.stderr
        assert nothing_in(tmp_path / "out")


def test_help_names_the_option():
    for command in ("render", "pack"):
        result = invoke(command, "--help")
        assert "--templates" in result.output


def test_bundled_templates_are_never_changed(tmp_path):
    before = {p.name: p.read_bytes() for p in (templates_dir() / "agreements").glob("*.docx")}
    mine = tmp_path / "mine"
    user_template(mine, "memorandum.docx", ATTACKS["mro"])
    invoke("render", "memorandum", RECORD, "-o", tmp_path / "out", "--templates", mine)
    shutil.rmtree(mine)
    assert {p.name: p.read_bytes() for p in (templates_dir() / "agreements").glob("*.docx")} == before


def test_batch_uses_the_user_templates_and_refuses_a_malicious_one(tmp_path):
    mine = tmp_path / "mine"
    user_template(mine, "jv-agreement.docx", "OUR LETTERHEAD", where="end")
    out = tmp_path / "out"
    result = invoke("batch", RECORD, "-o", out, "-f", "docx", "-j", "1", "--templates", mine)
    assert result.exit_code == 0, result.stderr
    assert docx_text(out / "DC-2026-030" / "DC-2026-030_jv-agreement_uk.docx").endswith("OUR LETTERHEAD")

    evil = tmp_path / "evil"
    user_template(evil, "memorandum.docx", ATTACKS["mro"])
    bad_out = tmp_path / "bad"
    result = invoke("batch", RECORD, "-o", bad_out, "-f", "docx", "-j", "1", "--templates", evil)
    assert result.exit_code == 1
    assert "refused" in result.stderr
    assert not (bad_out / "DC-2026-030").exists()

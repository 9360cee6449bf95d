"""A user's template renders under a time limit and a memory limit of its own (settings
``DCITY_TEMPLATE_SECONDS``, ``DCITY_TEMPLATE_MEMORY_MB``): work the sandbox's ``*``/``**`` bounds
do not see (nested loops, ``~`` in a loop, ``format``, ``center``) stops at the limit with exit 1,
one line naming the template and the limit, and no output file."""

from __future__ import annotations

import time

import pytest

from dcity_docs import settings
from dcity_docs.errors import InputError
from test_user_templates import RECORD, invoke, nothing_in, only_error, user_template

SECONDS, MEMORY_MB = 3, 300

TIME = {
    "nested-loops": "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
    "nested-loops-output": "{% for i in range(99999) %}{% for j in range(99999) %}{{ '' }}{% endfor %}{% endfor %}",
}

MEMORY = {
    "concatenation-in-a-loop": "{% set ns = namespace(s='xxxxxxxx') %}{% for i in range(60) %}"
                               "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    "format-width": "{{ '%999999999s'|format('x') }}",
    "format-filter-nested": "{{ '%s%s'|format('%400000000s'|format(1), '%400000000s'|format(2)) }}",
    "center-method": "{{ 'x'.center(10**9) }}",
    "center-filter": "{{ 'x'|center(10**9) }}",
}


@pytest.fixture
def limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(settings.TEMPLATE_SECONDS, str(SECONDS))
    monkeypatch.setenv(settings.TEMPLATE_MEMORY_MB, str(MEMORY_MB))


def _refused(tmp_path, text: str, word: str = "refused") -> tuple[str, float]:
    mine = tmp_path / "mine"
    template = user_template(mine, "memorandum.docx", text)
    out = tmp_path / "out"
    started = time.monotonic()
    result = invoke("render", "memorandum", RECORD, "-l", "en", "-o", out, "--templates", mine)
    took = time.monotonic() - started
    assert result.exit_code == 1, result.stderr
    line = only_error(result)
    assert str(template) in line and "word/document.xml" in line and word in line, line
    assert nothing_in(out)
    return line, took


@pytest.mark.parametrize("text", TIME.values(), ids=TIME.keys())
def test_a_template_that_works_too_long_is_stopped_at_its_time_limit(tmp_path, limits, text):
    line, took = _refused(tmp_path, text)
    assert f"longer than {SECONDS} s" in line and settings.TEMPLATE_SECONDS in line, line
    assert took < SECONDS + 10


@pytest.mark.parametrize("text", MEMORY.values(), ids=MEMORY.keys())
def test_a_template_that_takes_too_much_memory_is_stopped_at_its_memory_limit(tmp_path, limits, text):
    line, took = _refused(tmp_path, text)
    assert f"more than {MEMORY_MB} MB" in line and settings.TEMPLATE_MEMORY_MB in line, line


def test_a_range_too_big_is_refused_by_the_sandbox(tmp_path, limits):
    line, _ = _refused(tmp_path, "{% for i in range(10**7) %}{% endfor %}", word="Range too big")


def test_a_template_within_its_limits_renders_as_before(tmp_path, limits):
    mine = tmp_path / "mine"
    user_template(mine, "memorandum.docx", "{% set ns = namespace(s='ab') %}{% for i in range(10) %}"
                                           "{% set ns.s = ns.s ~ 'c' %}{% endfor %}LETTERHEAD {{ ns.s }}")
    out = tmp_path / "out"
    result = invoke("render", "memorandum", RECORD, "-l", "en", "-o", out, "--templates", mine)
    assert result.exit_code == 0, result.stderr
    from readback import docx_text

    assert docx_text(out / "DC-2026-030_memorandum_en.docx").startswith("LETTERHEAD abcccccccccc")


def test_the_limits_have_defaults_and_take_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(settings.TEMPLATE_SECONDS, raising=False)
    monkeypatch.delenv(settings.TEMPLATE_MEMORY_MB, raising=False)
    assert settings.template_seconds() == settings.DEFAULT_TEMPLATE_SECONDS
    assert settings.template_memory_mb() == settings.DEFAULT_TEMPLATE_MEMORY_MB
    monkeypatch.setenv(settings.TEMPLATE_SECONDS, " 2.5 ")
    monkeypatch.setenv(settings.TEMPLATE_MEMORY_MB, "64")
    assert settings.template_seconds() == 2.5 and settings.template_memory_mb() == 64
    for name, bad in ((settings.TEMPLATE_SECONDS, "-1"), (settings.TEMPLATE_MEMORY_MB, "lots"),
                      (settings.TEMPLATE_MEMORY_MB, "1.5")):
        monkeypatch.setenv(name, bad)
        with pytest.raises(InputError, match=name):
            settings.template_seconds() if name == settings.TEMPLATE_SECONDS else settings.template_memory_mb()

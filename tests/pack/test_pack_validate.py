"""`sitrep pack validate`: broken references, duplicate aliases, missing sources."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.pack.validate import validate_pack


def test_builtin_pack_is_clean() -> None:
    report = validate_pack()
    assert report.ok, [p for p in report.errors]
    assert report.actors >= 120


def test_tiny_pack_is_clean(tiny_pack: Path) -> None:
    assert validate_pack(str(tiny_pack)).problems == []


def test_every_kind_of_problem_is_reported(tiny_pack: Path) -> None:
    actors = tiny_pack / "actors" / "test.yaml"
    text = actors.read_text()
    text = text.replace("value: alpha_front", "value: alpha_fronte")  # broken reference
    text = text.replace("[Katiba Beta]", "[Katiba Beta, Alpha Liberation Front]")  # duplicate
    text = text.replace('{predicate: founded, start: "2012-01", source: "Test."}',
                        '{predicate: founded, start: "2012-01"}')  # missing source
    actors.write_text(text)
    (tiny_pack / "generic.yaml").write_text(
        "rules:\n  - id: t\n    placeholder: nobody\n    terms: [soldiers]\n")
    report = validate_pack(str(tiny_pack))
    checks = {(p.check, p.where.split(" fact")[0]) for p in report.errors}
    assert ("broken_reference", "actor beta_brigade") in checks
    assert ("duplicate_alias", "alias 'alpha liberation front'") in checks
    assert ("missing_source", "actor alpha_front") in checks
    assert ("broken_reference", "generic rule t") in checks
    assert not report.ok


def test_cli_exit_codes(tiny_pack: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["pack", "validate", "--pack", str(tiny_pack)])
    assert ok.exit_code == 0 and "OK" in ok.output
    actors = tiny_pack / "actors" / "test.yaml"
    actors.write_text(actors.read_text().replace("value: alpha_front", "value: ghost"))
    bad = runner.invoke(cli, ["pack", "validate", "--pack", str(tiny_pack)])
    assert bad.exit_code == 1
    assert "broken_reference" in bad.output and "ghost" in bad.output


def test_load_errors_are_reported_not_raised(tiny_pack: Path) -> None:
    (tiny_pack / "actors" / "test.yaml").write_text("actors: [{id: Bad Id}]\n")
    report = validate_pack(str(tiny_pack))
    assert [p.check for p in report.problems] == ["load"]
    assert "E201" in report.problems[0].message

"""The docs say what the code does: commands, files, gold sets and set-up stay in step."""

from __future__ import annotations

import re
from pathlib import Path

import click

import sitrep.cli  # noqa: F401  (registers every command)
from sitrep.cli.app import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md")}
ALL_DOCS = README + "\n".join(DOCS.values())


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    out = []
    for name, cmd in group.commands.items():
        out.append(f"{prefix}{name}")
        if isinstance(cmd, click.Group):
            out += _commands(cmd, f"{prefix}{name} ")
    return out


def test_every_command_is_documented_and_explains_itself() -> None:
    for name in _commands(cli):
        assert f"sitrep {name}" in ALL_DOCS, f"`sitrep {name}` appears in no doc"
        cmd = cli
        for part in name.split():
            cmd = cmd.commands[part]  # type: ignore[attr-defined]
        assert cmd.help and len(cmd.help) > 20, f"`sitrep {name} --help` says too little"


def test_docs_the_readme_names_exist() -> None:
    named = set(re.findall(r"`([\w-]+\.md)`", README.split("## Layout", 1)[1]))
    assert named, "the README lists its docs"
    for name in named - {"README.md"}:
        assert name in DOCS, f"README names docs/{name}, which does not exist"
    for path in re.findall(r"`((?:src|scripts|docs|corpus|gold)/[\w./-]+)`", README):
        assert (ROOT / path).exists(), f"README names {path}, which does not exist"


def test_the_two_setup_commands_are_the_ones_ci_runs() -> None:
    blocks = re.findall(r"```bash\n(.*?)```", README.split("## Set-up", 1)[1], re.S)
    assert [b.strip() for b in blocks[:2]] == ["bash scripts/demo.sh", "bash scripts/test.sh"]
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for script in ("demo.sh", "test.sh", "setup.sh"):
        assert (ROOT / "scripts" / script).exists()


def test_every_gold_file_is_listed_with_its_corpus() -> None:
    table = DOCS["gold-format.md"]
    for gold in sorted((ROOT / "gold").glob("*.yaml")):
        assert f"`gold/{gold.name}`" in table, f"docs/gold-format.md does not list {gold.name}"


def test_make_targets_run_existing_scripts() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for script in re.findall(r"scripts/[\w.]+", makefile):
        assert (ROOT / script).exists(), f"Makefile runs {script}, which does not exist"
    assert "make bench" in ALL_DOCS

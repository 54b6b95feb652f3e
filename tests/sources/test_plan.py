"""Planning a manifest keeps one line in memory at a time; texts are read again when ingested."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.sources.plan import plan


def test_manifest_texts_are_read_when_needed_not_held(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.jsonl"
    rows = [{"id": "a", "title": "Première", "text": "Des hommes armés ont attaqué Ménaka."},
            {"id": "b", "text": "Gunmen attacked a convoy near Gao on Sunday."}]
    body = "\ufeff" + "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
    manifest.write_bytes(body.encode("utf-8") + b'{"id": "c", "text": "caf\xe9"}\n'
                         + b'{"id": "d", "text": "Soldiers were killed in Boni."}\n')
    units = plan([str(manifest)])
    kinds = {u.origin: u.kind for u in units}
    assert kinds == {"a": "text", "b": "text", f"{manifest}:3": "reject", "d": "text"}
    texts = {u.origin: u.text() for u in units if u.kind == "text"}
    assert texts == {"a": rows[0]["text"], "b": rows[1]["text"],
                     "d": "Soldiers were killed in Boni."}
    assert all("text" not in u.fields for u in units)
    assert next(u for u in units if u.origin == "a").fields["title"] == "Première"
    bad = next(u for u in units if u.kind == "reject")
    assert bad.error is not None and "UTF-8" in str(bad.error)

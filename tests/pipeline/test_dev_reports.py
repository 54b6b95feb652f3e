"""Scores on our own development reports (tests/pipeline/data/dev_reports.yaml).

Each field is scored over the gold events that give it; the bars are set a little under what
the extractor reaches today, so a regression fails the test. Run with -s to see the numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from sitrep.model import Document
from sitrep.pack import load_pack
from sitrep.pipeline import extract_document

DEV = Path(__file__).parent / "data" / "dev_reports.yaml"
FIELDS = ("date", "country", "location_prefix", "type", "actor1", "fatalities", "injured",
          "abducted")


def _value(event: dict[str, Any], field: str) -> Any:
    return {"date": event["event_date"], "type": event["event_type"]}.get(field, event.get(field))


def _matches(gold: dict[str, Any], event: dict[str, Any], field: str) -> bool:
    if field == "location_prefix":
        return str(event.get("location") or "").startswith(gold[field])
    return bool(_value(event, field) == gold[field])


def score() -> tuple[dict[str, tuple[int, int]], int, int, int]:
    pack = load_pack()
    fields = {f: (0, 0) for f in FIELDS}
    found = gold_n = spurious = 0
    for report in yaml.safe_load(DEV.read_text(encoding="utf-8")):
        doc = Document(text=report["text"], origin="dev", published=report["published"])
        events = [e for e in extract_document(doc, pack).events() if not e["background"]]
        unused = list(events)
        for gold in report["events"]:
            gold_n += 1
            best = max(unused, default=None,
                       key=lambda e: sum(_matches(gold, e, f) for f in FIELDS if f in gold))
            if best is None:
                for f in FIELDS:
                    if f in gold:
                        fields[f] = (fields[f][0], fields[f][1] + 1)
                continue
            unused.remove(best)
            found += 1
            for f in FIELDS:
                if f in gold:
                    ok, n = fields[f]
                    fields[f] = (ok + _matches(gold, best, f), n + 1)
        spurious += len(unused)
    return fields, found, gold_n, spurious


def test_dev_reports_meet_the_bar() -> None:
    fields, found, gold_n, spurious = score()
    print(f"\nevents found {found}/{gold_n}, spurious {spurious}")
    for f, (ok, n) in fields.items():
        print(f"  {f:16} {ok}/{n}")
    assert found >= gold_n - 1
    assert spurious <= 2
    assert fields["country"][0] >= fields["country"][1] - 1
    assert fields["fatalities"][0] >= fields["fatalities"][1] - 3
    assert fields["type"][0] >= fields["type"][1] - 3

"""Near-duplicate articles (wire copies) are listed as sources but weigh once."""

from __future__ import annotations

import json
from pathlib import Path

from fusion_reports import write_reports

from sitrep.fusion.explain import reconciliation_lines
from sitrep.fusion.reconcile import copy_root, independent_documents
from sitrep.pipeline import extract_pending
from sitrep.sources import ingest
from sitrep.store import Store
from sitrep.store.events import iter_event_records
from sitrep.store.queries import get_event

ORIGINAL = (
    "Attack on a village market in northern Burkina Faso\n\n"
    "Gunmen on motorcycles attacked the weekly market in the village of Seytenga on 12 June "
    "2022, killing at least 12 civilians, according to the regional governor. Witnesses said "
    "the assailants arrived in the late afternoon, set fire to several stalls and shot at "
    "traders who tried to flee towards the river. Survivors reached the town of Dori the "
    "following morning, where the regional hospital treated a number of wounded people. "
    "Residents described a climate of fear in the area after months of attacks on roads and "
    "water points, and many families have left for the regional capital. The government said "
    "reinforcements had been sent to the district and that an operation to find the attackers "
    "was under way.")
TEXTS = {
    "a-original.txt": ORIGINAL,
    # a wire copy that changed one figure: still the same article, not a second witness
    "b-copy.txt": ORIGINAL.replace("at least 12 civilians", "at least 40 civilians"),
    "c-other.txt": ("Burkina Faso: toll of Seytenga market attack\n\nTwelve civilians were "
                    "killed when armed men raided the market in Seytenga on 12 June 2022, a "
                    "local official said."),
}


def test_a_wire_copy_is_a_source_but_not_an_independent_one(tmp_path: Path,
                                                             store: Store) -> None:
    report = ingest(store, [write_reports(tmp_path / "in", sorted(TEXTS), TEXTS)])
    assert len(report.near_duplicates) == 1
    extract_pending(store)
    (event,) = [r for r in iter_event_records(store) if r["location"] == "Seytenga"]
    assert {Path(s["document"]).name for s in event["sources"]} == set(TEXTS)  # all listed
    assert (event["fatalities_low"], event["fatalities_high"]) == (12, 12)  # 40 does not weigh
    detail = get_event(store, event["event_id"])["data"]
    assert detail["sources"]["documents"] == 3 and detail["sources"]["independent"] == 2
    copy_id = report.near_duplicates[0]["id"]
    assert detail["sources"]["copies"] == {copy_id: report.near_duplicates[0]
                                           ["near_duplicate_of"]}
    figures = [f for side in detail["fatalities"]["sides"].values() for f in side["figures"]]
    copied = [f for f in figures if f["document"] == copy_id]
    assert copied and all(f["weight"] == 0 and not f["independent"] for f in copied)
    assert json.dumps(detail)  # the reconciliation detail is plain JSON for the API
    lines = reconciliation_lines(get_event(store, event["event_id"]))
    assert lines[0] == "sources: 3 document(s), 2 independent"
    assert "b-copy.txt copies" in lines[1] and "a-original.txt" in lines[1]
    assert any("at least 40" in x and "weight 0, a copy" in x for x in lines)
    assert any(x.startswith("fatalities: low 12, best 12, high 12") for x in lines)


def test_one_document_per_group_of_copies_weighs() -> None:
    copies = {"copy1": "orig", "copy2": "copy1", "x": "absent"}
    assert copy_root("copy2", copies) == "orig"
    assert independent_documents({"orig", "copy1", "copy2", "other"}, copies) == {"orig",
                                                                                   "other"}
    # the original is not among the sources: one of its copies stands for it
    assert independent_documents({"copy1", "copy2"}, copies) == {"copy1"}
    assert independent_documents({"x"}, copies) == {"x"}

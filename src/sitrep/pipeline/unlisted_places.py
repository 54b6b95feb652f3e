"""Villages the text names that the gazetteer lacks.

Small Sahel villages are often missing from GeoNames ("the village of Tchoma Bangou", "Sobane
Da, a Dogon village"). The wording still says a place is named, and the admin area named beside
it ("in the Ouallam department", "in Niger's Tillabéri region") or the story's country says
where it is. Such a place keeps its name and country but has no coordinates
(``pack.gazetteer.text_place``): the event is coded at the village, not at the region or
country, which is what a coder reading the text would do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..pack.gazetteer import text_place
from ..pack.types import PlaceMention, ResolvedPlace

__all__ = ["find_unlisted"]

_NAME = r"(?P<name>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2})"
# "the village of X", "the military post of X", "the Fulani hamlet of X"
_OF_CUE = re.compile(r"\b(?:village|town|hamlet|locality|settlement|garrison|commune|"
                     r"(?:military|army)\s+(?:post|camp|base|detachment)|gold\s+(?:mine|site)|"
                     r"mining\s+site|area|outskirts|vicinity|residents|inhabitants)\s+of\s+"
                     + _NAME + r"|\bin\s+and\s+around\s+" + _NAME.replace("name", "name3"))
# "the killings in Yirgou, in the Centre-Nord region", "their post at X, in the Savanes region",
# "near X, in the Banibangou area"
_IN_REGION = re.compile(r"\b(?:in|at|near|around|outside|into|from|of)\s+" + _NAME
                        + r",\s+(?:in|near)\s+"
                        r"(?:the\s+)?(?:[\w’'-]+\s+){1,4}(?:region|province|department|"
                        r"prefecture|circle|cercle|commune|district|area|zone|sector)\b"
                        r"|\b(?:in|at)\s+" + _NAME.replace("name", "name2")
                        + r",\s+(?:near|outside|close\s+to)\s+(?=[A-Z])")
_ABOUT = r"(?:about\s+|some\s+|around\s+|roughly\s+|nearly\s+)?"  # "about 125 km"
# "at X, in south-western Niger", "in the X area", "X lies about 125 km south-west of ..."
# (each run only where its cue word is in the text)
_SITUATED = (
    (("north", "south", "east", "west", "central"),
     re.compile(r"\b(?:in|at|near|around)\s+" + _NAME + r",\s+in\s+(?:the\s+)?(?:far\s+)?"
                r"(?:north|south|east|west|central)[\w-]*\s+[A-Z]")),
    ((" area", " zone", " sector"),
     re.compile(r"\b(?:in|near|around)\s+the\s+" + _NAME + r"\s+(?:area|zone|sector)\b")),
    ((" km", "kilomet"),
     re.compile(r"(?<![\w-])" + _NAME + r"\s+(?:lies|is\s+located|is\s+situated|sits)\s+"
                r"(?:about\s+|some\s+|around\s+)?\d+\s*(?:km|kilomet(?:re|er)s)\b"
                # "at his mission in Bomoanga, about 125 km southwest of Niamey"
                r"|\b(?:in|at|near)\s+" + _NAME.replace("name", "name2") + r",\s+" + _ABOUT
                + r"\d+\s*(?:km|kilomet(?:re|er)s)\s+"
                r"(?:[\w-]+\s+){0,2}?(?:of|from)\s+[A-Z]")),
    # "on the track near X", "the road leading to X": a way runs to places, not to people
    (("track", "road", " axis"),
     re.compile(r"\b(?:track|road|axis)\s+(?:near|outside|leading\s+to|towards|to)\s+"
                + _NAME)),
)
_DISTANCE_AFTER = re.compile(r",\s+" + _ABOUT + r"\d")
# "X, a village in ...", "X, a small Dogon village"
_APPOSITIVE = re.compile(_NAME + r",\s+an?\s+(?:[\w-]+\s+){0,2}?(?:village|hamlet|locality|"
                                 r"settlement)\b")
# "in two villages of Yatenga province, Nodin and Soro": the villages are then named
_PAIR = re.compile(r"\b(?:two|three|several|neighbouring|neighboring|nearby)\s+(?:[\w-]+\s+)?"
                   r"(?:villages|hamlets|localities|settlements)\b[^.;:]{0,50}?,\s+"
                   + _NAME + r"\s+and\s+" + _NAME.replace("name", "name2") + r"\b")
# what a capitalised word after the cue may be that is not part of a name
_NOT_NAME = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december the a an in on at near and or but on
""".split())
_CONTEXT_CHARS = 80  # how far after the name its region may be named
_SCORE = 0.5
_WHY = "named in the text, not in the gazetteer"


def _name_span(m: re.Match[str]) -> tuple[int, int, str]:
    group = next(g for g in ("name", "name2", "name3")
                 if g in m.re.groupindex and m.group(g))  # (the regexes' second forms)
    words = m.group(group).split(" ")
    while words and words[-1].lower() in _NOT_NAME:
        words.pop()
    start = m.start(group)
    text = " ".join(words)
    return start, start + len(text), text


def _region_of(start: int, end: int, resolved: Sequence[tuple[Any, Any]],
               bounds: tuple[int, int]) -> Any | None:
    """The area the village lies in: the place named right after it in the sentence ("X, in
    the Y department", "X in Niger's Y region"), else the last region or country named before
    it in the sentence ("Burkina Faso: on 4 June, armed men attacked the village of X")."""
    after = [res.place for pm, res in resolved if res.place.country
             and end <= pm.start <= min(bounds[1], end + _CONTEXT_CHARS)]
    if after:
        return after[0]
    before = [res.place for pm, res in resolved if res.place.country
              and res.geo_precision == 3 and bounds[0] <= pm.start < start]
    return before[-1] if before else None


def find_unlisted(text: str, resolved: Sequence[tuple[Any, Any]], actors: Sequence[Any],
                  sentence_bounds: Any, default_country: str | None
                  ) -> list[tuple[PlaceMention, ResolvedPlace]]:
    """Unlisted villages of ``text`` as (mention, resolution) pairs. ``resolved`` are the
    gazetteer places already found (a name among them is not unlisted);
    ``sentence_bounds(pos)`` gives the (start, end) of the sentence at ``pos``;
    ``default_country`` is the story's country."""
    if " of " not in text and ", " not in text:
        return []
    taken = [(pm.start, pm.end) for pm, _ in resolved] + [(a.start, a.end) for a in actors]
    out: list[tuple[PlaceMention, ResolvedPlace]] = []
    seen: set[int] = set()
    spans = [_name_span(m) for rx in (_OF_CUE, _APPOSITIVE, _IN_REGION)
             for m in rx.finditer(text)]
    spans += [_name_span(m) for cues, rx in _SITUATED if any(c in text for c in cues)
              for m in rx.finditer(text)]
    if "villages" in text or "hamlets" in text or "localities" in text or "settlements" in text:
        spans += [(m.start(g), m.end(g), m.group(g)) for m in _PAIR.finditer(text)
                  for g in ("name", "name2")]
    found = {name for _, _, name in spans if name}
    for name in found:  # a name the text gave a village is that village wherever it recurs
        spans += [(m.start(), m.end(), name)
                  for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)]
    places: dict[str, Any] = {}
    for start, end, name in spans:
        if not name or start in seen or any(a < end and start < b for a, b in taken):
            continue
        if name in places:  # the same village again: the place its first naming gave it
            seen.add(start)
            out.append((PlaceMention(start, end, name, (places[name],)),
                        ResolvedPlace(places[name], 1, _SCORE, _WHY)))
            continue
        region = _region_of(start, end, resolved, sentence_bounds(start))
        country = region.country if region is not None else default_country
        if not country:
            continue
        admin1 = region.admin1 if region is not None and region.country == country else None
        admin2 = region.admin2 if region is not None and region.country == country and \
            region.feature_code != "ADM1" else None
        if region is not None and region.feature_code == "ADM2" and not admin2:
            admin2 = region.name
        if _DISTANCE_AFTER.match(text, end):
            admin1 = admin2 = None  # "X, about 125 km south-west of Niamey": only the country
            # is the reference town's
        place = places[name] = text_place(name, country, admin1, admin2)
        seen.add(start)
        out.append((PlaceMention(start, end, name, (place,)),
                    ResolvedPlace(place, 1, _SCORE, _WHY)))
    return out

"""Value types the pack hands to other layers (contract: docs/contracts.md, section "pack")."""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of actors: the list, as short machine names.
ACTOR_KINDS = {
    "jihadist_group": "jihadist group",
    "armed_group": "non-state armed group / rebel movement",
    "militia": "ethnic / communal militia",
    "state_forces": "state armed forces",
    "police": "police / gendarmerie",
    "foreign_forces": "foreign state force",
    "pmc": "private military company",
    "mission": "international mission",
    "government": "state / government",
    "political": "political organisation",
    "person": "person",
    "civilians": "civilians",
}

# Fact predicates an actor entry may carry (DESIGN.md relation predicates plus life-cycle facts).
FACT_PREDICATES = {
    "founded", "dissolved", "merged_into", "split_from", "affiliate_of", "part_of", "led_by",
    "leads", "founded_by", "successor_of", "allied_with", "rival_of", "supports", "fights",
    "listed_un", "head_of", "born", "died", "renamed", "member_of",
}
# Predicates whose value is another actor id (checked by `sitrep pack validate`).
ACTOR_VALUED = {
    "merged_into", "split_from", "affiliate_of", "part_of", "led_by", "leads", "founded_by",
    "successor_of", "allied_with", "rival_of", "supports", "fights", "head_of", "member_of",
}


@dataclass(frozen=True)
class Fact:
    """One time-bounded fact about an actor, with the note that says where it comes from."""

    predicate: str
    value: str | None = None  # actor id for relations, free text otherwise
    start: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    end: str | None = None
    source: str = ""
    note: str | None = None


@dataclass(frozen=True)
class Alias:
    name: str
    lang: str | None = None  # en, fr, ar (romanized), ...


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None  # ISO 3166 alpha-2, or a region name ("Sahel")
    aliases: tuple[Alias, ...] = ()
    facts: tuple[Fact, ...] = ()
    source: str = ""  # note for the entry as a whole
    description: str | None = None
    un_ref: str | None = None
    placeholder: bool = False  # a typed stand-in for a generic description, not a real group

    @property
    def alias_names(self) -> list[str]:
        return [a.name for a in self.aliases]

    def facts_about(self, predicate: str) -> list[Fact]:
        return [f for f in self.facts if f.predicate == predicate]


@dataclass(frozen=True)
class Place:
    id: str  # "geonames:2460596" or "sitrep:boulkessi"
    name: str
    country: str | None
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    feature_class: str | None
    feature_code: str | None
    population: int = 0
    source: str | None = None  # supplement rows carry their source note

    @property
    def is_admin(self) -> bool:
        return self.feature_class == "A"


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    actor_id: str  # registry id or typed placeholder (unidentified_armed_group, state_forces...)
    kind: str  # "named" | "generic" | "demonym"
    country: str | None = None
    rule: str | None = None  # id of the generic rule that produced a placeholder


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    qualifier: str | None = None  # "near" when the text says near/outside/km from...


@dataclass(frozen=True)
class PlaceContext:
    """What the document already says about where it is (countries named, other places)."""

    countries: list[str] = field(default_factory=list)
    near: list[Place] = field(default_factory=list)
    # countries the text points to only through small places that exist in one country (a
    # hamlet named once): weaker evidence than a country, a region or an army named
    weak_countries: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ResolvedPlace:
    place: Place
    geo_precision: int  # 1 exact town, 2 near / small area, 3 admin region or country
    score: float = 0.0
    reason: str = ""

"""Session-3 relation rules on sentences written for these tests (real pack, real matcher):
affiliates standing for their parents, alongside/support constructions, possessives, mergers,
splits and leadership phrasings common in news writing."""

from __future__ import annotations

from pathlib import Path

import pytest
from extracted import relations_in

from sitrep.errors import SitrepError
from sitrep.pack import load_pack
from sitrep.pipeline.relation_affiliates import countries_named, regional_affiliates
from sitrep.pipeline.relations import ActorSpan, extract_relations, load_patterns

Found = dict[tuple[str, str, str], tuple[str | None, str | None, str]]


def found(text: str) -> Found:
    return {(r.subject, r.predicate, r.object): (r.start_date, r.end_date, r.modality)
            for r in relations_in(text)}


# --- "groups linked to X and Y are cooperating": the parents stand for their affiliates ---


def test_linked_groups_cooperating_are_the_regional_affiliates_not_the_parents() -> None:
    got = found("Militants loyal to al-Qaeda and to the Islamic State have been coordinating "
                "their raids in the tri-border area since 2019, a UN panel found.")
    assert got[("isgs", "allied_with", "jnim")][0] == "2019"
    assert ("al_qaeda", "allied_with", "islamic_state") not in got
    assert not any(p == "allied_with" and "al_qaeda" in (s, o) for s, p, o in got)


def test_the_region_named_after_the_verb_picks_the_affiliates() -> None:
    got = found("Fighters affiliated with al-Qaeda and the Islamic State are cooperating in "
                "north-east Nigeria, a report says.")
    assert ("ansaru", "allied_with", "iswap") in got  # the pack's Nigerian branches
    assert ("isgs", "allied_with", "jnim") not in got
    # a region where the pack knows no affiliate: nothing, and never the parents themselves
    got = found("Militants linked to al-Qaeda and the Islamic State are working together in "
                "Somalia, officials say.")
    assert not any(p == "allied_with" for _, p, _ in got)


def test_other_phrasings_of_affiliates_cooperating() -> None:
    got = found("Local branches of al-Qaeda and the Islamic State have joined forces in Mali.")
    assert ("isgs", "allied_with", "jnim") in got
    got = found("Al-Qaeda- and Islamic State-linked jihadists are now collaborating across "
                "Burkina Faso, aid workers say.")
    assert ("isgs", "allied_with", "jnim") in got


def test_two_umbrellas_joining_forces_in_a_region_means_their_branches() -> None:
    got = found("Al-Qaeda and the Islamic State teamed up in the Sahel last year.")
    assert ("isgs", "allied_with", "jnim") in got
    assert ("al_qaeda", "allied_with", "islamic_state") not in got
    # two groups with a home country keep their own alliance
    got = found("GATIA and the MSA joined forces in Menaka.")
    assert ("gatia", "allied_with", "msa") in got


def test_regional_affiliates_follow_dates_and_stop_at_the_first_branch_in_the_region() -> None:
    pack = load_pack()
    sahel = sorted(pack.focus_countries)
    assert regional_affiliates(pack, "al_qaeda", sahel, "2020-02") == ["jnim"]  # not its katibas
    assert "jnim" not in regional_affiliates(pack, "al_qaeda", sahel, "2015")  # before JNIM
    assert regional_affiliates(pack, "islamic_state", ["NG"]) == ["iswap"]
    assert regional_affiliates(pack, "al_qaeda", ["SO"]) == []
    assert countries_named(pack, "in Mali and Niger, not in Chad") == ["ML", "NE", "TD"]


def test_stand_for_is_validated(tmp_path: Path) -> None:
    bad = tmp_path / "p.yaml"
    bad.write_text("patterns:\n  - id: x\n    stand_for: parents\n"
                   "    pattern: '{X} and {Y} cooperate'\n    emit: [allied_with X->Y]\n")
    with pytest.raises(SitrepError) as info:
        load_patterns(bad)
    assert info.value.code == "E201" and "stand_for" in str(info.value)


# --- support, alliances on the ground ---


def test_fighting_alongside_with_a_common_enemy() -> None:
    got = found("Dozo hunters have fought beside the Malian army against Katiba Macina and "
                "ISGS.")
    assert ("dozo", "allied_with", "fama") in got or ("fama", "allied_with", "dozo") in got
    assert {("dozo", "fights", "katiba_macina"), ("fama", "fights", "katiba_macina"),
            ("dozo", "fights", "isgs"), ("fama", "fights", "isgs")} <= set(got)
    # a clause that starts after "and" is not the subject's own
    got = found("Troops left the AFISMA camp at dawn and worked with Operation Barkhane.")
    assert not any(p == "allied_with" for _, p, _ in got)


def test_support_constructions() -> None:
    got = found("Africa Corps instructors are training the Nigerien army near Tillabéri.")
    assert ("africa_corps", "supports", "fan") in got
    got = found("The Koglweogo militia receives weapons and fuel from the Burkinabe army.")
    assert ("fabf", "supports", "koglweogo") in got
    got = found("Operation Barkhane provided air support to the Nigerien army during the "
                "offensive.")
    assert ("operation_barkhane", "supports", "fan") in got
    got = found("Wagner Group contractors arrived in Bamako at the invitation of the Malian "
                "government.")
    assert ("wagner", "supports", "mali_government") in got
    got = found("The G5 Sahel Joint Force was financed mainly by the European Union.")
    assert ("european_union", "supports", "g5_sahel_joint_force") in got


def test_subject_worked_with_and_possessive_objects() -> None:
    got = found("Operation Serval secured Gao in 2013 and later worked closely with MINUSMA.")
    assert ("minusma", "allied_with", "operation_serval") in got
    got = found("Abubakar Shekau was hiding in Sambisa. The Chadian army fought Shekau's Boko "
                "Haram near the lake.")
    assert ("chad_armed_forces", "fights", "boko_haram") in got
    assert ("abubakar_shekau", "leads", "boko_haram") in got  # the possessive, even after "fought"


# --- part_of, merged_into, split_from, founded_by, leads ---


def test_units_and_coalition_members() -> None:
    got = found("Katiba Hanifa, a JNIM battalion, raided the post.")
    assert ("katiba_hanifa", "part_of", "jnim") in got
    got = found("The raid was blamed on the Katiba Serma of JNIM.")
    assert ("katiba_serma", "part_of", "jnim") in got
    got = found("The CMA, an umbrella of rebel movements dominated by the MNLA and the HCUA, "
                "rejected the plan.")
    assert {("mnla", "part_of", "cma"), ("hcua", "part_of", "cma")} <= set(got)
    got = found("GATIA joined the talks in 2015 as a member of the Platform coalition.")
    assert ("gatia", "part_of", "platform") in got
    got = found("In a statement, al-Mourabitoun said that it was once again part of AQIM.")
    assert ("al_mourabitoun", "part_of", "aqim") in got
    got = found("Ansar Dine announced that it was now part of JNIM.")
    assert ("ansar_dine", "part_of", "jnim") in got


def test_mergers() -> None:
    got = found("The merger of al-Mulathamun and MUJAO into al-Mourabitoun was announced in "
                "August 2013.")
    assert {("al_mulathamun", "merged_into", "al_mourabitoun"),
            ("mujao", "merged_into", "al_mourabitoun")} <= set(got)
    got = found("Ansar Dine, Katiba Macina and the Sahara Emirate of AQIM merge into JNIM, "
                "the video says.")
    assert ("aqim_sahara_emirate", "merged_into", "jnim") in got
    assert ("aqim", "merged_into", "jnim") not in got  # the parent of a list item is no item
    assert ("aqim_sahara_emirate", "part_of", "aqim") in got
    got = found("In 2014 the MIA dissolved itself into the HCUA.")
    assert got[("mia", "merged_into", "hcua")][0] == "2014"


def test_split_constructions() -> None:
    got = found("ISWAP is the faction that broke away from Boko Haram in 2016.")
    assert got[("iswap", "split_from", "boko_haram")][0] == "2016"
    got = found("Ansaru was founded in 2012 by commanders who had split from Boko Haram.")
    assert ("ansaru", "split_from", "boko_haram") in got
    got = found("Al-Mourabitoun was led by Mokhtar Belmokhtar after he quit AQIM.")
    assert ("mokhtar_belmokhtar", "split_from", "aqim") in got
    got = found("Ansaru, the al-Qaeda-aligned offshoot of Boko Haram, kidnapped engineers.")
    assert ("ansaru", "split_from", "boko_haram") in got
    assert ("ansaru", "affiliate_of", "al_qaeda") in got
    assert ("boko_haram", "affiliate_of", "al_qaeda") not in got  # "aligned" is Ansaru's


def test_leadership_and_founding_phrasings() -> None:
    got = found("Katiba Macina, which Amadou Koufa still leads, denied the report.")
    assert ("amadou_koufa", "leads", "katiba_macina") in got
    got = found("Abu Musab al-Barnawi took over ISWAP in 2016.")
    assert got[("abu_musab_al_barnawi", "leads", "iswap")][0] == "2016"
    got = found("Amadou Koufa's men, later known as Katiba Macina, spread across Mopti.")
    assert ("amadou_koufa", "leads", "katiba_macina") in got
    got = found("Ansarul Islam founder Ibrahim Malam Dicko was killed in 2017.")
    assert ("ansarul_islam", "founded_by", "ibrahim_malam_dicko") in got
    got = found("Iyad Ag Ghaly quit the MNLA talks and went on to create Ansar Dine.")
    assert ("ansar_dine", "founded_by", "iyad_ag_ghaly") in got
    got = found("ISWAP operates as a province of the Islamic State.")
    assert ("iswap", "affiliate_of", "islamic_state") in got


def test_rivalry_and_battles() -> None:
    got = found("JNIM regards ISGS as its main enemy in the Gourma.")
    assert ("isgs", "rival_of", "jnim") in got
    got = found("GATIA lost a dozen men in a fierce battle with fighters of ISGS.")
    assert ("gatia", "fights", "isgs") in got
    # a possessive opening is not the subject: the branch is, and it is not named
    got = found("The Islamic State's local branch regards JNIM as an enemy.")
    assert ("islamic_state", "rival_of", "jnim") not in got


def test_surname_with_its_particle_is_the_person() -> None:
    got = found("Iyad Ag Ghaly founded Ansar Dine in 2012. Five years later JNIM, which Ag "
                "Ghaly now leads, was born.")
    assert ("iyad_ag_ghaly", "leads", "jnim") in got


def test_relative_clauses_whose_subject_is_the_second_actor() -> None:
    got = found("Residents fled Ansarul Islam, which the VDP has fought since 2020.")
    assert got[("vdp", "fights", "ansarul_islam")][0] == "2020"
    got = found("Dan Na Ambassagou, which the Malian army allegedly armed, denied the charge.")
    assert ("fama", "supports", "dan_na_ambassagou") in got
    got = found("They visited Ansar Dine, which Iyad Ag Ghaly founded in 2012.")
    assert ("ansar_dine", "founded_by", "iyad_ag_ghaly") in got


def test_more_news_phrasings() -> None:
    got = found("Katiba Serma, loyal to JNIM, controls the forest.")
    assert ("katiba_serma", "affiliate_of", "jnim") in got
    got = found("Katiba Hanifa, now part of JNIM, operates near the border.")
    assert ("katiba_hanifa", "part_of", "jnim") in got
    got = found("Youssouf Toloba, head of Dan Na Ambassagou, spoke to reporters.")
    assert ("youssouf_toloba", "leads", "dan_na_ambassagou") in got
    got = found("Captain Ibrahim Traoré leads the new MPSR junta.")
    assert ("ibrahim_traore", "leads", "bf_mpsr") in got
    got = found("Several MNLA commanders defected to Ansar Dine in 2012.")
    assert got[("mnla", "part_of", "ansar_dine")][0] == "2012"
    got = found("MUJAO, formerly known as the Movement for Oneness, was renamed.")  # one actor
    assert not any(p == "successor_of" for _, p, _ in got)
    got = found("Clashes pitting GATIA against the HCUA broke out near Anefis.")
    assert ("gatia", "fights", "hcua") in got
    got = found("ISWAP's campaign against the Nigerian army intensified in 2019.")
    assert ("iswap", "fights", "nigerian_armed_forces") in got
    got = found("A Barkhane convoy came under fire from ISGS near Ménaka.")
    assert ("isgs", "fights", "operation_barkhane") in got
    got = found("An offensive by JNIM against Ansarul Islam positions failed.")
    assert ("jnim", "fights", "ansarul_islam") in got
    got = found("Operation Barkhane works alongside MINUSMA and the G5 Sahel Joint Force.")
    assert {("minusma", "allied_with", "operation_barkhane"),
            ("g5_sahel_joint_force", "allied_with", "operation_barkhane")} <= set(got)
    got = found("The MSA fought in alliance with GATIA.")
    assert ("gatia", "allied_with", "msa") in got


@pytest.mark.parametrize(("sentence", "relation"), [
    ("JNIM, the Sahel branch of al-Qaeda, claimed the attack.",
     ("jnim", "affiliate_of", "al_qaeda")),
    ("The attack was claimed by JNIM, al-Qaeda's affiliate in the Sahel.",
     ("jnim", "affiliate_of", "al_qaeda")),
    ("ISGS fighters and JNIM militants clashed near Ménaka on Sunday.", ("isgs", "fights", "jnim")),
    ("Fighting between rival jihadists JNIM and ISGS killed dozens.", ("isgs", "rival_of", "jnim")),
    ("Fighting between rival jihadists JNIM and ISGS killed dozens.", ("jnim", "fights", "isgs")),
    ("The Malian army and its Russian allies from the Wagner Group retook Kidal.",
     ("fama", "allied_with", "wagner")),
    ("Mali's junta turned to the Wagner Group for help against the jihadists.",
     ("wagner", "supports", "mali_government")),
    ("Boko Haram and ISWAP have fought for control of the Lake Chad islands.",
     ("boko_haram", "fights", "iswap")),
    ("Operation Serval drove AQIM and MUJAO out of Gao.", ("operation_serval", "fights", "mujao")),
    ("The HCUA and the MNLA, both members of the CMA, rejected the plan.",
     ("mnla", "part_of", "cma")),
    ("GATIA militiamen, allied with the Malian army, patrolled the road.",
     ("fama", "allied_with", "gatia")),
    ("Russia's Africa Corps has taken over Wagner's operations in Mali.",
     ("africa_corps", "successor_of", "wagner")),
    ("Katiba Macina, one of JNIM's main components, controls much of the Mopti region.",
     ("katiba_macina", "part_of", "jnim")),
    ("AQIM and al-Mourabitoun jointly claimed the Radisson Blu attack.",
     ("al_mourabitoun", "allied_with", "aqim")),
    ("Chadian troops are fighting Boko Haram alongside Nigerian troops.",
     ("chad_armed_forces", "allied_with", "nigerian_armed_forces")),
])
def test_common_news_phrasings(sentence: str, relation: tuple[str, str, str]) -> None:
    assert relation in found(sentence)


def test_phrasings_that_must_not_give_a_relation() -> None:
    # "allied with" in an apposition is an alliance, not an affiliation
    got = found("GATIA militiamen, allied with the Malian army, patrolled the road.")
    assert ("gatia", "affiliate_of", "fama") not in got
    # fighting together is not fighting each other
    got = found("GATIA and the MSA fought together against ISGS.")
    assert ("gatia", "fights", "msa") not in got and ("msa", "fights", "gatia") not in got
    # only a foreign force or a company is hired
    got = found("The Malian government recruited GATIA fighters as auxiliaries.")
    assert not any(p == "supports" for _, p, _ in got)


def test_a_verb_before_a_branch_is_no_apposition() -> None:
    got = found("ISWAP swallowed the Nigerian Boko Haram branch whole.")
    assert ("iswap", "affiliate_of", "boko_haram") not in got


def test_an_averted_confrontation_is_no_fighting() -> None:
    got = found("JNIM tried to avoid confrontation with ISGS in the Gourma.")
    assert ("isgs", "fights", "jnim") not in got and ("jnim", "fights", "isgs") not in got
    got = found("JNIM lost men in a confrontation with ISGS in the Gourma.")
    assert ("jnim", "fights", "isgs") in got


def test_cues_only_skip_patterns_that_could_not_match() -> None:
    """Each pattern's cue (literal words it needs) is a pure speed-up: the relations found on
    the dev-relations corpus are the same with every cue switched off."""
    import dataclasses
    import json

    from sitrep.model import Document
    from sitrep.pipeline import extract_document

    pack = load_pack()
    patterns = load_patterns()
    assert sum(1 for p in patterns if p.cue) > 0.8 * len(patterns)
    uncued = tuple(dataclasses.replace(p, cue=()) for p in patterns)
    corpus = Path(__file__).resolve().parents[2] / "corpus" / "dev-relations" / "manifest.jsonl"
    total = 0
    for line in corpus.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        work = extract_document(Document(text=row["text"], origin=row["id"],
                                         published=row["published"]), pack).work
        spans = [ActorSpan(a.start, a.end, a.actor_id) for a in work.actors
                 if a.kind == "named"]
        sents = [(s.start, s.end) for s in work.sentences]
        fast = extract_relations(work.text, sents, spans, patterns, pack=pack, dates=work.dates)
        slow = extract_relations(work.text, sents, spans, uncued, pack=pack, dates=work.dates)
        assert fast == slow, row["id"]
        total += len(fast)
    assert total > 50


@pytest.mark.parametrize(("sentence", "relation"), [
    ("Ansar Dine and the MNLA, once allies, turned on each other in 2012.",
     ("ansar_dine", "fights", "mnla")),
    ("After months of fighting, the MNLA lost Gao to MUJAO.", ("mnla", "fights", "mujao")),
    ("Russian paramilitaries from the Wagner Group are deployed alongside Malian soldiers.",
     ("fama", "allied_with", "wagner")),
    ("Wagner Group mercenaries have been deployed in Mali since December 2021 to support the "
     "Malian army.", ("wagner", "supports", "fama")),
    ("Niger's junta expelled French troops and welcomed Russian instructors from the Africa "
     "Corps.", ("africa_corps", "supports", "niger_government")),
    ("The MSA and GATIA, two pro-government militias, fought ISGS in 2018.",
     ("msa", "fights", "isgs")),
    ("JNIM is an alliance of Ansar Dine, Katiba Macina and al-Mourabitoun.",
     ("katiba_macina", "part_of", "jnim")),
    ("The CSP brings together the HCUA, the MNLA and part of the MAA.",
     ("hcua", "part_of", "csp_psd")),
    ("Iyad Ag Ghaly, JNIM's emir, swore allegiance to al-Qaeda's leader Ayman al-Zawahiri.",
     ("iyad_ag_ghaly", "affiliate_of", "al_qaeda")),
    ("The Islamic State recognised ISWAP as its West African province in 2015.",
     ("iswap", "affiliate_of", "islamic_state")),
    ("Burkinabe troops and VDP auxiliaries repelled an attack by Ansarul Islam.",
     ("ansarul_islam", "fights", "vdp")),
])
def test_more_common_news_phrasings(sentence: str, relation: tuple[str, str, str]) -> None:
    assert relation in found(sentence)


def test_false_friends_of_those_phrasings() -> None:
    got = found("In 2013, al-Mulathamun and MUJAO merged to create al-Mourabitoun.")
    assert ("al_mourabitoun", "founded_by", "al_mulathamun") not in got  # merged, not founded
    assert ("al_mulathamun", "merged_into", "al_mourabitoun") in got
    got = found("ISWAP has absorbed many of Boko Haram's fighters.")
    assert ("iswap", "successor_of", "boko_haram") not in got
    got = found("Niger's junta expelled French troops and welcomed Russian instructors from the "
                "Africa Corps.")
    assert ("niger_government", "fights", "french_armed_forces") not in got  # a government
    assert ("africa_corps", "supports", "french_armed_forces") not in got
    got = found("The Malian government has denied arming Dan Na Ambassagou.")
    assert got[("mali_government", "supports", "dan_na_ambassagou")][2] == "denied"


def test_formed_as_a_coalition_is_a_merger_not_membership() -> None:
    got = found("JNIM was formed in 2017 as a coalition of Ansar Dine and Katiba Macina.")
    assert ("ansar_dine", "merged_into", "jnim") in got
    assert ("ansar_dine", "part_of", "jnim") not in got


@pytest.mark.parametrize(("sentence", "relation"), [
    ("Burkinabe soldiers and VDP volunteers came under attack from JNIM fighters near Djibo.",
     ("jnim", "fights", "fabf")),
    ("The attack was claimed by Ansarul Islam, a group close to JNIM.",
     ("ansarul_islam", "allied_with", "jnim")),
    ("The CSP rebels, who have been fighting the Malian army since 2023, claimed the attack.",
     ("csp_psd", "fights", "fama")),
])
def test_incident_report_phrasings(sentence: str, relation: tuple[str, str, str]) -> None:
    assert relation in found(sentence)


def test_a_passive_verb_keeps_who_attacked_whom() -> None:
    got = found("FAMa and Wagner forces were targeted by JNIM in Tinzaouaten.")
    assert {("jnim", "fights", "fama"), ("jnim", "fights", "wagner")} <= set(got)
    assert ("fama", "fights", "jnim") not in got and ("wagner", "fights", "jnim") not in got


def test_acting_together_and_a_name_with_its_acronym() -> None:
    got = found("The raid was claimed by Katiba Serma, a unit active near Boni, which said it "
                "had carried out the raid together with Katiba Hanifa.")
    assert ("katiba_hanifa", "allied_with", "katiba_serma") in got
    got = found("Islamic State West Africa Province (ISWAP), the Islamic State's Nigerian "
                "branch, claimed the raid.")
    assert ("iswap", "affiliate_of", "islamic_state") in got
    got = found("Fighters of the Movement for Oneness and Jihad in West Africa (MUJAO), an AQIM "
                "offshoot, held Gao.")
    assert ("mujao", "affiliate_of", "aqim") in got

"""Issue 12: the failure families of real news prose, each proved on sentences written for
these tests (the real-news texts themselves stay outside the repository)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from briefing.model import Analysis, CleanArticle

if TYPE_CHECKING:
    from briefing.nlp import Analyzer


# Sentence tests of the rules: the trained fact filter is left out (see tests/conftest.py).
pytestmark = pytest.mark.rules_only


def analyze(analyzer: Analyzer, body: str) -> Analysis:
    return analyzer.analyze(CleanArticle("test.txt", body, "Headline", None, body, ()))


def facts(analysis: Analysis) -> list[tuple[str, str | None, str | None, str]]:
    return [(f.measure, f.actor, f.target, f.status) for f in analysis.facts]


# -- same words, other senses -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The governing body handed the sprinter a four-year ban for doping offences.",
        "UEFA fined the club and banned its supporters from the next away match.",
        "Athletes who fail a test face sanctions under the new code, the agency's chief said.",
    ],
)
def test_sports_bans_and_sanctions_are_no_measure(analyzer: Analyzer, text: str) -> None:
    assert facts(analyze(analyzer, text)) == []


def test_a_state_measure_beside_sport_words_stays(analyzer: Analyzer) -> None:
    text = "Britain froze the assets of the club's owner on Thursday, and fans fear for the season."
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("asset_freeze", "United Kingdom")]


# -- comments, options and restatements --------------------------------------------------


def test_a_negated_comment_on_a_measure_is_no_fact(analyzer: Analyzer) -> None:
    text = (
        "Canada imposed sanctions on Belarus on Monday. "
        "A spokesman said the sanctions were not aimed at the Belarusian people."
    )
    assert facts(analyze(analyzer, text)) == [("sanctions", "Canada", "Belarus", "announced")]


def test_a_measure_said_to_be_an_option_is_considered(analyzer: Analyzer) -> None:
    text = "New EU sanctions on Iran remain on the table, the minister told reporters."
    assert facts(analyze(analyzer, text)) == [("sanctions", "European Union", "Iran", "considered")]


def test_a_measure_word_is_never_a_target(analyzer: Analyzer) -> None:
    text = (
        "Australia imposed sanctions on Myanmar in 2021. Canberra added further sanctions in 2023."
    )
    found = facts(analyze(analyzer, text))
    assert found == [("sanctions", "Australia", "Myanmar", "announced")]


def test_upon_names_the_target(analyzer: Analyzer) -> None:
    text = "Norway imposed sanctions upon four Syrian generals on Friday."
    (fact,) = analyze(analyzer, text).facts
    assert fact.target == "Syrian generals"


def test_a_vague_restatement_of_the_target_is_the_same_fact(analyzer: Analyzer) -> None:
    text = (
        "Germany cut off development aid to Niger after the coup. "
        "A spokeswoman said the aid to the government had been suspended."
    )
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("aid_suspension", "Germany")]


# -- the sanctioned taken for the sanctioner; departments and officials --------------------


def test_who_is_to_be_expelled_is_the_target_and_the_place_acts(analyzer: Analyzer) -> None:
    text = "Nine Iranian envoys are to be expelled from Denmark, officials in Copenhagen said."
    found = analyze(analyzer, text).facts
    assert [(f.measure, f.actor, f.target, f.quantity) for f in found] == [
        ("expulsion", "Denmark", "Iranian envoys", "9")
    ]


def test_a_ministry_acts_for_its_state_and_it_points_back_to_the_state(
    analyzer: Analyzer,
) -> None:
    text = (
        "On Tuesday, Spain's Ministry of Foreign Affairs said it would expel two "
        "Venezuelan diplomats."
    )
    assert [(f.measure, f.actor) for f in analyze(analyzer, text).facts] == [("expulsion", "Spain")]


def test_a_titled_person_of_a_state_acts_for_it(analyzer: Analyzer) -> None:
    text = "Foreign Minister Lena Brandt of Sweden has proposed a ban on Iranian oil."
    assert facts(analyze(analyzer, text)) == [("import_ban", "Sweden", "Iranian oil", "considered")]


def test_the_people_a_visa_limit_is_for_are_the_target(analyzer: Analyzer) -> None:
    text = "Ottawa will restrict visas for 40 senior Iranian army commanders."
    (fact,) = analyze(analyzer, text).facts
    assert (fact.measure, fact.actor, fact.target, fact.quantity) == (
        "travel_ban",
        "Canada",
        "senior Iranian army commanders",
        "40",
    )


# -- hopes, plans and conditions --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("EU ministers are due to adopt tougher sanctions against Belarus.", "planned"),
        ("Several Dutch lawmakers raised the idea of a ban on Iranian oil.", "considered"),
        ("Spain suggested that the bloc impose an embargo on Iranian oil.", "considered"),
    ],
)
def test_plans_and_suggestions_set_the_status(analyzer: Analyzer, text: str, status: str) -> None:
    found = analyze(analyzer, text).facts
    assert [f.status for f in found] == [status], facts(analyze(analyzer, text))


@pytest.mark.parametrize(
    "text",
    [
        "Ministers from the bloc failed to settle on tougher sanctions against Belarus.",
        "The two governments failed to agree on new sanctions against Belarus.",
    ],
)
def test_a_measure_they_failed_to_agree_on_was_only_considered(
    analyzer: Analyzer, text: str
) -> None:
    assert [f.status for f in analyze(analyzer, text).facts] in ([], ["considered"])


# -- tit-for-tat, headings, whole targets ---------------------------------------------------


def test_each_side_of_a_tit_for_tat_keeps_its_own_measure(analyzer: Analyzer) -> None:
    text = (
        "Ottawa expelled four Chinese diplomats on Monday, a reply to Beijing's introduction "
        "of tariffs on Canadian canola."
    )
    found = [(f.measure, f.actor, f.target) for f in analyze(analyzer, text).facts]
    assert ("expulsion", "Canada", "Chinese diplomats") in found
    assert ("trade_restriction", "China", "Canadian canola") in found


def test_a_section_heading_reports_no_measure(analyzer: Analyzer) -> None:
    text = (
        "The bloc agreed new sanctions on Iran on Monday.\n\n"
        "A short history of Western embargoes\n\n"
        "The talks had stalled for months."
    )
    assert [(f.measure, f.actor) for f in analyze(analyzer, text).facts] == [
        ("sanctions", "European Union")
    ]


def test_an_aim_is_not_a_target(analyzer: Analyzer) -> None:
    text = "Australia adopted three sanctions packages, aimed at limiting drone exports of Iran."
    found = analyze(analyzer, text).facts
    assert found
    assert all(f.target in (None, "Iran") for f in found)


# -- second round: talk about a measure, moves that point back, whose measure it is ---------


@pytest.mark.parametrize(
    "text",
    [
        "A spokeswoman characterised the Canadian tariffs as economic bullying.",
        "The envoy described the Australian sanctions as a hostile gesture.",
    ],
)
def test_a_measure_only_characterised_is_no_fact(analyzer: Analyzer, text: str) -> None:
    assert facts(analyze(analyzer, text)) == []


def test_a_like_move_is_the_measure_its_own_clause_names(analyzer: Analyzer) -> None:
    text = (
        "Peru called home its ambassador to Bolivia on Monday. In a like move, Chile has "
        "withdrawn its ambassador to Bolivia as well."
    )
    found = facts(analyze(analyzer, text))
    assert [f for f in found if f[1] == "Chile"] == [
        ("diplomatic_measure", "Chile", "Bolivia", "announced")
    ]


def test_a_question_about_what_a_measure_holds_is_no_fact(analyzer: Analyzer) -> None:
    text = "The minister would not say what the new penalties against Minsk would cover."
    assert facts(analyze(analyzer, text)) == []


def test_the_actor_before_a_gerund_acts(analyzer: Analyzer) -> None:
    text = (
        "The coup came after another one in Mali that resulted in France suspending part of "
        "its aid to the junta."
    )
    assert [f[:2] for f in facts(analyze(analyzer, text))] == [("aid_suspension", "France")]


def test_a_cue_word_before_a_measure_is_not_its_actor(analyzer: Analyzer) -> None:
    text = "Ottawa said that SWIFT sanctions on Iran were still an option."
    assert all(f[1] != "SWIFT" for f in facts(analyze(analyzer, text)))


def test_pressing_someone_to_keep_a_measure_makes_it_the_owners(analyzer: Analyzer) -> None:
    text = "Brussels will try to press Belgrade to uphold EU sanctions on Moscow."
    assert [(f[0], f[1], f[3]) for f in facts(analyze(analyzer, text))] == [
        ("sanctions", "European Union", "in_force")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Canada is advocating even harder sanctions against Iran.",
        "The Netherlands was urging tougher penalties on Belarus for weeks.",
    ],
)
def test_every_inflection_of_a_status_verb_counts(analyzer: Analyzer, text: str) -> None:
    assert [f[3] for f in facts(analyze(analyzer, text))] == ["considered"]


def test_restrictive_measures_laid_on_goods_are_an_import_ban(analyzer: Analyzer) -> None:
    text = "Japan said the restrictive measures imposed on Chinese poultry products are now lifted."
    assert [(f[0], f[1], f[3]) for f in facts(analyze(analyzer, text))] == [
        ("import_ban", "Japan", "lifted")
    ]


def test_asking_for_a_measure_to_be_drafted_only_considers_it(analyzer: Analyzer) -> None:
    # the sanctions would be the EU's, the one asked (pipeline 30; before, Germany's)
    text = "Germany's ministers will ask Brussels to draw up new sanctions against Iran."
    assert [(f[0], f[1], f[3]) for f in facts(analyze(analyzer, text))] == [
        ("sanctions", "European Union", "considered")
    ]


def test_a_measure_word_inside_a_proper_name_is_no_measure(analyzer: Analyzer) -> None:
    text = "The ministry added the new entries to its public Embargo Tracker database on Monday."
    assert facts(analyze(analyzer, text)) == []


def test_measures_named_in_a_description_are_no_fact(analyzer: Analyzer) -> None:
    text = "Asset freezes are a central part of most UN sanctions regimes."
    assert facts(analyze(analyzer, text)) == []


def test_information_about_a_states_measures_is_no_fact(analyzer: Analyzer) -> None:
    text = "The new website gives citizens plain information about adopted Swiss sanctions."
    assert facts(analyze(analyzer, text)) == []


def test_the_meeting_that_will_produce_a_measure_stands_for_those_who_meet(
    analyzer: Analyzer,
) -> None:
    text = (
        "EU foreign ministers gather in Vienna on Monday to weigh new sanctions against Minsk. "
        "The meeting is expected to end in entry bans on a dozen Belarusian officials."
    )
    found = facts(analyze(analyzer, text))
    assert ("travel_ban", "European Union") in [f[:2] for f in found]


# -- second dev round: 50 more texts annotated blind (2026-12-01) ---------------------------


def test_they_points_back_to_who_last_acted_not_to_a_passive_subject(
    analyzer: Analyzer,
) -> None:
    text = (
        "The SADC summit leaders met in Gaborone and adopted new sanctions against Lesotho. "
        "They ordered that Lesotho's seat in the bloc be suspended. "
        "They also imposed a travel ban on members of the Lesotho military council."
    )
    found = facts(analyze(analyzer, text))
    assert ("travel_ban", "Lesotho") not in [(m, a) for m, a, _, _ in found]
    assert any(
        m == "travel_ban" and a == "Southern African Development Community" for m, a, _, _ in found
    ), found


def test_the_owner_of_a_decision_to_act_takes_the_measure(analyzer: Analyzer) -> None:
    text = (
        "Moscow said its move came in reply to the British decision to expel twelve Russian "
        "diplomats and shut the Russian trade mission in Leeds."
    )
    found = facts(analyze(analyzer, text))
    assert ("expulsion", "United Kingdom", "Russian diplomats", "announced") in found
    assert any(m == "diplomatic_measure" and a == "United Kingdom" for m, a, _, _ in found)


def test_a_reduced_passive_after_a_possessive_is_not_a_decision(analyzer: Analyzer) -> None:
    text = "The banker had his accounts frozen by the Swiss government on Monday."
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("asset_freeze", "Switzerland")]


def test_countries_including_a_named_one_act_through_it(analyzer: Analyzer) -> None:
    text = (
        "Iran will answer in kind the dozen European countries, including Austria, that "
        "expelled Iranian diplomats last week."
    )
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("expulsion", "Austria")]


def test_a_present_perfect_reports_a_new_step(analyzer: Analyzer) -> None:
    # Both annotators of the real-news set read "has imposed" in a report as news of the
    # day, not as a measure standing already; "already" still says so.
    found = facts(analyze(analyzer, "Norway has imposed sanctions on four Iranian officials."))
    assert [s for _, _, _, s in found] == ["announced"]
    found = facts(
        analyze(analyzer, "Norway has already imposed sanctions on four Iranian officials.")
    )
    assert [s for _, _, _, s in found] == ["in_force"]


def test_asking_an_envoy_to_leave_expels_and_the_target_keeps_its_nationality(
    analyzer: Analyzer,
) -> None:
    text = "Bahrain asked the Iraqi ambassador to the kingdom to leave within two days."
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("expulsion", "Bahrain")]
    assert found[0][2] is not None and "Iraqi" in found[0][2], found
    # The actor's own envoy is no target: the state it is called back from is.
    text = "Saudi Arabia recalled the Saudi ambassador to Lebanon for consultations."
    found = facts(analyze(analyzer, text))
    assert found == [("diplomatic_measure", "Saudi Arabia", "Lebanon", "announced")]


def test_a_measure_that_would_have_been_taken_was_only_proposed(analyzer: Analyzer) -> None:
    text = (
        "Moscow blocked a French draft in the Security Council that would have imposed an "
        "arms embargo on South Sudan."
    )
    found = facts(analyze(analyzer, text))
    assert found and all(s == "considered" for _, _, _, s in found), found


# -- headlines ---------------------------------------------------------------------------


def analyze_with_headline(analyzer: Analyzer, title: str, body: str) -> Analysis:
    return analyzer.analyze(CleanArticle("test.txt", body, title, None, body, ()))


def test_a_fact_only_the_headline_names_is_kept_with_the_body_sentence_as_evidence(
    analyzer: Analyzer,
) -> None:
    body = (
        "An import ban on Libyan fuel takes effect on Monday, the port authority said.\n\n"
        "Traders said prices would rise."
    )
    analysis = analyze_with_headline(analyzer, "Malta bans imports of Libyan fuel", body)
    assert [(f.measure, f.actor) for f in analysis.facts] == [("import_ban", "Malta")]
    fact = analysis.facts[0]
    assert body[fact.start : fact.end] == fact.sentence
    assert fact.sentence.startswith("An import ban on Libyan fuel")


def test_a_headline_the_body_restates_is_one_fact(analyzer: Analyzer) -> None:
    body = "Japan expelled eight Russian diplomats on Friday over the war in Ukraine."
    analysis = analyze_with_headline(analyzer, "Japan expels 8 Russian diplomats", body)
    assert [(f.measure, f.actor) for f in analysis.facts] == [("expulsion", "Japan")]


def test_a_headline_fact_needs_the_body_to_speak_of_that_measure(analyzer: Analyzer) -> None:
    body = "Ministers met in Oslo on Tuesday. No decision was announced."
    analysis = analyze_with_headline(analyzer, "Norway expels Russian diplomats", body)
    assert analysis.facts == ()


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Kenya banned its traders from selling maize to Uganda.", "export_control"),
        ("Beijing barred the three firms from investing in China.", "financial_restriction"),
        ("Malta banned Libyan crews from docking in Valletta.", "transport_ban"),
    ],
)
def test_cue_lemmas_type_a_ban_in_any_inflection(
    analyzer: Analyzer, text: str, measure: str
) -> None:
    assert [m for m, _, _, _ in facts(analyze(analyzer, text))] == [measure]


# -- pipeline 12: clauses that turn a measure around --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # not hesitating to act is a warning
        (
            "The African Union will not hesitate to impose sanctions on the junta.",
            ("sanctions", "African Union", "junta", "threatened"),
        ),
        # "no choice but to": the step is taken; the "no" denies the alternatives
        (
            "Ghana says it has no choice but to downgrade diplomatic relations with Togo.",
            ("diplomatic_measure", "Ghana", "Togo", "announced"),
        ),
        # a bill introduced to impose a measure only proposes it
        (
            "Senator Reyes introduced a bill to suspend arms sales to Myanmar.",
            ("export_control", "Reyes", "Myanmar", "considered"),
        ),
        # a measure named as a noun and halted is lifted, and reported once
        (
            "ECOWAS has halted the closing of its land borders with Niger.",
            ("transport_ban", "ECOWAS", "Niger", "lifted"),
        ),
        # a relative clause tells the measure's past; the verb acting on it is the report
        (
            "Washington on Monday reimposed all sanctions on Cuba that had been eased in 2016.",
            ("sanctions", "United States", "Cuba", "announced"),
        ),
    ],
)
def test_the_clause_around_a_measure_sets_its_status(
    analyzer: Analyzer, text: str, expected: tuple[str, str, str, str]
) -> None:
    assert facts(analyze(analyzer, text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The bombing prompted Russia to halt direct flights to Egypt.",
            ("transport_ban", "Russia", "Egypt", "announced"),
        ),
        (
            "The poisoning forced Canada to expel four Russian diplomats.",
            ("expulsion", "Canada", "Russian diplomats", "announced"),
        ),
    ],
)
def test_whoever_is_made_to_act_takes_the_measure(
    analyzer: Analyzer, text: str, expected: tuple[str, str, str, str]
) -> None:
    assert facts(analyze(analyzer, text)) == [expected]


def test_what_is_banned_decides_the_kind_of_ban(analyzer: Analyzer) -> None:
    # ships barred from entering ports: a transport ban, though "entering" is a travel word
    text = "Canada banned Russian ships from entering Canadian ports on Tuesday."
    assert facts(analyze(analyzer, text)) == [
        ("transport_ban", "Canada", "Russian ships", "announced")
    ]


def test_a_measures_effect_is_no_new_measure(analyzer: Analyzer) -> None:
    text = (
        "Japan imposed sanctions on Russia on Friday. "
        "“Please bear with us,” Kishida said, referring to the sanctions’ impact on Japan."
    )
    assert facts(analyze(analyzer, text)) == [("sanctions", "Japan", "Russia", "announced")]


def test_a_measure_not_yet_decided_on_is_considered(analyzer: Analyzer) -> None:
    text = "Peru has not decided whether it would expel Chile's ambassador, the minister said."
    assert [(m, a, s) for m, a, _, s in facts(analyze(analyzer, text))] == [
        ("expulsion", "Peru", "considered")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "New Delhi, Jan 25: The US State Department has suspended most foreign aid to Nepal.",
        "Islamabad, March 3 (APP) - The US State Department has suspended most aid to Nepal.",
    ],
)
def test_a_dated_dateline_place_does_not_act(analyzer: Analyzer, body: str) -> None:
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, body))] == [
        ("aid_suspension", "United States")
    ]


# -- pipeline 13 ----------------------------------------------------------------------------


def test_a_measure_misparsed_as_a_clause_keeps_its_actor(analyzer: Analyzer) -> None:
    # the small model reads "asset freezes on five banks" as a clause with "asset" its subject
    text = "Additionally, the EU lifted asset freezes on five banks and eased other restrictions."
    assert ("asset_freeze", "European Union", "lifted") in [
        (m, a, s) for m, a, _, s in facts(analyze(analyzer, text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "President Joe Biden signed an executive order that bans US entities from "
            "investing in dozens of Chinese companies.",
            ("financial_restriction", "United States", "Chinese companies", "announced"),
        ),
        (
            "The Security Council adopted a resolution that imposes an arms embargo on Libya.",
            ("export_control", "United Nations Security Council", "Libya", "announced"),
        ),
    ],
)
def test_an_order_that_bans_acts_through_whoever_issued_it(
    analyzer: Analyzer, text: str, expected: tuple[str, str, str, str]
) -> None:
    assert facts(analyze(analyzer, text)) == [expected]


def test_a_ban_reads_what_it_bars_people_from_past_a_long_object_list(
    analyzer: Analyzer,
) -> None:
    text = (
        "The European Union today banned the president of Belarus, Alexander Lukashenko, and "
        "30 other top officials from being granted visas to travel to the EU."
    )
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [
        ("travel_ban", "European Union")
    ]


def test_the_blocs_ministers_act_for_the_bloc(analyzer: Analyzer) -> None:
    text = (
        "Latvia's foreign minister said the bloc's foreign ministers adopted the sanctions package."
    )
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [
        ("sanctions", "European Union")
    ]


# -- pipeline 14 ----------------------------------------------------------------------------


def test_opening_fire_at_a_border_is_no_measure(analyzer: Analyzer) -> None:
    assert facts(analyze(analyzer, "Russian troops opened fire at the border on Monday.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bahrain reopened its land border with Qatar on Tuesday.",
            ("transport_ban", "Bahrain", "lifted"),
        ),
        (
            "Kenya refused to reopen its border with Somalia.",
            ("transport_ban", "Kenya", "in_force"),
        ),
    ],
)
def test_reopening_ends_a_closure_and_refusing_to_keeps_it(
    analyzer: Analyzer, text: str, expected: tuple[str, str, str]
) -> None:
    assert [(m, a, s) for m, a, _, s in facts(analyze(analyzer, text))] == [expected]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The OAS suspended Honduras on Saturday.", "Organization of American States"),
        ("SADC suspended Zimbabwe after the coup.", "Southern African Development Community"),
    ],
)
def test_a_regional_body_suspending_a_state_takes_a_diplomatic_measure(
    analyzer: Analyzer, text: str, actor: str
) -> None:
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [
        ("diplomatic_measure", actor)
    ]


def test_a_measure_vowed_in_case_of_an_attack_is_a_threat(analyzer: Analyzer) -> None:
    text = "Japan vowed to impose export controls on Russia in case of an invasion of Ukraine."
    assert [(m, a, s) for m, a, _, s in facts(analyze(analyzer, text))] == [
        ("export_control", "Japan", "threatened")
    ]


def test_feeling_a_measure_is_no_new_measure(analyzer: Analyzer) -> None:
    text = "Chile imposed sanctions on Peru. Officials said Lima must feel the sanctions."
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [("sanctions", "Chile")]


def test_a_state_naming_a_misparsed_measure_owns_it(analyzer: Analyzer) -> None:
    # "assets freeze" read as a clause with "assets" for its subject; "UK" modifies it
    text = "The club's Russian owner was on Thursday hit with a UK assets freeze and travel ban."
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [
        ("asset_freeze", "United Kingdom"),
        ("travel_ban", "United Kingdom"),
    ]


# -- pipeline 15 ----------------------------------------------------------------------------


def test_assets_were_frozen_is_a_passive_freeze(analyzer: Analyzer) -> None:
    # the small model reads "were frozen" as "were" + an adjective
    text = "Canada imposed sanctions on Belarus on Monday. The assets of ten officials were frozen."
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [
        ("sanctions", "Canada"),
        ("asset_freeze", "Canada"),
    ]


def test_sanctions_that_prevent_travel_state_a_travel_ban(analyzer: Analyzer) -> None:
    text = "The new EU sanctions will prevent the officials from travelling to the bloc."
    assert ("travel_ban", "European Union") in [
        (m, a) for m, a, _, _ in facts(analyze(analyzer, text))
    ]


def test_the_government_of_a_state_is_who_the_cabinet_acts_for(analyzer: Analyzer) -> None:
    text = (
        "The government of the Maldives said it plans to bar Israeli nationals over the Gaza "
        "war. The cabinet recommended laws to prevent Israeli passport holders from entering."
    )
    assert {a for _, a, _, _ in facts(analyze(analyzer, text))} == {"Maldives"}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Madagascar expelled the French ambassador on Monday.", "Madagascar"),
        ("Gabon expelled two French diplomats.", "Gabon"),
        ("SADC suspended Lesotho after the coup.", "Southern African Development Community"),
    ],
)
def test_every_un_member_state_is_known(analyzer: Analyzer, text: str, actor: str) -> None:
    # the small model alone reads "Madagascar" and "Lesotho" here as people
    assert [a for _, a, _, _ in facts(analyze(analyzer, text))] == [actor]


# -- one measure on a list of states -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The regional bloc lifted sanctions on Niger, Mali, and Burkina Faso on Saturday, "
            "ECOWAS said.",
            [("ECOWAS", "Niger"), ("ECOWAS", "Mali"), ("ECOWAS", "Burkina Faso")],
        ),
        (
            "Washington imposed new sanctions on Iran and Venezuela on Monday.",
            [("United States", "Iran"), ("United States", "Venezuela")],
        ),
    ],
)
def test_a_measure_on_a_list_of_states_is_one_fact_per_state(
    analyzer: Analyzer, text: str, expected: list[tuple[str, str]]
) -> None:
    found = facts(analyze(analyzer, text))
    assert [(a, t) for _, a, t, _ in found] == expected


def test_a_mixed_list_of_targets_stays_one_fact(analyzer: Analyzer) -> None:
    text = "The EU imposed sanctions on Russia and its oligarchs on Friday."
    assert facts(analyze(analyzer, text)) == [
        ("sanctions", "European Union", "Russia", "announced")
    ]


def test_hitting_states_with_duties_falls_on_the_states(analyzer: Analyzer) -> None:
    text = "The White House said it would hit Canada and Mexico with duties on imported steel."
    found = facts(analyze(analyzer, text))
    assert [(m, t) for m, _, t, _ in found] == [
        ("trade_restriction", "Canada"),
        ("trade_restriction", "Mexico"),
    ]


# -- a measure whose sentence names nobody it falls on -------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Uganda passed a harsh new law last month, drawing criticism from donors. "
            "The Netherlands suspended its aid on Tuesday, the foreign ministry said.",
            ("aid_suspension", "Netherlands", "Uganda"),
        ),
        (
            "Qatar has been accused of backing militants. Bahrain closed its airspace on Monday.",
            ("transport_ban", "Bahrain", "Qatar"),
        ),
        (
            "The EU and the United States imposed sanctions on Russia last week. "
            "Canada followed with new sanctions on Tuesday.",
            ("sanctions", "Canada", "Russia"),
        ),
    ],
)
def test_a_measure_with_no_named_target_falls_on_the_state_of_the_story(
    analyzer: Analyzer, text: str, expected: tuple[str, str, str]
) -> None:
    found = facts(analyze(analyzer, text))
    assert expected in [(m, a, t) for m, a, t, _ in found]


def test_a_lone_measure_keeps_what_it_covers_when_no_state_is_named(analyzer: Analyzer) -> None:
    text = "The Netherlands suspended its aid on Tuesday."
    assert facts(analyze(analyzer, text)) == [
        ("aid_suspension", "Netherlands", "its aid", "announced")
    ]


def test_aid_to_a_government_falls_on_that_government(analyzer: Analyzer) -> None:
    text = "The Netherlands suspended a majority of its aid to the Ugandan government."
    assert facts(analyze(analyzer, text)) == [
        ("aid_suspension", "Netherlands", "Ugandan government", "announced")
    ]


def test_the_state_of_the_story_is_the_one_named_most(analyzer: Analyzer) -> None:
    text = (
        "Russia has been at war with Ukraine since February. Finland said on Monday it would "
        "close its airspace. Russian forces shelled several Ukrainian cities overnight."
    )
    found = facts(analyze(analyzer, text))
    assert [(m, a, t) for m, a, t, _ in found] == [("transport_ban", "Finland", "Russia")]


def test_a_repeat_naming_the_target_beats_the_state_of_the_story(analyzer: Analyzer) -> None:
    text = (
        "Russia has been at war with Ukraine since February. Canada closed its airspace on "
        "Monday. Canada closed its airspace to Russian aircraft, the minister said."
    )
    assert facts(analyze(analyzer, text)) == [
        ("transport_ban", "Canada", "Russian aircraft", "announced")
    ]


# -- alternatives, bills and blocks ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The regional bloc gave the junta in Niamey a month to restore the constitution or "
            "face sanctions, ECOWAS said.",
            ("sanctions", "ECOWAS", "threatened"),
        ),
        (
            "Three US lawmakers introduced a bill on Tuesday that would halt arms sales to Egypt.",
            ("export_control", "United States", "considered"),
        ),
        (
            "A new round of sanctions against Iran is being held up by Hungary, diplomats said.",
            ("sanctions", "Hungary", "rejected"),
        ),
    ],
)
def test_an_alternative_a_bill_or_a_block_sets_the_status(
    analyzer: Analyzer, text: str, expected: tuple[str, str, str]
) -> None:
    assert [(m, a, s) for m, a, _, s in facts(analyze(analyzer, text))] == [expected]


# -- measures listed as parts of another ----------------------------------------------------


def test_a_measure_a_discussed_package_includes_is_discussed_too(analyzer: Analyzer) -> None:
    text = (
        "On arrival, German Foreign Minister Lena Vogt and others said sanctions being discussed "
        "include banning Iranian officials from traveling to Europe."
    )
    assert facts(analyze(analyzer, text)) == [
        ("sanctions", "Germany", "Iran", "considered"),
        ("travel_ban", "Germany", "Iranian officials", "considered"),
    ]


def test_a_measure_included_in_sanctions_falls_on_their_target(analyzer: Analyzer) -> None:
    text = (
        "The EU imposed new sanctions on 20 Belarusian officials on Monday, "
        "including asset freezes."
    )
    assert facts(analyze(analyzer, text)) == [
        ("sanctions", "European Union", "Belarusian officials", "announced"),
        ("asset_freeze", "European Union", "Belarusian officials", "announced"),
    ]


# -- courts, parties, leagues and storms --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A federal court in Texas has extended a freeze on the assets of a Qatari investor.",
        "The ruling party in Malawi expelled two former ministers on Monday.",
        "England's Premier League placed a transfer embargo on the club on Wednesday.",
        "Norway closed its airspace on Friday as a cloud of volcanic ash drifted east.",
        "Vietnam closed all its ports on Sunday as the typhoon approached the coast.",
    ],
)
def test_a_court_a_party_a_league_or_a_storm_takes_no_measure(
    analyzer: Analyzer, text: str
) -> None:
    assert facts(analyze(analyzer, text)) == []


def test_a_bloc_named_league_still_acts(analyzer: Analyzer) -> None:
    text = "The Arab League imposed sanctions on Syria on Sunday."
    assert facts(analyze(analyzer, text)) == [("sanctions", "Arab League", "Syria", "announced")]


# -- whose exports ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indonesia lifted restrictions on mango exports from Thailand.", "import_ban"),
        ("Kenya stopped Ugandan sugar exports at the border on Monday.", "import_ban"),
        ("Japan restricted exports of chemicals to South Korea.", "export_control"),
        ("Russia banned wheat exports on Monday.", "export_control"),
    ],
)
def test_keeping_out_another_states_exports_is_an_import_ban(
    analyzer: Analyzer, text: str, expected: str
) -> None:
    assert [m for m, _, _, _ in facts(analyze(analyzer, text))] == [expected]


def test_a_target_the_sentence_names_off_the_measure_is_stated(analyzer: Analyzer) -> None:
    text = "The World Bank suspended new loans to Uganda on Wednesday."
    (fact,) = analyze(analyzer, text).facts
    assert (fact.target, fact.target_stated) == ("Uganda", True)


def test_a_target_from_the_story_is_not_stated(analyzer: Analyzer) -> None:
    text = "Uganda passed a harsh new law last month. The Netherlands suspended its aid on Tuesday."
    (fact,) = analyze(analyzer, text).facts
    assert (fact.target, fact.target_stated) == ("Uganda", False)


@pytest.mark.parametrize(
    "text",
    [
        "The EU is considering lifting its sanctions on Syria, diplomats said.",
        "Washington hopes to lift the sanctions on Syria once a new government is formed.",
    ],
)
def test_a_lifting_only_talked_of_is_considered(analyzer: Analyzer, text: str) -> None:
    assert [s for _, _, _, s in facts(analyze(analyzer, text))] == ["considered"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Mahathir Mohamad ordered the expulsion of the North Korean ambassador.", "Malaysia"),
        ("Kagame announced the expulsion of the Belgian envoy on Monday.", "Rwanda"),
    ],
)
def test_a_leader_named_alone_acts_for_the_state(analyzer: Analyzer, text: str, actor: str) -> None:
    assert [a for _, a, _, _ in facts(analyze(analyzer, text))] == [actor]


def test_a_common_surname_alone_is_no_leader() -> None:
    from briefing.nlp.gazetteer import leader_surnames

    surnames = leader_surnames()
    # "Morales, a local trader" is not Evo Morales; "Kagame" alone is Paul Kagame
    assert "Morales" not in surnames and "Ahmed" not in surnames
    assert surnames["Kagame"] == "Rwanda"


# -- pipeline 28: passive bans on entry, dropped plans, the measure word's own status ---------


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Four US lawmakers have been banned from entering China.", "China", "US lawmakers"),
        (
            "Two senators and a governor are among 20 officials to have been barred from "
            "entering Russia.",
            "Russia",
            "officials",
        ),
        ("A reporter was barred from travelling to Israel.", "Israel", "reporter"),
    ],
)
def test_a_passive_ban_on_entering_a_state_is_that_states(
    analyzer: Analyzer, text: str, actor: str, target: str
) -> None:
    assert facts(analyze(analyzer, text)) == [("travel_ban", actor, target, "announced")]


def test_those_named_as_among_the_expelled_are_not_who_expels(analyzer: Analyzer) -> None:
    text = (
        "Sudan expelled five foreign aid workers on Tuesday. "
        "Maria Lopez, the agency country director, and her deputy Tom Reed were among those "
        "expelled."
    )
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [("expulsion", "Sudan")]


@pytest.mark.parametrize(
    "text",
    [
        "Turkey's president has abandoned his intention to expel the Dutch ambassador.",
        "Canada scrapped plans to impose tariffs on Chinese steel.",
    ],
)
def test_a_dropped_plan_is_rejected(analyzer: Analyzer, text: str) -> None:
    assert [s for _, _, _, s in facts(analyze(analyzer, text))] == ["rejected"]


def test_the_measure_word_never_sets_its_own_status(analyzer: Analyzer) -> None:
    # "halting" read as the purchases' modifier is the measure itself, not a lifting
    text = "Peru responded by halting arms purchases from Chile."
    assert [s for *_, s in facts(analyze(analyzer, text))] == ["announced"]


def test_a_move_by_a_state_to_act_is_that_states(analyzer: Analyzer) -> None:
    text = "The decision by Japan to ban imports of Chinese seafood angered Beijing."
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [("import_ban", "Japan")]


# -- pipeline 29: measures joined in one phrase, bans on visiting --------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Ottawa said it imposed asset freezes and travel bans on 40 Belarusian officials.",
            "announced",
        ),
        (
            "Brussels ended its sanctions on Minsk on Monday. In the same step, asset freezes and "
            "travel bans were lifted against 170 individuals.",
            "lifted",
        ),
    ],
)
def test_measures_joined_in_one_phrase_are_one_fact_each(
    analyzer: Analyzer, text: str, status: str
) -> None:
    found = facts(analyze(analyzer, text))
    assert {(m, s) for m, _, _, s in found if m != "sanctions"} == {
        ("asset_freeze", status),
        ("travel_ban", status),
    }
    assert len({a for _, a, _, _ in found}) == 1


def test_a_measure_joined_to_another_is_not_part_of_its_target(analyzer: Analyzer) -> None:
    text = "Peru announced the expulsion of two diplomats and the closure of the embassy."
    assert ("expulsion", "Peru", "diplomats", "announced") in facts(analyze(analyzer, text))


def test_a_ban_on_visiting_a_state_is_a_travel_ban(analyzer: Analyzer) -> None:
    text = "Beijing banned four members of the commission from visiting China."
    assert [m for m, *_ in facts(analyze(analyzer, text))] == ["travel_ban"]


@pytest.mark.parametrize(
    "text",
    [
        "Wellington will end the remaining travel sanctions it holds against Fiji.",
        "Canada imposed visa sanctions on 12 army officers.",
    ],
)
def test_travel_and_visa_sanctions_are_a_travel_ban(analyzer: Analyzer, text: str) -> None:
    assert [m for m, *_ in facts(analyze(analyzer, text))] == ["travel_ban"]


# -- pipeline 30: a measure someone is asked to take ------------------------------------------


def test_a_measure_urged_on_another_is_the_one_asked_and_only_considered(
    analyzer: Analyzer,
) -> None:
    text = "Kyiv urged the European Union to impose new sanctions on Moscow."
    assert [(m, a, s) for m, a, _, s in facts(analyze(analyzer, text))] == [
        ("sanctions", "European Union", "considered")
    ]


def test_a_measure_urged_on_unnamed_others_is_nobodys(analyzer: Analyzer) -> None:
    text = "Kyiv called on other countries to impose sanctions on Moscow."
    assert facts(analyze(analyzer, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Erdogan said he had asked Turkish authorities to freeze the assets of two US ministers.",
        "Riyadh asked the Canadian ambassador to leave the kingdom within 24 hours.",
    ],
)
def test_asking_ones_own_side_or_an_envoy_to_leave_is_the_askers_step(
    analyzer: Analyzer, text: str
) -> None:
    assert [s for *_, s in facts(analyze(analyzer, text))] == ["announced"]


@pytest.mark.parametrize(
    "text",
    [
        "World Athletics has the power to impose sanctions on the Kenya federation.",
        "Kenya's governing coalition has upheld the expulsion of the senator as the party's "
        "deputy leader.",
        "Ghana's ruling NPP confirmed that the lawmaker had been expelled from the party.",
    ],
)
def test_a_sports_body_or_a_party_expelling_a_member_takes_no_measure(
    analyzer: Analyzer, text: str
) -> None:
    assert facts(analyze(analyzer, text)) == []


def test_a_list_of_states_never_holds_the_actor_as_a_target(analyzer: Analyzer) -> None:
    # the small model misreads "Chad" as the subject here; whatever it reads, a state is never
    # listed as a target of its own measure
    text = (
        "The global football governing body FIFA has with immediate effect suspended Ghana and "
        "Chad from taking part in international football, its president Gianni Infantino "
        "announced on Friday."
    )
    found = facts(analyze(analyzer, text))
    assert all(actor != target for _, actor, target, _ in found), found


# -- pipeline 32: a legislature's vote or bill only proposes ----------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Kenya's parliament voted on Tuesday to expel the Ugandan ambassador.", "considered"),
        ("Two US senators introduced a bill to ban imports of Russian fertiliser.", "considered"),
        # its own act, not a vote on one
        ("Peru's congress downgraded diplomatic ties with Mexico on Monday.", "announced"),
    ],
)
def test_a_legislatures_vote_or_bill_only_considers_a_measure(
    analyzer: Analyzer, text: str, status: str
) -> None:
    assert [s for *_, s in facts(analyze(analyzer, text))] == [status]


# -- pipeline 33: a designation is a sanction; reopening an embassy lifts a diplomatic step -----


def test_designating_people_sanctions_them(analyzer: Analyzer) -> None:
    text = "The Treasury designated four Bolivian customs officials and two firms on Tuesday."
    assert facts(analyze(analyzer, text)) == [
        ("sanctions", "Treasury", "Bolivian customs officials and two firms", "announced")
    ]


def test_reopening_an_embassy_lifts_a_diplomatic_measure(analyzer: Analyzer) -> None:
    text = "Chile reopened its embassy in Caracas on Thursday after four years."
    assert [(m, a, s) for m, a, _, s in facts(analyze(analyzer, text))] == [
        ("diplomatic_measure", "Chile", "lifted")
    ]
    # a first opening ends nothing
    assert facts(analyze(analyzer, "Estonia opened an embassy in Seoul on Monday.")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Asian Development Bank froze new loans to Myanmar on Friday.", "aid_suspension"),
        ("Canada halted lending to Haiti after the coup.", "aid_suspension"),
        # credit to banks or firms is finance, not aid
        ("Britain banned new loans to Russian state banks.", "financial_restriction"),
    ],
)
def test_credit_withheld_from_a_state_is_aid(analyzer: Analyzer, text: str, expected: str) -> None:
    assert [m for m, *_ in facts(analyze(analyzer, text))] == [expected]


def test_whose_assets_were_frozen_takes_no_joined_measure(analyzer: Analyzer) -> None:
    # "were frozen" is a passive the small model reads as an adjective: its subject is acted
    # on, in its own clause and in the one joined to it
    text = (
        "West African leaders imposed sanctions on Guinea on Sunday.\n\n"
        "Guinea's reserves at the regional central bank were frozen and a travel ban on the "
        "junta's leaders was also imposed."
    )
    found = facts(analyze(analyzer, text))
    assert found, found
    assert all(actor != "Guinea" for _, actor, _, _ in found), found
    # the joined clause names its own target
    assert [t for m, _, t, _ in found if m == "travel_ban"] == ["junta's leaders"], found


@pytest.mark.parametrize(
    "text",
    [
        "Peru urged restraint on Monday, while stopping short of announcing sanctions on Quito.",
        "The bloc fell short of imposing an oil embargo on Iran.",
    ],
)
def test_a_measure_stopped_short_of_is_rejected(analyzer: Analyzer, text: str) -> None:
    assert [s for *_, s in facts(analyze(analyzer, text))] == ["rejected"]


def test_a_measure_named_beside_another_keeps_its_own_status(analyzer: Analyzer) -> None:
    text = (
        "But Norway was not considering further sanctions on top of the visa bans already "
        "targeting the coup leaders."
    )
    found = facts(analyze(analyzer, text))
    assert ("travel_ban", "Norway", "coup leaders", "in_force") in found, found
    assert all(target != "top" for _, _, target, _ in found), found


def test_an_intention_to_lift_is_only_talked_of(analyzer: Analyzer) -> None:
    text = "The Japanese prime minister has spoken of his intention to lift sanctions on Myanmar."
    assert [s for *_, s in facts(analyze(analyzer, text))] == ["considered"]


def test_a_measure_too_soon_to_take_is_rejected(analyzer: Analyzer) -> None:
    text = "Canada agreed it was too early to impose an asset freeze on the Kenyan generals."
    assert [s for *_, s in facts(analyze(analyzer, text))] == ["rejected"]


def test_payments_named_as_aid_are_an_aid_suspension(analyzer: Analyzer) -> None:
    text = "Norway has suspended aid payments to Malawi over the election dispute."
    assert [m for m, *_ in facts(analyze(analyzer, text))] == ["aid_suspension"]


def test_revoking_most_favoured_nation_status_is_taken_not_favoured(analyzer: Analyzer) -> None:
    # "favoured" inside the privilege's own name is no status word ("favour": considered)
    text = "Iceland revoked Belarus's most-favoured-nation status on Friday."
    assert [(m, s) for m, _, _, s in facts(analyze(analyzer, text))] == [
        ("trade_restriction", "announced")
    ]


def test_an_organization_cut_at_its_place_keeps_its_whole_name(analyzer: Analyzer) -> None:
    # the gazetteer claims "Nigeria", and the model is left with "The Central Bank of"
    text = "The Central Bank of Nigeria froze the accounts of 20 currency dealers on Monday."
    analysis = analyze(analyzer, text)
    assert [a for _, a, _, _ in facts(analysis)] == ["Central Bank of Nigeria"]
    assert not any(actor.canonical.endswith(" of") for actor in analysis.actors)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Chile imposed trade restrictions on Peru on Tuesday.", "announced"),
        ("Canada eased the trade restrictions it had placed on Fiji.", "lifted"),
    ],
)
def test_trade_restrictions_are_a_trade_measure(analyzer: Analyzer, text: str, status: str) -> None:
    assert [(m, s) for m, _, _, s in facts(analyze(analyzer, text))] == [
        ("trade_restriction", status)
    ]


def test_verbs_joined_before_one_object_share_it(analyzer: Analyzer) -> None:
    # "freeze" has no object of its own: "aid programmes" hangs on "review"
    text = "Sweden decided to freeze or review aid programs for Uganda."
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [
        ("aid_suspension", "Sweden")
    ]


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Qatar cut trade ties with Bahrain on Sunday.", "trade_restriction"),
        ("Peru severed commerce links with Bolivia.", "trade_restriction"),
        ("Qatar cut diplomatic ties with Bahrain on Sunday.", "diplomatic_measure"),
    ],
)
def test_trade_ties_cut_are_a_trade_measure(analyzer: Analyzer, text: str, measure: str) -> None:
    assert [m for m, *_ in facts(analyze(analyzer, text))] == [measure]


def test_entries_added_to_a_list_are_its_target(analyzer: Analyzer) -> None:
    text = "Algeria added nine firms from Morocco to its sanctions list on Friday."
    found = facts(analyze(analyzer, text))
    assert [(a, t) for _, a, t, _ in found] == [("Algeria", "firms")], found


def test_the_unreliable_entity_list_is_a_trade_measure(analyzer: Analyzer) -> None:
    text = "China placed four Canadian drone makers on its unreliable entities list."
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [
        ("trade_restriction", "China")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Estonia moved to throw out the Belarusian ambassador on Monday.",
            [("expulsion", "Estonia")],
        ),
        ("Kenya kicked out two Somali diplomats last week.", [("expulsion", "Kenya")]),
        ("The appeal was thrown out by the court in Vilnius.", []),
        ("The league kicked out three clubs for unpaid wages.", []),
    ],
)
def test_throwing_out_an_envoy_is_an_expulsion(
    analyzer: Analyzer, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # parsed as a clause whose subject is "diplomats": they are declared, Chad declares
        (
            "Chad declared 12 Libyan diplomats persona non grata on Monday.",
            ("Chad", "Libyan diplomats"),
        ),
        # "attache" compounded on the phrase
        ("Peru declared a Cuban attache persona non grata.", ("Peru", "Cuban attache")),
        # the object of "declared", the phrase before it
        (
            'Chilean President Gabriel Boric has declared as "persona non grata" the head of a '
            "Venezuelan trade mission.",
            ("Chile", "head of a Venezuelan trade mission"),
        ),
    ],
)
def test_whom_persona_non_grata_is_said_of_is_the_target(
    analyzer: Analyzer, text: str, expected: tuple[str, str]
) -> None:
    assert [(a, t) for m, a, t, _ in facts(analyze(analyzer, text))] == [expected]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Peru expelled the head of a Venezuelan trade mission.",
            "head of a Venezuelan trade mission",
        ),
        (
            "Latvia expelled two employees of the Belarusian embassy who had filmed a protest.",
            "employees of the Belarusian embassy",
        ),
    ],
)
def test_a_noun_named_by_what_it_belongs_to_keeps_it(
    analyzer: Analyzer, text: str, target: str
) -> None:
    # "head" or "employees" alone names nobody; the clause after them is not the name
    assert [t for _, _, t, _ in facts(analyze(analyzer, text))] == [target]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Norway set up a sanctions regime against Belarus last year.", "Belarus"),
        ("Canada plans a new sanctions programme on Myanmar.", "Myanmar"),
        ("The Security Council renewed the Sudan sanctions regime for a year.", "Sudan"),
    ],
)
def test_a_sanctions_regime_falls_on_whom_it_names(
    analyzer: Analyzer, text: str, target: str
) -> None:
    # the regime is the measure's frame, not whom it falls on
    assert [t for _, _, t, _ in facts(analyze(analyzer, text))] == [target]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Egypt halted all commerce with Qatar after the summit.", "Qatar"),
        (
            "Australia banned all forms of dealings with sanctioned Syrian banks.",
            "sanctioned Syrian banks",
        ),
    ],
)
def test_what_is_cut_with_a_partner_falls_on_the_partner(
    analyzer: Analyzer, text: str, target: str
) -> None:
    # "with" read onto the verb: the partner, not "commerce" or "forms"
    assert [t for _, _, t, _ in facts(analyze(analyzer, text))] == [target]


def test_trade_ties_cut_again_fall_on_the_state_of_the_story(analyzer: Analyzer) -> None:
    text = (
        "Morocco said it would cut trade ties with Algeria. "
        "Rabat also moved to punish its neighbour by cutting trade ties, a minister said."
    )
    assert [(m, t) for m, _, t, _ in facts(analyze(analyzer, text))] == [
        ("trade_restriction", "Algeria")
    ]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Latvian Foreign Ministry ordered three diplomats to leave.", "Latvia"),
        ("The small Baltic nation of Estonia expelled a Russian diplomat.", "Estonia"),
        ("Chile's Ministry of Foreign Affairs recalled its ambassador from Israel.", "Chile"),
    ],
)
def test_a_ministry_or_nation_named_with_its_state_is_that_state(
    analyzer: Analyzer, text: str, actor: str
) -> None:
    # one state, not the state and its ministry as two actors, nor the region's adjective
    assert [a for _, a, _, _ in facts(analyze(analyzer, text))] == [actor]


def test_a_utility_tariff_is_a_price_not_a_measure(analyzer: Analyzer) -> None:
    text = "Kenya raised water tariffs for households in Nairobi."
    assert facts(analyze(analyzer, text)) == []


def test_the_country_a_measure_falls_on_is_the_one_named_before(analyzer: Analyzer) -> None:
    text = "Senegal closed its border with Gambia and halted all trade with the country."
    assert [(m, t) for m, _, t, _ in facts(analyze(analyzer, text))] == [
        ("transport_ban", "Gambia"),
        ("trade_restriction", "Gambia"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "(AFP) — Ghana expelled two Nigerien diplomats on Friday.",
        "Accra (GNA) – Ghana expelled two Nigerien diplomats on Friday.",
    ],
)
def test_an_agency_dateline_is_neither_actor_nor_subject(analyzer: Analyzer, text: str) -> None:
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [("expulsion", "Ghana")]


def test_a_region_s_leaders_are_named_whole(analyzer: Analyzer) -> None:
    # "East African" is no state: the export must not read "East African imposes ..."
    text = "East African leaders closed their borders with Burundi on Sunday."
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [
        ("transport_ban", "East African leaders")
    ]


def test_an_amount_in_per_cent_is_not_the_target(analyzer: Analyzer) -> None:
    text = "Washington threatened to impose tariffs of up to 60 per cent on buyers of Iranian oil."
    [(measure, _, target, status)] = facts(analyze(analyzer, text))
    assert (measure, status) == ("trade_restriction", "threatened")
    assert target in ("Iran", "buyers of Iranian oil")


@pytest.mark.parametrize(
    "text",
    [
        "Norway spurned calls for sanctions on Israel.",
        "Oslo rebuffed calls to impose sanctions on Israel, the minister said.",
    ],
)
def test_calls_for_a_measure_rebuffed_are_a_refusal(analyzer: Analyzer, text: str) -> None:
    assert [(m, a, s) for m, a, _, s in facts(analyze(analyzer, text))] == [
        ("sanctions", "Norway", "rejected")
    ]


def test_the_republic_of_a_state_is_that_state(analyzer: Analyzer) -> None:
    text = "The ministry said the Republic of Moldova would not ban imports from Ukraine."
    assert [(m, a, s) for m, a, _, s in facts(analyze(analyzer, text))] == [
        ("import_ban", "Moldova", "rejected")
    ]


def test_von_der_leyen_speaks_for_the_european_union(analyzer: Analyzer) -> None:
    text = "Announcing the tariffs on Chinese steel, von der Leyen said they would start in May."
    assert [a for _, a, _, _ in facts(analyze(analyzer, text))] == ["European Union"]


def test_a_title_case_headline_names_no_one_by_its_capitals(analyzer: Analyzer) -> None:
    # "Veto New" in a title-case headline is no organization
    body = (
        "The prime minister warned lawmakers on Monday not to pass new sanctions against "
        "Cuba, vowing to veto any new sanctions bill."
    )
    title = "Canada Vows to Veto New Cuba Sanctions"
    analysis = analyzer.analyze(CleanArticle("test.txt", body, title, None, body, ()))
    actors = {f.actor for f in analysis.facts}
    assert actors and all("Veto" not in (actor or "") for actor in actors)


def test_the_leaders_of_a_region_named_before_are_that_region_s_leaders(
    analyzer: Analyzer,
) -> None:
    text = (
        "East African leaders closed their borders with Burundi on Sunday. "
        "The leaders said they would also expel Burundi's ambassadors."
    )
    assert {a for _, a, _, _ in facts(analyze(analyzer, text))} == {"East African leaders"}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Washington threatened further tariff increases on Brazilian coffee.", "Brazilian coffee"),
        ("The bloc agreed on sanctions relief for Syria on Monday.", "Syria"),
    ],
)
def test_a_change_to_a_measure_is_not_its_target(
    analyzer: Analyzer, text: str, target: str
) -> None:
    # "tariff increases", "sanctions relief": the measure noun names what changes, never whom
    assert [t for _, _, t, _ in facts(analyze(analyzer, text))] == [target]


def test_nothing_is_no_target(analyzer: Analyzer) -> None:
    # "doing nothing to help": no one; the measure falls on the state the story is about
    text = "Kigali said the sanctions introduced by Britain were doing nothing to help Congo."
    assert facts(analyze(analyzer, text)) == [
        ("sanctions", "United Kingdom", "Rwanda", "announced")
    ]


def test_a_measure_with_no_target_in_a_tit_for_tat_falls_on_the_other_side(
    analyzer: Analyzer,
) -> None:
    text = (
        "Mexico raised tariffs on American corn on Wednesday. "
        "The White House threatened new tariffs."
    )
    # Mexico took a measure itself, but no other state is named: it is the other side
    assert [(a, t) for _, a, t, _ in facts(analyze(analyzer, text))] == [
        ("Mexico", "American corn"),
        ("United States", "Mexico"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian ambassador's expulsion was announced by Bolivia on Monday.",
        "Bolivia summoned the Peruvian ambassador to inform him of his expulsion.",
    ],
)
def test_whose_expulsion_it_is_is_who_is_expelled(analyzer: Analyzer, text: str) -> None:
    # unlike "Russia's expulsion of 23 diplomats", whose owner expels
    [(measure, actor, target, _)] = facts(analyze(analyzer, text))
    assert (measure, actor) == ("expulsion", "Bolivia")
    assert target in ("Peruvian ambassador", "Peru")


def test_a_measure_a_state_can_take_is_only_considered(analyzer: Analyzer) -> None:
    text = "A ban would provoke Hungary, which can ban imports from Slovakia in return."
    assert [(m, a, s) for m, a, _, s in facts(analyze(analyzer, text))] == [
        ("import_ban", "Hungary", "considered")
    ]


# -- Commonwealth envoys and phrasal verbs (pipeline 45) ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ghana has called back its High Commissioner in Nigeria for consultations.",
        "Ghana recalled its High Commissioner to Nigeria on Monday.",
        "Ghana calls back envoy to Nigeria after the dispute.",
    ],
)
def test_calling_back_a_high_commissioner_is_a_recall(analyzer: Analyzer, text: str) -> None:
    assert facts(analyze(analyzer, text)) == [
        ("diplomatic_measure", "Ghana", "Nigeria", "announced")
    ]


def test_a_commissioner_of_anything_else_is_no_envoy(analyzer: Analyzer) -> None:
    text = "The minister withdrew the commissioner from the water board last week."
    assert facts(analyze(analyzer, text)) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Norway banned buying the bonds of Belarusian state banks.", "financial_restriction"),
        ("Lithuania said purchasing new Belarusian debt is banned.", "financial_restriction"),
        ("Norway banned buying Belarusian potash on Friday.", "import_ban"),
    ],
)
def test_a_ban_on_buying_securities_is_financial(analyzer: Analyzer, text: str, kind: str) -> None:
    found = facts(analyze(analyzer, text))
    assert [m for m, *_ in found] == [kind], found


def test_states_closing_their_own_airspace_take_one_measure_each(analyzer: Analyzer) -> None:
    text = "Estonia, Finland and Norway decided to shut their airspace to Belarusian airlines."
    assert [(a, m) for m, a, _, _ in facts(analyze(analyzer, text))] == [
        ("Estonia", "transport_ban"),
        ("Finland", "transport_ban"),
        ("Norway", "transport_ban"),
    ]


def test_states_agreeing_on_one_measure_take_it_together(analyzer: Analyzer) -> None:
    text = "Estonia, Finland and Norway agreed to impose sanctions on Belarus."
    assert [a for _, a, _, _ in facts(analyze(analyzer, text))] == ["Estonia, Finland and Norway"]


@pytest.mark.parametrize(
    "text",
    [
        "The world body has extended sanctions imposed by the Oceania Football Confederation"
        " on two Fijian match officials.",
        "The Oceania Football Confederation imposed sanctions on two Fijian match officials.",
    ],
)
def test_a_sports_body_disciplining_foreign_officials_is_no_measure(
    analyzer: Analyzer, text: str
) -> None:
    assert facts(analyze(analyzer, text)) == []


def test_a_ban_on_another_states_goods_and_exports_is_an_import_ban(analyzer: Analyzer) -> None:
    text = "Zambia banned Malawian maize flour and gas exports last week."
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [("import_ban", "Zambia")]


# -- listings and delistings (pipeline 47) ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Chile designated the militia a terrorist organisation on Monday.", "announced"),
        ("Norway named the gang a terrorist entity.", "announced"),
        ("Peru removed the rebel movement from its list of terrorist organisations.", "lifted"),
        ("Peru took the rebel movement off its list of terrorist organisations.", "lifted"),
    ],
)
def test_listing_as_a_terrorist_organisation_is_a_sanction(
    analyzer: Analyzer, text: str, status: str
) -> None:
    assert [(m, s) for m, _, _, s in facts(analyze(analyzer, text))] == [("sanctions", status)]


def test_a_group_called_a_terrorist_organisation_is_no_listing(analyzer: Analyzer) -> None:
    text = "The militia, a terrorist organisation in the eyes of Chile, said it would fight on."
    assert facts(analyze(analyzer, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Denmark resumed aid to Tanzania on Tuesday.",
        "The bloc announced the resumption of budget support to Burundi.",
    ],
)
def test_resuming_aid_lifts_its_suspension(analyzer: Analyzer, text: str) -> None:
    assert [(m, s) for m, _, _, s in facts(analyze(analyzer, text))] == [
        ("aid_suspension", "lifted")
    ]


def test_resuming_support_for_a_process_is_no_aid(analyzer: Analyzer) -> None:
    assert facts(analyze(analyzer, "Denmark resumed its support for the peace talks.")) == []


def test_calling_a_measure_names_it_and_takes_none(analyzer: Analyzer) -> None:
    text = (
        "Canada imposed sanctions on two Belarusian judges. "
        "Minsk called the sanctions an insult to its courts."
    )
    assert facts(analyze(analyzer, text)) == [
        ("sanctions", "Canada", "Belarusian judges", "announced")
    ]


def test_those_subject_to_a_measure_have_it_from_the_story_s_actor(analyzer: Analyzer) -> None:
    text = (
        "Canada imposed sanctions on two Belarusian judges on Monday. "
        "Both men are also subject to a travel ban."
    )
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [
        ("sanctions", "Canada"),
        ("travel_ban", "Canada"),
    ]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Uganda had banned imports of Kenyan sugar two years earlier.", "in_force"),
        ("Uganda said on Friday it had banned imports of Kenyan sugar.", "announced"),
        ("Uganda will maintain its ban on imports of Kenyan sugar until June.", "in_force"),
        ("Uganda will ban imports of Kenyan sugar from June.", "planned"),
    ],
)
def test_a_measure_taken_before_the_news_or_kept_stands(
    analyzer: Analyzer, text: str, status: str
) -> None:
    assert [s for *_, s in facts(analyze(analyzer, text))] == [status]


@pytest.mark.parametrize("verb", ["criticising", "condemning", "denouncing", "hailing"])
def test_the_side_that_judges_a_measure_takes_none(analyzer: Analyzer, verb: str) -> None:
    text = f"Yerevan denied the charges, {verb} the Gulf embargo as a bid to weaken it."
    assert facts(analyze(analyzer, text)) == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Mali suspended the issuance of visas to French citizens on Friday.", "French citizens"),
        ("Kenya banned the importation of dairy products from Uganda.", "dairy products"),
    ],
)
def test_the_act_a_measure_stops_is_not_its_target(
    analyzer: Analyzer, text: str, target: str
) -> None:
    assert [t for _, _, t, _ in facts(analyze(analyzer, text))][:1] == [target]


def test_another_state_s_goods_and_exports_listed_together_are_an_import_ban(
    analyzer: Analyzer,
) -> None:
    text = "Zambia has banned Malawian wheat flour and gas exports, citing safety concerns."
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [("import_ban", "Zambia")]


def test_a_department_named_alone_is_the_state_named_with_it_before(analyzer: Analyzer) -> None:
    # "Treasury" alone, after "the Treasury Department" was named for the United States, is
    # still the United States, whichever state was named last.
    text = (
        "The U.S. Treasury Department issued new licences on Monday. "
        "Venezuela welcomed the licences as a first step. "
        "Treasury also scrapped the trading ban on Venezuelan sovereign bonds."
    )
    found = facts(analyze(analyzer, text))
    assert [(m, a, s) for m, a, _, s in found] == [
        ("financial_restriction", "United States", "lifted")
    ]


def test_a_vote_that_defeats_a_measure_rejects_it(analyzer: Analyzer) -> None:
    text = "The Senate on Tuesday voted down an attempt to block arms sales to Qatar."
    assert [s for *_, s in facts(analyze(analyzer, text))] == ["rejected"]


@pytest.mark.parametrize(
    "text",
    [
        "The UN arms embargo on Eritrea lapsed on Monday.",
        "The UN arms embargo on Eritrea, which barred it from buying weapons, expired on Monday.",
    ],
)
def test_a_measure_that_expires_is_lifted_with_what_it_did(analyzer: Analyzer, text: str) -> None:
    found = facts(analyze(analyzer, text))
    assert found and {s for *_, s in found} == {"lifted"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Chile closed its borders to the import of poultry from Peru.", "announced"),
        ("Chile reopened its ports to Peruvian fruit on Monday.", "lifted"),
    ],
)
def test_borders_closed_to_goods_are_an_import_ban(
    analyzer: Analyzer, text: str, status: str
) -> None:
    assert [(m, a, s) for m, a, _, s in facts(analyze(analyzer, text))] == [
        ("import_ban", "Chile", status)
    ]


def test_borders_closed_to_vehicles_stay_a_transport_ban(analyzer: Analyzer) -> None:
    text = "Chile closed its ports to Peruvian fishing boats on Monday."
    assert [m for m, *_ in facts(analyze(analyzer, text))] == ["transport_ban"]


def test_borders_closed_to_travellers_are_a_travel_ban(analyzer: Analyzer) -> None:
    text = "Chile closed its border to Peruvian tourists on Monday."
    assert [m for m, *_ in facts(analyze(analyzer, text))] == ["travel_ban"]


@pytest.mark.parametrize(
    "text",
    [
        "The Security Council exempted four rebel commanders from the travel ban.",
        "Four rebel commanders have been exempted from the travel ban by the Security Council.",
    ],
)
def test_exempting_people_from_a_measure_lifts_it_for_them(analyzer: Analyzer, text: str) -> None:
    found = facts(analyze(analyzer, text))
    assert [(m, a, s) for m, a, _, s in found] == [
        ("travel_ban", "United Nations Security Council", "lifted")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "An opposition senator said Kenya should expel the Ugandan ambassador at once.",
        "Chile and Peru are likely to follow Brazil in imposing sanctions on Bolivia.",
    ],
)
def test_a_measure_someone_should_or_is_likely_to_take_is_considered(
    analyzer: Analyzer, text: str
) -> None:
    found = facts(analyze(analyzer, text))
    assert found and {s for *_, s in found} == {"considered"}


def test_people_spared_from_a_ban_by_its_owner_have_it_lifted(analyzer: Analyzer) -> None:
    text = "Four rebel commanders were spared from the travel ban by the Security Council."
    assert [(m, a, s) for m, a, _, s in facts(analyze(analyzer, text))] == [
        ("travel_ban", "United Nations Security Council", "lifted")
    ]


def test_a_flag_carrier_s_step_is_the_airline_s_not_its_state_s(analyzer: Analyzer) -> None:
    text = "Air Zimbabwe on Friday extended the suspension of its flights to Johannesburg."
    analysis = analyze(analyzer, text)
    assert {a for _, a, _, _ in facts(analysis)} <= {"Air Zimbabwe"}
    assert [(a.text, a.kind) for a in analysis.actors][:1] == [("Air Zimbabwe", "organization")]


def test_the_side_that_sees_a_measure_as_something_takes_none(analyzer: Analyzer) -> None:
    text = "Belarus has seen the expulsions as a provocative gesture."
    assert facts(analyze(analyzer, text)) == []


def test_the_prospect_of_a_measure_is_only_talk_of_it(analyzer: Analyzer) -> None:
    text = "Minsk said it would retaliate, raising the prospect of tit-for-tat expulsions."
    found = facts(analyze(analyzer, text))
    assert found and {s for *_, s in found} == {"considered"}


def test_an_agency_in_square_brackets_opens_a_dateline(analyzer: Analyzer) -> None:
    # The place of the dateline is not the subject of the story's first sentence.
    text = "[VOA] Washington -- Kenyan President William Ruto ordered the Somali envoy to leave."
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [("expulsion", "Kenya")]


@pytest.mark.parametrize(
    "text",
    [
        "The bloc has preferred quiet persuasion, rather than imposing sanctions on Laos.",
        "Japan chose dialogue instead of sanctions against Laos.",
    ],
)
def test_a_measure_passed_over_for_another_course_is_rejected(
    analyzer: Analyzer, text: str
) -> None:
    assert [s for *_, s in facts(analyze(analyzer, text))] == ["rejected"]


def test_what_a_ban_falls_on_may_hang_on_the_verb_that_lays_it(analyzer: Analyzer) -> None:
    text = "Moldova imposed a ban last month on the transit of fuel from the Russian company."
    assert [m for m, *_ in facts(analyze(analyzer, text))] == ["transport_ban"]


def test_a_black_list_is_a_listing_and_so_called_calls_for_nothing(analyzer: Analyzer) -> None:
    text = "Canada on Monday added six Peruvian firms to its so-called economic black list."
    assert [(m, a, s) for m, a, _, s in facts(analyze(analyzer, text))] == [
        ("sanctions", "Canada", "announced")
    ]


def test_diplomatic_personnel_told_to_leave_are_expelled(analyzer: Analyzer) -> None:
    text = "Caracas gave Colombian diplomatic personnel 72 hours to leave the country."
    assert [(m, a) for m, a, _, _ in facts(analyze(analyzer, text))] == [("expulsion", "Venezuela")]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Peru has announced that it will freeze the assets of five Chilean tycoons.", "announced"),
        (
            "Peru will expel 12 Chilean diplomats, the prime minister announced on Tuesday.",
            "announced",
        ),
        ("Peru will freeze the assets of five Chilean tycoons next month.", "planned"),
    ],
)
def test_a_step_announced_now_for_the_days_ahead_is_announced(
    analyzer: Analyzer, text: str, status: str
) -> None:
    assert [s for *_, s in facts(analyze(analyzer, text))] == [status]


# -- pipeline 60 ---------------------------------------------------------------------------


def test_a_clause_misparsed_as_a_participle_keeps_its_own_subject(analyzer: Analyzer) -> None:
    # parsed as "a statement" modified by "recalled", like "those expelled"
    text = (
        "Officials said in a statement that Peru had also recalled its own ambassador from "
        "Caracas for consultations."
    )
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("diplomatic_measure", "Peru")]


def test_he_who_says_he_acted_is_the_speaker(analyzer: Analyzer) -> None:
    text = "Norway's foreign minister said on Tuesday that he had recalled the ambassador to Iran."
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("diplomatic_measure", "Norway")]


def test_visa_suspensions_in_the_plural_are_a_travel_ban(analyzer: Analyzer) -> None:
    text = "The United States will impose visa suspensions on nine countries."
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("travel_ban", "United States")]


def test_restoring_diplomatic_ties_lifts_a_diplomatic_measure(analyzer: Analyzer) -> None:
    text = "Qatar and Bahrain agreed on Thursday to restore diplomatic ties."
    found = facts(analyze(analyzer, text))
    assert [(m, s) for m, _, _, s in found] == [("diplomatic_measure", "lifted")]
    assert "Qatar" in (found[0][1] or "")


def test_talks_that_resume_restore_no_ties(analyzer: Analyzer) -> None:
    assert facts(analyze(analyzer, "The talks resumed in Geneva on Monday.")) == []


def test_the_side_a_measure_falls_on_opposes_it_and_takes_none(analyzer: Analyzer) -> None:
    text = "Beijing firmly opposes the US sanctions on its companies."
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("sanctions", "United States")]
    assert found[0][3] != "rejected"


def test_a_third_state_that_opposes_a_measure_still_rejects_it(analyzer: Analyzer) -> None:
    text = "Hungary opposes the EU sanctions on Russia."
    assert [(m, a, s) for m, a, _, s in facts(analyze(analyzer, text))] == [
        ("sanctions", "Hungary", "rejected")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "While reacting to the sanctions, Iran's foreign minister dismissed the claims.",
        "Moscow shrugged off the sanctions on Friday.",
        "The Kremlin downplays the sanctions, saying any problems will be solved.",
    ],
)
def test_reacting_to_a_measure_in_any_inflection_takes_none(analyzer: Analyzer, text: str) -> None:
    assert facts(analyze(analyzer, text)) == []


def test_the_step_taken_does_what_its_taker_does(analyzer: Analyzer) -> None:
    text = (
        "Canada blacklisted four Haitian officials on Friday. "
        "Friday's action freezes any Canadian assets of those named."
    )
    found = facts(analyze(analyzer, text))
    assert ("asset_freeze", "Canada") in [(m, a) for m, a, _, _ in found]


def test_those_who_have_their_assets_frozen_undergo_the_freeze(analyzer: Analyzer) -> None:
    text = (
        "Britain sanctioned six army officers on Monday. "
        "The officers will have their assets frozen."
    )
    found = facts(analyze(analyzer, text))
    assert ("asset_freeze", "United Kingdom") in [(m, a) for m, a, _, _ in found]
    assert all(a != "officers" for _, a, _, _ in found)


def test_a_state_named_on_the_subject_is_who_they_are(analyzer: Analyzer) -> None:
    text = (
        "Meeting in Luxembourg on Monday, EU foreign ministers agreed to ease sanctions on "
        "Belarus. They also lifted asset freezes on three banks."
    )
    found = facts(analyze(analyzer, text))
    assert ("asset_freeze", "European Union", "lifted") in [(m, a, s) for m, a, _, s in found]
    assert all(a == "European Union" for _, a, _, _ in found)


def test_it_after_a_measure_as_subject_is_that_measure(analyzer: Analyzer) -> None:
    text = (
        "European Union countries agreed on Friday to impose new sanctions on Russia. "
        "They also plan to blacklist 70 more ships. "
        "The latest round of sanctions, to be adopted next week, falls on the anniversary of "
        "the invasion of Ukraine. It will also include a ban on aluminium imports."
    )
    found = facts(analyze(analyzer, text))
    assert ("import_ban", "European Union") in [(m, a) for m, a, _, _ in found]
    assert all(a != "Ukraine" for _, a, _, _ in found)


def test_it_after_a_measure_still_reads_a_subject_in_its_own_sentence(
    analyzer: Analyzer,
) -> None:
    text = (
        "The new sanctions on Iran took effect on Monday. "
        "Canada said it would also ban imports of Iranian oil."
    )
    found = facts(analyze(analyzer, text))
    assert ("import_ban", "Canada") in [(m, a) for m, a, _, _ in found]


def test_suspending_a_treaty_with_a_state_is_a_diplomatic_measure(analyzer: Analyzer) -> None:
    text = "New Zealand suspended its extradition treaty with Hong Kong on Tuesday."
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("diplomatic_measure", "New Zealand")]


def test_barred_from_entering_a_state_s_territory_is_its_ban(analyzer: Analyzer) -> None:
    text = "Six Chilean lawmakers were barred from entering Argentine territory."
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("travel_ban", "Argentina")]


def test_a_barring_asked_for_is_only_considered(analyzer: Analyzer) -> None:
    text = (
        "Finnish lawmakers call for all Russian citizens to be barred from entering Finland "
        "this winter."
    )
    found = facts(analyze(analyzer, text))
    assert [(m, s) for m, _, _, s in found] == [("travel_ban", "considered")]


def test_banning_tour_groups_is_a_travel_ban(analyzer: Analyzer) -> None:
    text = "Last year Beijing banned tour groups to the island state."
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("travel_ban", "China")]


def test_a_repeated_dateline_is_no_actor(analyzer: Analyzer) -> None:
    text = (
        "RIO DE JANEIRO — RIO DE JANEIRO (AP) — Brazil will require visas from Japanese "
        "visitors again from Monday, ending the visa-free entry policy for them."
    )
    found = facts(analyze(analyzer, text))
    assert [(m, a) for m, a, _, _ in found] == [("travel_ban", "Brazil")]


def test_world_leaders_asked_to_act_are_nobody_in_particular(analyzer: Analyzer) -> None:
    text = "Ukraine's president called on world leaders to impose further sanctions on Russia."
    assert facts(analyze(analyzer, text)) == []

"""The penalty simulator's model and its address, without widgets or a browser."""

from __future__ import annotations

import re
from datetime import date

import pytest
from traitlets import TraitError

from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import version_after, version_ids, version_info, version_on
from csl_helpers.penalties.address import Selection, default_selection, selection_from_query
from csl_helpers.penalties.circumstances import Circumstances
from csl_helpers.penalties.clauses import tier_name
from csl_helpers.penalties.comparison import same_conduct
from csl_helpers.penalties.simulation import conducts, simulate, tiers_of
from csl_helpers.penalties.version_rule import pairs
from csl_helpers.views.penalties.plots import versions_side_by_side
from csl_helpers.views.penalties.state import DATES, SimulatorModel, counterpart_key, key_of

OLD, NEW = version_ids()[0], version_ids()[-1]


def needing(version: str, amount: str):
    return next(c for c in conducts(version) if amount in c.needs)


# --- the address -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "field", "choices"),
    [
        (f"version={NEW}", "'article' is missing", "valid: articles "),
        (
            "colour=red&article=61",
            "unknown parameter 'colour'",
            "valid: " + ", ".join(("version", "article", "paragraph", "item", "tier")),
        ),
        ("version=1999&article=61", "version must be one of", ", ".join(version_ids())),
        ("article=61&article=62", "parameter 'article' is given 2 times", "give it once"),
        (f"version={NEW}&article=x", "article must be a whole number; got 'x'", "valid: articles"),
        (f"version={NEW}&article=61&item=-1", "item must be a whole number", "from 1"),
    ],
)
def test_a_bad_address_names_the_field_and_the_valid_choices(query, field, choices):
    with pytest.raises(ValueError, match=re.escape(field)) as info:
        selection_from_query(query)
    assert choices in str(info.value)


def test_a_missing_article_lists_the_articles_of_the_liability_chapter():
    articles = sorted({c.rule.article for c in conducts(NEW)})
    with pytest.raises(ValueError, match=f"articles {articles[0]} to {articles[-1]} of the {NEW}"):
        selection_from_query(f"version={NEW}")


def test_a_tier_the_clause_lacks_lists_the_tiers_it_has():
    c = next(c for c in conducts(NEW) if c.tiers == ("base",))
    query = f"version={NEW}&article={c.rule.article}&paragraph={c.rule.paragraph}&tier=serious"
    with pytest.raises(ValueError, match="tier must be one of base here; got 'serious'"):
        selection_from_query(query)


def test_the_address_without_version_opens_the_text_in_force_on_the_day():
    for v in version_ids():
        day = version_info(v).in_force_from
        article = conducts(v)[0].rule.article
        assert selection_from_query(f"article={article}", today=day).version == v


def test_the_default_clause_is_the_first_conduct():
    for v in version_ids():
        first = conducts(v)[0]
        assert default_selection(v).key == key_of(first)


# --- the model -------------------------------------------------------------------------------
def test_the_outcome_follows_the_tier():
    c = next(c for c in conducts(NEW) if len(c.tiers) > 1)
    model = SimulatorModel(Selection(NEW, c.rule.article, c.rule.paragraph, c.item))
    args = {"item": c.item}
    assert model.result.outcome == simulate(NEW, c.rule.article, c.rule.paragraph, **args)
    model.tier = c.tiers[-1]
    want = simulate(NEW, c.rule.article, c.rule.paragraph, tier=c.tiers[-1], **args)
    assert model.result.outcome == want and model.outcome == want


def test_a_new_subject_brings_its_first_conduct_and_tier():
    model = SimulatorModel(default_selection(NEW))
    other = model.subject_choices[-1][1]
    model.subject = other
    first = next(c for c in conducts(NEW) if other in c.subjects)
    assert model.conduct == key_of(first) and model.tier == first.tiers[0]
    assert [k for _, k in model.conduct_choices] == [
        key_of(c) for c in conducts(NEW) if other in c.subjects
    ]
    assert model.result.outcome.provision == first.provision


def test_a_conduct_keeps_the_tier_where_offered_and_else_takes_the_first():
    every = conducts(NEW)
    many, other = next(
        (a, b)
        for a in every
        for b in every
        if a != b and set(a.subjects) & set(b.subjects) and len(a.tiers) > 1
    )
    model = SimulatorModel(Selection(NEW, *key_of(many), tier=many.tiers[-1]))
    assert model.tier == many.tiers[-1]
    model.conduct = key_of(other)
    assert model.tier == (many.tiers[-1] if many.tiers[-1] in other.tiers else other.tiers[0])
    assert [t for _, t in model.tier_choices] == list(other.tiers)
    model.tier = other.tiers[0]
    model.conduct = key_of(many)
    assert model.tier == other.tiers[0]  # every clause offers its first tier, "base"


def test_the_amount_boxes_and_the_procurement_amount_follow_the_clause():
    c = needing(NEW, "procurement_amount")
    model = SimulatorModel(Selection(NEW, *key_of(c)))
    model.procurement_amount = 30_000
    assert model.needs == c.needs
    assert model.result.procurement_amount == 30_000
    assert model.result.outcome == simulate(
        NEW, c.rule.article, c.rule.paragraph, procurement_amount=30_000
    )
    model.open(default_selection(NEW))
    assert "procurement_amount" not in model.needs and model.result.procurement_amount is None


def test_bad_amounts_give_a_message_and_keep_the_last_outcome():
    c = needing(NEW, "illegal_gains")
    model = SimulatorModel(Selection(NEW, *key_of(c)))
    good = model.outcome
    model.illegal_gains = -5
    assert "illegal_gains must be 0 or more" in model.result.error
    assert model.result.outcome is None and model.outcome == good


def test_switching_text_keeps_the_conduct_where_it_continues():
    pair = next(p for p in pairs() if p.old.item is None)
    model = SimulatorModel(Selection(OLD, pair.old.article, pair.old.paragraph or 1))
    model.mode = NEW
    assert model.version == NEW
    assert model.conduct == (pair.new.article, pair.new.paragraph, pair.new.item)
    assert model.result.outcome.version == NEW
    model.mode = OLD
    assert model.conduct == (pair.old.article, pair.old.paragraph, None)


def test_counterpart_of_a_clause_without_one_is_none():
    continued = {(p.new.article, p.new.paragraph) for p in pairs()}
    new_only = next(c for c in conducts(NEW) if (c.rule.article, c.rule.paragraph) not in continued)
    assert counterpart_key(key_of(new_only), NEW, OLD) is None


def test_by_dates_the_act_chooses_the_menus_and_the_rule_the_text():
    model = SimulatorModel(default_selection(NEW))
    model.mode = DATES
    act_version = version_on(model.conduct_date).id
    assert model.version == act_version
    assert model.result.applicable is not None
    assert model.result.applicable.act_version == act_version
    later = version_after(act_version)
    if later is not None:
        model.conduct_date = later.in_force_from
        assert model.version == later.id


def test_show_text_changes_no_outcome():
    model = SimulatorModel()
    result = model.result
    model.show_text = True
    assert model.result is result


def test_a_choice_not_offered_is_refused_with_the_valid_choices():
    model = SimulatorModel(default_selection(NEW))
    with pytest.raises(TraitError, match="tier must be one of .*base"):
        model.tier = "everything"
    with pytest.raises(TraitError, match=f"mode must be one of {', '.join(version_ids())}"):
        model.mode = "1999"
    assert model.result.error == "" and model.tier in tiers_of(NEW, *model.conduct)
    assert model.mode == NEW


# --- what the page says about its fields -----------------------------------------------------
def test_a_missing_or_misordered_date_is_a_sentence_beside_its_field():
    model = SimulatorModel(default_selection(NEW))
    model.mode = DATES
    assert model.result.applicable is not None
    model.conduct_date = None
    assert model.result.problems == (("conduct_date", "Give the date of the act."),)
    assert model.result.outcome is None and model.result.applicable is None
    assert model.result.stale
    act = version_info(NEW).in_force_from
    model.conduct_date = act
    model.decision_date = date(act.year - 1, act.month, act.day)
    (problem,) = model.result.problems
    assert problem[0] == "decision_date"
    assert problem[1] == f"The decision cannot come before the act ({act.day} {act:%B %Y})."
    assert "decision_date" not in model.result.error and model.result.outcome is None
    model.decision_date = act
    assert model.result.problems == () and model.result.outcome is not None


def test_a_required_procurement_amount_is_asked_for_not_taken_as_0():
    for v in version_ids():
        c = needing(v, "procurement_amount")
        model = SimulatorModel(Selection(v, *key_of(c)))
        assert model.procurement_amount is None and model.procurement_text == ""
        fine = next(t.fine for t in c.rule.tiers if t.id == model.tier)
        case = next(x for x in fine.cases if x.multiple_of == "procurement_amount")
        assert model.result.outcome is None
        assert f"{case.low} to {case.high} times the procurement amount" in model.result.awaiting
        assert case.wording in model.result.awaiting
        assert model.result.problems[0][0] == "procurement_amount"
        assert model.result.sketch.provision == c.provision  # the rest of the outcome stays
        model.procurement_text = "30,000"
        assert model.procurement_amount == 30_000
        assert model.result.outcome == simulate(v, c, Circumstances(procurement_amount=30_000))


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("1.5", "whole yuan: “1.5” was not taken"),
        ("-3", "cannot be negative"),
        ("ten", "whole yuan: “ten” was not taken"),
        ("9" * 30, "beyond what the simulator counts"),
    ],
)
def test_a_typed_amount_is_taken_as_typed_or_refused_beside_the_field(typed, said):
    c = needing(NEW, "procurement_amount")
    model = SimulatorModel(Selection(NEW, *key_of(c)))
    model.procurement_text = "200"
    model.procurement_text = typed
    assert model.procurement_text == typed  # never changed behind the visitor's back
    assert model.procurement_amount == 200
    ((field, sentence),) = model.result.problems
    assert field == "procurement_amount" and said in sentence
    assert model.result.outcome is None


def test_the_comparison_chart_says_which_version_sets_no_fine():
    def unfined(o):
        return o.fine is None and o.person_fine is None

    compared = [
        (x.old, x.new)
        for c in conducts(OLD)
        for x in same_conduct(OLD, c, Circumstances(c.tiers[0], 0, 1))
        if unfined(x.old) and not unfined(x.new)
    ]
    old, new = compared[0]
    fig = versions_side_by_side([(old, new)])
    said = [(t.text, t.y) for t in fig.data if t.text is not None]
    named = tier_name(old.version, old.provision, old.tier)
    assert said == [((f"{old.version}: no fine",), (f"{old.version}: {old.citation()} · {named}",))]
    assert any(str(t.y[0]).startswith(f"{new.version}:") for t in fig.data if t.text is None)


@pytest.mark.parametrize("version", version_ids())
def test_every_subject_a_clause_names_finds_the_clause_in_its_menu(version):
    """A clause punishing several kinds of actor is in each one's menu (2016 Art. 64(1) names
    network operators and providers of network products or services alike)."""
    model = SimulatorModel(default_selection(version))
    for conduct in conducts(version):
        for subject in conduct.subjects:
            model.subject = subject
            assert key_of(conduct) in [k for _, k in model.conduct_choices], (subject, conduct)


def test_a_measure_the_text_gives_to_one_body_names_that_body_beside_it():
    from csl_helpers.penalties.model import term
    from csl_helpers.views.penalties.markup import outcome_html

    for version in version_ids():
        for conduct in conducts(version):
            for tier in conduct.tiers:
                if "procurement_amount" in conduct.needs:
                    continue
                outcome = simulate(version, conduct, Circumstances(tier=tier))
                rows = re.findall(r"<tr>.*?</tr>", outcome_html(outcome))
                for measure in (m for m in outcome.measures if m.by):
                    row = next(r for r in rows if measure.wording in r)
                    assert f"decided by {term('enforcers', measure.by).en}" in row


@pytest.mark.parametrize("version", version_ids())
def test_the_outcome_says_whether_its_text_is_in_force_today(version):
    from csl_helpers.views.penalties.simulator import PenaltySimulator

    sim = PenaltySimulator()
    sim.open_query(f"version={version}&article={conducts(version)[0].rule.article}")
    today = version_on(date.today())
    if version == today.id:
        assert "This is the law in force today." in sim.outcome.value
    else:
        assert f"Not in force today: the {today.id} text is." in sim.outcome.value


# --- tiers named by the Law, and carried across texts ------------------------------------------
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_2016_clause_offers_its_own_tiers_by_its_own_names(lang):
    """2016 Arts. 59(1), 59(2), 64(1): two tiers each, named in the clause's words."""
    for c in conducts(OLD):
        model = SimulatorModel(Selection(OLD, c.rule.article, c.rule.paragraph, c.item), lang=lang)
        want = tuple((tier_name(OLD, c, t, lang), t) for t in c.tiers)
        assert model.tier_choices == want, c.provision
    model = SimulatorModel(Selection(OLD, 59, 1), lang="en")
    model.lang = "zh"  # the live switch
    assert [label for label, _ in model.tier_choices] == [
        "不履行……网络安全保护义务",
        "拒不改正或者导致危害网络安全等后果",
    ]
    with pytest.raises(TraitError, match="tier must be one of base, aggravated"):
        model.tier = "serious"
    assert model.tier == "base" and "tier=serious" not in model.address()


def test_no_tier_button_wears_a_criminal_law_notion():
    for v in version_ids():
        for c in conducts(v):
            model = SimulatorModel(Selection(v, c.rule.article, c.rule.paragraph, c.item), "zh")
            labels = " ".join(label for label, _ in model.tier_choices)
            assert "一般情节" not in labels and "加重情节" not in labels, c.provision


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_dates_mode_carries_the_tier_to_its_counterpart_and_says_so(lang):
    """2025 Art. 61(2) 造成……严重危害网络安全后果, act in 2025: 2016 Art. 59(2), 拒不改正…."""
    model = SimulatorModel(Selection(NEW, 61, 2, None, "serious"), lang=lang)
    assert model.tier_note == ""
    model.mode = DATES
    assert version_on(model.conduct_date).id == OLD == model.version
    assert (model.conduct, model.tier) == ((59, 2, None), "aggravated")
    fine = model.result.outcome.fine
    assert (fine.low, fine.high) == (100_000, 1_000_000)
    assert fine == simulate(OLD, 59, 2, tier="aggravated").fine
    assert tier_name(NEW, Provision(61, 2), "serious", lang) in model.tier_note
    assert tier_name(OLD, Provision(59, 2), "aggravated", lang) in model.tier_note
    assert "tier=aggravated" in model.address()
    model.tier = "base"  # a choice of the visitor's own: nothing more to tell
    assert model.tier_note == ""


def test_a_version_switch_carries_the_tier_and_the_note_follows_the_language():
    model = SimulatorModel(Selection(OLD, 64, 1, None, "serious"), lang="en")
    model.mode = NEW
    assert (model.conduct, model.tier) == ((71, 1, 2), "base")  # 2025 Art. 71(1)(2), referred
    english = model.tier_note
    assert "serious circumstances" in english and "Article 71(1)(2)" in english
    model.lang = "zh"
    assert "情节严重" in model.tier_note and model.tier_note != english
    model.mode = OLD  # straight back: the visitor's own tier
    assert (model.conduct, model.tier, model.tier_note) == ((64, 1, None), "serious", "")
    # the same tier where it continues: nothing to tell
    model = SimulatorModel(Selection(OLD, 59, 1, None, "aggravated"))
    model.mode = NEW
    assert (model.conduct, model.tier, model.tier_note) == ((61, 1, None), "aggravated", "")


def test_a_tier_without_counterpart_is_told():
    """2025 Art. 63 is new: the 2016 text has nothing to carry its 情节严重 to."""
    model = SimulatorModel(Selection(NEW, 63, 1, None, "serious"), lang="zh")
    model.mode = OLD
    assert model.tier == model.tier_choices[0][1]
    assert "情节严重" in model.tier_note and "2016" in model.tier_note


def test_switching_straight_back_returns_to_the_tier_chosen_first():
    model = SimulatorModel(Selection(NEW, 61, 2, None, "serious"), lang="zh")
    model.mode = DATES
    assert (model.version, model.tier) == (OLD, "aggravated") and model.tier_note
    model.mode = NEW
    assert (model.conduct, model.tier, model.tier_note) == ((61, 2, None), "serious", "")
    model.mode = OLD  # and on again: told again
    assert model.tier == "aggravated" and model.tier_note


def test_every_conduct_and_tier_carries_to_a_tier_the_other_text_offers():
    from csl_helpers.penalties.comparison import counterparts_in
    from csl_helpers.views.penalties.carry import carried

    for old, new in ((OLD, NEW), (NEW, OLD)):
        offered = {key_of(c): c.tiers for c in conducts(new)}
        for c in conducts(old):
            for t in c.tiers:
                moved = carried(key_of(c), t, old, new)
                assert moved.new_tier in offered[moved.new_key], (old, c.provision, t)
                assert moved.found == bool(counterparts_in(new, old, c.provision, t))
                if old == OLD and counterpart_key(key_of(c), OLD, NEW) is not None:
                    assert moved.found, (c.provision, t)  # every earlier tier goes on

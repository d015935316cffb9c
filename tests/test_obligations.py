"""The obligation navigator's logic: data checks, the API, the questionnaire flow, the exports."""

from __future__ import annotations

import base64
import copy
import csv
import io
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from csl_helpers import DataError, Provision, concordance, load_law
from csl_helpers.law.data import read_yaml
from csl_helpers.law.numerals import to_cn
from csl_helpers.law.version_registry import version_ids, version_info
from csl_helpers.obligations import load as ob_load
from csl_helpers.obligations import questionnaire as q_module
from csl_helpers.obligations.checklist import checklist
from csl_helpers.obligations.duties import (
    FACTS,
    Condition,
    Profile,
    general_liability,
    obligation,
    obligations,
    obligations_for,
    subjects_of,
)
from csl_helpers.obligations.questionnaire import (
    Interview,
    next_question,
    profile_from,
    question,
    questions,
    relevant_answers,
)
from csl_helpers.penalties.simulation import rules

CASES_DIR = Path(__file__).parent / "cases" / "obligations"
NETWORK_ONLY = ("cii_operator", "identity_services", "distribution_services")
"""Facts whose questions only a network operator is asked."""
profiles = st.builds(
    lambda flags: Profile(**dict(zip(FACTS, flags, strict=True))),
    st.tuples(*[st.booleans()] * len(FACTS)),
)


# ---- legal cases ----------------------------------------------------------------------------
def load_cases() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            out.append((f"{path.name}: {case['name']}", case))
    return out


CASES = load_cases()


def test_there_are_at_least_twenty_cases_covering_both_versions():
    assert len(CASES) >= 20
    for _, case in CASES:
        assert set(case) == {"name", "profile", *version_ids()}, case["name"]


def check_source(version: str, source: str) -> None:
    """``<citation>：<words>``: the words (split at …) occur in order in the cited provision."""
    citation, _, quote = source.partition("：")
    text = load_law(version).text_of(Provision.parse(citation), "zh")
    pos = 0
    for part in quote.split("…"):
        found = text.find(part, pos)
        assert found >= 0, f"{version} {citation} does not contain {part!r}"
        pos = found + len(part)


@pytest.mark.parametrize("name,case", CASES, ids=[n for n, _ in CASES])
@pytest.mark.parametrize("version", ["2016", "2025"])
def test_case(name, case, version):
    expected = case[version]
    assert set(expected) <= {"must", "must_not"} and expected
    duties = {d.id: d for d in obligations_for(Profile(**case["profile"]), version)}
    for duty_id, want in expected.get("must", {}).items():
        assert set(want) == {"articles", "kind", "rules", "source"}, duty_id
        check_source(version, want["source"])
        assert duty_id in duties, f"{name}: {duty_id} missing under {version}"
        duty = duties[duty_id]
        assert list(duty.articles) == want["articles"], duty_id
        assert duty.penalty.kind == want["kind"], duty_id
        assert [p.id for p in duty.penalty.paragraphs] == want["rules"], duty_id
    for duty_id, source in expected.get("must_not", {}).items():
        check_source(version, source)
        obligation(duty_id)  # a known duty: a misspelt id would pass vacuously
        assert duty_id not in duties, f"{name}: {duty_id} should not apply under {version}"


# ---- the API --------------------------------------------------------------------------------
def test_profile_defaults_to_no_and_is_frozen():
    p = Profile()
    assert p.as_dict() == dict.fromkeys(FACTS, False)
    with pytest.raises(AttributeError):
        p.network_operator = True  # type: ignore[misc]
    assert Profile(network_operator=True) == Profile(network_operator=True)


@pytest.mark.parametrize("bad", [{"cloud": True}, {"Network_operator": True}])
def test_unknown_facts_name_the_valid_ones(bad):
    with pytest.raises(ValueError, match="valid facts: network_operator, cii_operator"):
        Profile(**bad)
    with pytest.raises(ValueError, match="valid facts"):
        next_question(bad)


@pytest.mark.parametrize("value", [1, 0, "yes", None, "True"])
def test_non_boolean_answers_are_refused(value):
    with pytest.raises(ValueError, match=r"must be True or False.*valid facts"):
        Profile(network_operator=value)
    with pytest.raises(ValueError, match="valid facts"):
        next_question({"network_operator": value})
    with pytest.raises(ValueError, match="True or False"):
        Interview().answer(value)


def test_obligations_for_refuses_bad_arguments():
    with pytest.raises(ValueError, match="valid versions: '2016', '2025'"):
        obligations_for(Profile(), "2017")
    with pytest.raises(ValueError, match="expected a Profile"):
        obligations_for({"network_operator": True}, "2025")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="valid ids: lawful_operation"):
        obligation("no_such_duty")


@given(profiles)
def test_a_cii_operator_is_a_network_operator_whatever_the_flag_says(profile):
    for version in version_ids():
        plain = {d.id for d in obligations_for(profile, version)}
        if profile.cii_operator:
            flagged = Profile(**{**profile.as_dict(), "network_operator": True})
            assert plain == {d.id for d in obligations_for(flagged, version)}


@given(profiles, profiles)
def test_answering_yes_never_takes_a_duty_away(a, b):
    union = Profile(**{f: getattr(a, f) or getattr(b, f) for f in FACTS})
    for version in version_ids():
        mine = {d.id for d in obligations_for(a, version)}
        assert mine <= {d.id for d in obligations_for(union, version)}


@given(profiles)
def test_every_duty_returned_is_well_formed(profile):
    for version in version_ids():
        law = load_law(version)
        for duty in obligations_for(profile, version):
            assert duty.version == version and duty.articles
            assert duty.subject in subjects_of(profile)
            for p in duty.provisions:
                assert law.text_of(p, "zh")
            for p in duty.penalty.paragraphs:
                assert law.article(p.article).chapter == 6
            assert (duty.penalty.kind == "none") == (not duty.penalty.rules)
            other = duty.other_version
            for a, b in zip(duty.provisions, duty.counterparts, strict=False):
                assert concordance(a.article, version, other) == b.article


def test_everyone_gets_the_duties_on_everyone_and_nothing_else():
    for version in version_ids():
        duties = obligations_for(Profile(), version)
        assert duties and {d.subject.id for d in duties} == {"everyone"}


def test_every_duty_of_a_version_reaches_someone():
    everything = Profile(**dict.fromkeys(FACTS, True))
    for version in version_ids():
        reached = {d.id for d in obligations_for(everything, version)}
        assert reached == {o.id for o in obligations() if o.in_version(version)}


def test_the_2025_additions_and_changes_show():
    assert not obligation("personal_information_other_laws").in_version("2016")
    assert obligation("personal_information_other_laws").provisions["2025"] == (
        Provision.parse("art_42__para_2"),
    )
    seller = obligation("certified_critical_equipment")
    assert seller.enforcement["2016"].kind == "none"
    assert seller.enforcement["2025"].paragraphs == (Provision(63, 1),)


def test_a_duty_no_clause_punishes_says_so_naming_the_liability_chapter():
    seller = obligation("certified_critical_equipment").enforcement["2016"]
    assert seller.summary("en").startswith(
        "No clause of Chapter 6 of the 2016 text punishes this duty as such"
    )
    assert seller.summary("zh").startswith("2016年文本第六章未对本项义务单独规定罚则")
    for version in version_ids():
        chapter = load_law(version).chapter(version_info(version).liability_chapter)
        assert chapter.title("zh") == "法律责任"
        for ob in obligations():
            enforcement = ob.enforcement.get(version)
            if enforcement is not None and enforcement.kind == "none":
                assert f"Chapter {chapter.number} of the {version} text" in enforcement.summary()
                assert f"{version}年文本第{to_cn(chapter.number)}章" in enforcement.summary("zh")


def test_duty_figures_are_the_texts_figures():
    """Every count of months, days or times in a Chinese duty sentence is in its provision."""
    numeral = re.compile("[一二三四五六七八九十百千万]+(?:个月|日|次|年)")
    found = 0
    for ob in obligations():
        for figure in numeral.findall(ob.duty("zh")):
            found += 1
            for version in version_ids():
                texts = "".join(load_law(version).text_of(p, "zh") for p in ob.provisions[version])
                assert figure in texts, (ob.id, figure, version)
    assert found >= 2


# ---- penalties: the simulator's rules -----------------------------------------------------------
@pytest.mark.parametrize("version", ["2016", "2025"])
def test_penalty_ids_are_the_simulators_rules(version):
    by_id = {r.id: r for r in rules(version)}
    checked = 0
    for ob in obligations():
        if not ob.in_version(version):
            continue
        enforcement = ob.enforcement[version]
        for rule_provision in enforcement.rules:
            para = Provision(rule_provision.article, rule_provision.paragraph)
            assert para.id in by_id, (ob.id, para.id)
            rule = by_id[para.id]
            # A referral clause sends every tier to other laws and fixes no fine of its own
            # (2025 Art. 63 also keeps other laws' rules, but sets its own fines).
            refers = all(t.referral is not None and t.fine is None for t in rule.tiers)
            assert refers == (enforcement.kind == "referral"), (ob.id, para.id)
            if rule_provision.item is not None:
                assert 1 <= rule_provision.item <= rule.items, (ob.id, rule_provision.id)
                punished = rule.item_punishes.get(rule_provision.item, ()) or rule.punishes
            else:
                punished = rule.punishes
            cites = any(ob_load._overlaps(t, p) for t in punished for p in ob.provisions[version])
            assert cites or not punished or enforcement.note(), (ob.id, para.id)
            checked += 1
    assert checked > 30


@pytest.mark.parametrize("version", ["2016", "2025"])
def test_every_duty_a_penalty_rule_punishes_is_in_the_data(version):
    """Completeness: each provision a rule punishes belongs to a duty that names the rule."""
    state_duties = {"2016": {30}, "2025": {32}}[version]  # departments' own duties (Art. 73/75)
    for rule in rules(version):
        targets = set(rule.punishes) | {t for ts in rule.item_punishes.values() for t in ts}
        for target in targets:
            if target.article in state_duties:
                continue
            holders = [
                o
                for o in obligations()
                if o.in_version(version)
                and any(ob_load._overlaps(target, p) for p in o.provisions[version])
            ]
            assert holders, (rule.id, target.id)
            assert any(
                rule.provision in o.enforcement[version].paragraphs or o.enforcement[version].note()
                for o in holders
            ), (rule.id, target.id)


# ---- data validation ------------------------------------------------------------------------
@pytest.fixture
def patched(monkeypatch):
    """Serve edited copies of obligations.yaml / questions.yaml and reload the catalogue."""

    def serve(name: str, edit) -> None:
        data = copy.deepcopy(read_yaml(name))
        edit(data)
        module = ob_load if name == "obligations.yaml" else q_module
        monkeypatch.setattr(module, "read_yaml", lambda _: data)
        ob_load.catalogue.cache_clear()
        q_module.questions.cache_clear()

    yield serve
    monkeypatch.undo()
    ob_load.catalogue.cache_clear()
    q_module.questions.cache_clear()


def entry(data: dict, duty_id: str) -> dict:
    return next(o for o in data["obligations"] if o["id"] == duty_id)


BAD_OBLIGATIONS = [
    (
        lambda d: entry(d, "real_identity").update(penalty="art_61"),
        r"obligations\[\d+\] \(real_identity\): unknown field 'penalty'",
    ),
    (
        lambda d: entry(d, "real_identity")["provisions"]["2016"].append("art_99"),
        r"\(real_identity\), field 'provisions.2016\[1\]': art_99 does not exist",
    ),
    (
        lambda d: entry(d, "real_identity").update(condition="cloud"),
        r"\(real_identity\), field 'condition': unknown fact 'cloud'; valid facts",
    ),
    (
        lambda d: entry(d, "real_identity").update(condition={"either": ["cii_operator"]}),
        r"\(real_identity\), field 'condition': a condition is a fact name",
    ),
    (
        lambda d: entry(d, "real_identity").update(subject="hosts"),
        r"\(real_identity\), field 'subject': unknown subject 'hosts'; valid subjects",
    ),
    (
        lambda d: entry(d, "real_identity")["enforcement"]["2016"].update(rules=["art_24__para_1"]),
        r"\(real_identity\), field 'enforcement.2016'.rules\[0\]: .*not in Chapter 6",
    ),
    (
        lambda d: entry(d, "real_identity")["enforcement"]["2025"].update(rules=["art_64"]),
        r"must name the paragraph",
    ),
    (
        lambda d: entry(d, "real_identity")["enforcement"]["2016"].update(kind="referral"),
        r"Article 61\(1\) of the 2016 text sets its own penalty; kind should be penalty",
    ),
    (
        lambda d: entry(d, "cii_data_localisation")["enforcement"]["2025"].update(kind="penalty"),
        r"refers the breach to other laws; kind should be referral",
    ),
    (
        lambda d: entry(d, "real_identity")["enforcement"]["2016"].update(kind="fine"),
        r"field 'kind': 'fine' is not one of penalty, referral, none",
    ),
    (
        lambda d: entry(d, "real_identity")["enforcement"]["2016"].update(rules=["art_59__para_1"]),
        r"Article 59\(1\) cites Article 21, Article 25, not Article 24\(1\); give a note",
    ),
    (
        lambda d: entry(d, "no_prohibited_information_in_messages_or_apps")["enforcement"][
            "2016"
        ].pop("note"),
        r"Article 70\(1\) cites Article 12\(2\), not Article 48\(1\); give a note",
    ),
    (
        lambda d: entry(d, "product_standards")["enforcement"]["2025"].pop("note"),
        r"Article 62\(1\) cites Article 24\(1\); give a note",
    ),
    (
        lambda d: entry(d, "complaints_system")["enforcement"]["2016"].update(
            rules=["art_69__para_1"]
        ),
        r"a duty of kind 'none' has no rules",
    ),
    (
        lambda d: entry(d, "real_identity")["provisions"].update({"2025": ["art_25"]}),
        r"2016 art_24__para_1 and 2025 art_25 are not the same provision",
    ),
    (
        lambda d: entry(d, "personal_information_other_laws")["enforcement"].update(
            {"2016": {"kind": "none"}}
        ),
        r"field 'enforcement.2016': the 2016 text has no such duty",
    ),
    (
        lambda d: entry(d, "real_identity")["enforcement"].pop("2025"),
        r"field 'enforcement.2025': missing",
    ),
    (
        lambda d: entry(d, "real_identity")["provisions"].update({2016: ["art_24__para_1"]}),
        r"unknown version 2016 \(write it as a quoted string\)",
    ),
    (
        lambda d: d["obligations"].append(copy.deepcopy(entry(d, "real_identity"))),
        r"obligations: duplicate id 'real_identity'",
    ),
    (
        lambda d: d["subjects"][2].update(is_a="operator"),
        r"subjects \(cii_operator\), field 'is_a': unknown subject 'operator'",
    ),
    (
        lambda d: d["general_liability"]["2025"].append("art_76"),
        r"general_liability.2025\[3\]: art_76 must name the paragraph",
    ),
]


@pytest.mark.parametrize("edit,message", BAD_OBLIGATIONS)
def test_bad_obligations_data_names_file_entry_and_field(patched, edit, message):
    patched("obligations.yaml", edit)
    with pytest.raises(DataError, match=message) as info:
        ob_load.catalogue()
    assert str(info.value).startswith("obligations.yaml")


def qentry(data: dict, fact: str) -> dict:
    return next(q for q in data["questions"] if q["fact"] == fact)


BAD_QUESTIONS = [
    (
        lambda d: qentry(d, "cii_operator").update(hint="x"),
        r"questions\[1\] \(cii_operator\): unknown field 'hint'",
    ),
    (
        lambda d: qentry(d, "cii_operator").update(fact="cii"),
        r"\(cii_operator\), field 'fact': unknown fact 'cii'; valid facts",
    ),
    (
        lambda d: qentry(d, "cii_operator").update(ask_if="security_services"),
        r"\(cii_operator\), field 'ask_if': 'security_services' is not set by an earlier question",
    ),
    (
        lambda d: qentry(d, "cii_operator").update(ask_if={"not": "clouds"}),
        r"field 'ask_if'.not: unknown fact 'clouds'",
    ),
    (
        lambda d: qentry(d, "cii_operator")["basis"]["2025"].append("art_90"),
        r"field 'basis'.2025\[2\]: 'art_90'",
    ),
    (lambda d: d["questions"].pop(), r"no question sets the fact 'security_services'"),
    (
        lambda d: d["questions"].append(copy.deepcopy(d["questions"][0])),
        r"'network_operator' is already asked",
    ),
]


@pytest.mark.parametrize("edit,message", BAD_QUESTIONS)
def test_bad_questions_data_names_file_entry_and_field(patched, edit, message):
    patched("questions.yaml", edit)
    with pytest.raises(DataError, match=message) as info:
        q_module.questions()
    assert str(info.value).startswith("questions.yaml")


def test_conditions_are_data_not_code():
    c = Condition.parse({"any": ["network_operator", {"not": "products_or_services"}]}, "here")
    assert c.holds({}) and c.holds({"network_operator": True, "products_or_services": True})
    assert not c.holds({"products_or_services": True})
    assert c.facts() == {"network_operator", "products_or_services"}
    with pytest.raises(DataError, match="here.all: expected a non-empty list"):
        Condition.parse({"all": []}, "here")
    with pytest.raises(DataError, match=r"here: unknown fact .__import__"):
        Condition.parse("__import__('os')", "here")


# ---- the questionnaire flow ----------------------------------------------------------------
def run(answers: list[bool]) -> Interview:
    interview = Interview()
    for value in answers:
        if interview.done:
            break
        interview = interview.answer(value)
    return interview


@given(st.lists(st.booleans(), max_size=len(FACTS) + 2))
def test_only_relevant_questions_are_asked(answers):
    interview = run(answers)
    so_far: dict[str, bool] = {}
    for q, value in interview.asked:
        assert q.relevant(so_far)
        so_far[q.fact] = value
    asked = {q.fact for q, _ in interview.asked}
    if so_far.get("network_operator") is False:
        assert not asked & set(NETWORK_ONLY)
    if interview.done:
        operator_or_supplier = so_far["network_operator"] or so_far["products_or_services"]
        assert ("personal_information" in asked) == operator_or_supplier
        assert interview.profile == profile_from(so_far)
        assert len(asked) <= len(FACTS)


@given(st.lists(st.booleans(), max_size=len(FACTS)), st.booleans())
def test_back_undoes_exactly_one_answer(answers, value):
    interview = run(answers)
    if interview.done:
        assert interview.back().answers == interview.answers[:-1]
        return
    after = interview.answer(value)
    assert after.back() == interview
    assert after.back().current == interview.current


@given(st.lists(st.booleans(), max_size=len(FACTS)))
def test_restart_forgets_everything(answers):
    again = run(answers).restart()
    assert again == Interview() and again.current == questions()[0]
    assert again.profile == Profile()


def test_back_at_the_start_stays_at_the_start():
    assert Interview().back() == Interview()


def test_changing_an_early_answer_drops_answers_that_no_longer_count():
    stale = {"network_operator": False, "cii_operator": True, "identity_services": True}
    assert relevant_answers(stale) == {"network_operator": False}
    assert profile_from(stale) == Profile()
    assert next_question(stale).fact == "products_or_services"
    interview = run([True, True])  # network operator, CII operator
    changed = interview.back().back().answer(False)
    assert changed.answers == (("network_operator", False),)
    assert changed.current.fact not in NETWORK_ONLY


def test_every_question_can_be_reached():
    reached = set()
    for bits in range(2 ** len(FACTS)):
        interview = run([bool(bits >> i & 1) for i in range(len(FACTS))])
        reached |= {q.fact for q, _ in interview.asked}
    assert reached == set(FACTS)


def test_answers_out_of_turn_or_after_the_end_are_refused():
    with pytest.raises(ValueError, match="out of turn: the question at this point is network_op"):
        Interview((("cii_operator", True),))
    with pytest.raises(ValueError, match="answered once"):
        Interview((("network_operator", True), ("network_operator", False)))
    done = run([False] * len(FACTS))
    assert done.done
    with pytest.raises(ValueError, match="finished"):
        done.answer(True)


def test_questions_say_why_with_the_article_of_the_version():
    q = question("identity_services")
    assert "Article 24(1)" in q.why("en", "2016")
    assert "Article 26(1)" in q.why("en", "2025")
    assert "第二十六条第一款" in q.why("zh", "2025")
    assert q.ask_if is not None and q.ask_if.facts() == {"network_operator"}
    with pytest.raises(ValueError, match="valid facts"):
        question("nope")


def test_the_supplier_question_makes_the_network_operator_overlap_plain():
    q = question("products_or_services")
    assert "network operator" in q.text("en") and "网络运营者" in q.text("zh")
    assert Provision.parse("art_76__para_1__point_3") in q.basis["2016"]


# ---- exports --------------------------------------------------------------------------------
SAMPLE = Profile(network_operator=True, personal_information=True, identity_services=True)


@pytest.mark.parametrize("version", ["2016", "2025"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_csv_export_has_one_row_per_duty_in_theme_order(version, lang):
    sheet = checklist(SAMPLE, version)
    text = sheet.to_csv(lang)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    other = sheet.other_version
    columns = [
        "theme",
        "id",
        "subject",
        "when",
        "duty",
        f"provisions_{version}",
        f"provisions_{other}",
        "enforcement",
        f"rules_{version}",
        "note",
        "done",
    ]
    # the 2016 text's columns say it is no longer in force (tests/test_in_force_notes.py)
    old = {"en": " (not in force since 2026-01-01)", "zh": "，2026年1月1日起不再施行"}[lang]
    en_old, zh_old = (old, "") if lang == "en" else ("", old)
    p_en = {v: f"provisions_{v}" + (en_old if v == "2016" else "") for v in (version, other)}
    p_zh = {
        v: f"条文（{v}年文本" + (zh_old if v == "2016" else "") + "）" for v in (version, other)
    }
    r_en = f"rules_{version}" + (en_old if version == "2016" else "")
    r_zh = f"罚则（{version}年文本" + (zh_old if version == "2016" else "") + "）"
    english = [*columns[:5], p_en[version], p_en[other], "enforcement", r_en, "note", "done"]
    chinese = ["主题", "机读标识", "义务主体", "适用情形", "义务", p_zh[version]]
    chinese += [p_zh[other], "法律责任", r_zh, "说明", "已完成"]
    table = list(csv.reader(io.StringIO(text, newline="")))
    assert table[0] == (english if lang == "en" else chinese)
    rows = [dict(zip(columns, row, strict=True)) for row in table[1:]]
    kinds = {"penalty": "罚则", "referral": "依照其他法律", "none": "无单独罚则"}
    ordered = [d for _, group in sheet.groups for d in group]
    assert [r["id"] for r in rows] == [d.id for d in ordered]
    assert len(rows) == len(sheet.duties)
    for row, duty in zip(rows, ordered, strict=True):
        assert row["duty"] == duty.duty(lang)
        assert row[f"provisions_{version}"] == duty.citation(lang)
        assert row[f"provisions_{other}"] == duty.other_citation(lang)
        assert row["enforcement"] == (kinds, {k: k for k in kinds})[lang == "en"][duty.penalty.kind]
        assert row[f"rules_{version}"] == duty.penalty.citation(lang)
        assert row["theme"] == duty.theme.title(lang)


@pytest.mark.parametrize("version", ["2016", "2025"])
def test_markdown_export_is_a_checklist_grouped_by_theme(version):
    sheet = checklist(SAMPLE, version)
    for lang in ("en", "zh"):
        text = sheet.to_markdown(lang)
        lines = text.splitlines()
        assert lines[0].startswith("# ") and version in lines[0]
        headings = [line[3:] for line in lines if line.startswith("## ")]
        assert headings == [theme.title(lang) for theme, _ in sheet.groups]
        items = [line for line in lines if line.startswith("- [ ] ")]
        assert len(items) == len(sheet.duties)
        ordered = [d for _, group in sheet.groups for d in group]
        for line, duty in zip(items, ordered, strict=True):
            assert f"**{duty.citation(lang)}**" in line
            if duty.penalty.rules:
                assert duty.penalty.citation(lang) in line
        assert sheet.general_cited(lang) in lines[-1]
        for p in general_liability(version):
            assert str(p.article) in lines[-1] or Provision(p.article).citation(lang) in lines[-1]
    assert "not legal advice" in sheet.to_markdown("en")
    assert "以法律中文文本为准" in sheet.to_markdown("zh")


@pytest.mark.parametrize("version", ["2016", "2025"])
def test_the_exports_mark_the_duties_done(version):
    sheet = checklist(SAMPLE, version)
    done = {sheet.duties[0].id, sheet.duties[-1].id}
    rows = list(csv.DictReader(io.StringIO(sheet.to_csv("en", done), newline="")))
    assert {r["id"] for r in rows if r["done"] == "yes"} == done
    assert {r["done"] for r in rows if r["id"] not in done} == {""}
    for lang in ("en", "zh"):
        lines = sheet.to_markdown(lang, done).splitlines()
        ticked = [line for line in lines if line.startswith("- [x] ")]
        assert len(ticked) == len(done)
        for duty in (sheet.duties[0], sheet.duties[-1]):
            assert any(f"**{duty.citation(lang)}**" in line for line in ticked)
        assert len([line for line in lines if line.startswith("- [ ] ")]) == len(sheet.duties) - 2


def test_markdown_escapes_markup():
    from csl_helpers.obligations.checklist import _md

    assert _md("a*b_[c]<d>|#") == r"a\*b\_\[c\]\<d\>\|\#"


def test_export_file_names_say_version_and_language():
    assert checklist(Profile(), "2016").filename("csv", "zh") == "csl-obligations-2016-zh.csv"


# ---- views without a browser ----------------------------------------------------------------
def test_navigator_widget_walks_to_a_checklist_with_links_and_downloads():
    from csl_helpers.views.obligations.checklist_markup import simulator_href
    from csl_helpers.views.obligations.navigator import ObligationNavigator

    nav = ObligationNavigator("2025")
    assert nav.back_button.disabled
    while not nav.interview.done:
        q = nav.interview.current
        assert f'data-fact="{q.fact}"' in nav.question.value
        assert "Why we ask" in nav.why.value and q.basis_citation("2025") in nav.why.value
        nav.answer(q.fact in {"network_operator", "identity_services"})
    sheet = checklist(nav.interview.profile, "2025")
    for duty in sheet.duties:
        assert f'data-duty="{duty.id}"' in nav.checklist.value
    href = simulator_href("2025", 64, 1)
    assert href == "penalty_simulator.ipynb?version=2025&amp;article=64&amp;paragraph=1".replace(
        "&amp;", "&"
    )
    assert href.replace("&", "&amp;") in nav.checklist.value
    links = re.findall(
        r'download="([^"]+)" href="data:[^;]+;charset=utf-8;base64,([^"]+)"', nav.downloads.value
    )
    assert [name for name, _ in links] == [
        "csl-obligations-2025-en.csv",
        "csl-obligations-2025-zh.csv",
        "csl-obligations-2025-en.md",
        "csl-obligations-2025-zh.md",
    ]
    assert base64.b64decode(links[0][1]).decode("utf-8-sig") == sheet.to_csv("en")
    assert base64.b64decode(links[3][1]).decode("utf-8-sig") == sheet.to_markdown("zh")

    nav.version_picker.value = "2016"
    assert 'data-version="2016"' in nav.checklist.value
    nav.answer(True)  # finished: a clear message, no exception
    assert "finished" in nav.message.value
    nav.restart()
    assert nav.checklist.value == "" and nav.message.value == ""


def test_navigator_shows_text_escaped():
    from csl_helpers.views.obligations.checklist_markup import duty_html

    duty = obligations_for(Profile(), "2025")[0]
    html = duty_html(duty, simulator='x.ipynb"><script>')
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_every_duty_links_to_the_very_clause_and_item_that_enforces_it():
    """2025 Art. 71(1)(2) must open item (2), not (1) of Art. 71(1): each link names its item."""
    from html import unescape
    from urllib.parse import urlsplit

    from csl_helpers.law.version_registry import other_version
    from csl_helpers.obligations.duties import Duty
    from csl_helpers.penalties import conducts
    from csl_helpers.penalties.address import selection_from_query
    from csl_helpers.views.obligations.checklist_markup import SIMULATOR, duty_html

    checked = 0
    for version in version_ids():
        menu = conducts(version)
        for ob in obligations():
            if not ob.in_version(version):
                continue
            duty = Duty(ob, version, other_version(version).id)
            hrefs = [
                unescape(h)
                for h in re.findall(r'class="csl-nav-simulate"[^>]*href="([^"]+)"', duty_html(duty))
            ]
            assert len(hrefs) == len(duty.penalty.rules), (duty.id, version, hrefs)
            for clause, href in zip(duty.penalty.rules, hrefs, strict=True):
                address = urlsplit(href)
                assert address.path == SIMULATOR
                chosen = selection_from_query(address.query)
                assert chosen.version == version
                assert chosen.key == (clause.article, clause.paragraph, clause.item), (
                    duty.id,
                    version,
                    href,
                )
                opened = [c for c in menu if c.provision == Provision(*chosen.key)]
                assert [c.provision for c in opened] == [clause], (duty.id, version, href)
                checked += 1
    assert checked >= len(obligations())  # every version's duties were looked at


def test_tree_picture_has_a_leaf_per_duty_and_greys_out_the_rest():
    from csl_helpers.views.obligations.plots import KIND_COLOURS, OFF_COLOUR, obligation_tree

    for version in version_ids():
        fig = obligation_tree(version, profile=Profile())
        trace = fig.data[0]
        leaves = [i for i, node in enumerate(trace.ids) if node.startswith("duty:")]
        assert len(leaves) == sum(o.in_version(version) for o in obligations())
        everyone = {d.id for d in obligations_for(Profile(), version)}
        for i in leaves:
            duty_id = trace.ids[i].removeprefix("duty:")
            colour = trace.marker.colors[i]
            assert (colour == OFF_COLOUR) == (duty_id not in everyone)
            if duty_id in everyone:
                assert colour == KIND_COLOURS[obligation(duty_id).enforcement[version].kind]
        parents = set(trace.parents) - {""}
        assert parents <= set(trace.ids)

"""The Chinese interface words things as Chinese and the Law do (issue 24, wording points).

Amounts as Chinese writes money, explanatory notes in the reader's language, a reservation told
from a referral, 可以 said once, penalties not called mere measures, Chinese punctuation, the
chapters chart in Chinese, and no private-international-law term for a referral.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from csl_helpers import load_law
from csl_helpers.law.data import DataError, read_yaml
from csl_helpers.penalties import Circumstances, rules, simulate
from csl_helpers.penalties.amounts import cn_amount, figure, to_cn_amount, zh_figure
from csl_helpers.penalties.clauses import conducts
from csl_helpers.penalties.model import Range
from csl_helpers.penalties.rules import read_rule, rules_file
from csl_helpers.views.penalties.markup import outcome_html

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "csl_helpers/locale/zh_Hans/LC_MESSAGES/csl.po"
ASCII_AMOUNT = re.compile(r"\d,\d{3}")
VERSIONS = ("2016", "2025")


def zh(msgid: str) -> str:
    with PO.open("rb") as f:
        return read_po(f).get(msgid).string


def outcomes(version):
    for c in conducts(version):
        if "procurement_amount" in c.needs:
            continue
        for tier in c.tiers:
            yield simulate(version, c, Circumstances(tier=tier))


# Amounts


def test_a_range_in_chinese_reads_as_chinese_writes_money():
    assert Range(500_000, 2_000_000).label("yuan", "zh") == "50万元以上200万元以下"
    assert Range(None, 1_000_000).label("yuan", "zh") == "100万元以下"
    assert Range(5_000, 50_000).label("yuan", "zh") == "5000元以上5万元以下"
    assert Range(5, 15).label("days", "zh") == "5日以上15日以下"
    assert Range(500_000, 2_000_000).label("yuan") == "500,000 to 2,000,000 yuan"


@pytest.mark.parametrize("version", VERSIONS)
def test_every_fine_of_the_rules_in_the_laws_numerals_is_the_laws_wording(version):
    seen = 0
    for r in rules(version):
        for t in r.tiers:
            for case in t.fine.cases if t.fine else ():
                if case.multiple_of is None:
                    quoted = Range(case.low, case.high).label("yuan", "zh", cn=True)
                    assert quoted in case.wording, (r.id, quoted, case.wording)
                    seen += 1
    assert seen > 10


def test_the_laws_numerals_and_the_figures_read_back():
    for n in (1, 10, 15, 101, 5_000, 20_000, 105_000, 500_000, 2_000_000, 10_000_000):
        assert cn_amount(to_cn_amount(n)) == n
    assert zh_figure(1_500_000) == "150万" and figure(20_000, "zh") == "2万"
    with pytest.raises(ValueError):
        to_cn_amount(0)


@pytest.mark.parametrize("version", VERSIONS)
def test_no_chinese_outcome_writes_an_amount_with_thousands_commas(version):
    for o in outcomes(version):
        shown = outcome_html(o, ui="zh")
        assert not ASCII_AMOUNT.search(re.sub(r"<[^>]+>", "", shown)), (o.basis, shown)


def test_a_refused_amount_is_counted_in_chinese_figures():
    from csl_helpers.views.penalties.entries import parse_amount

    with pytest.raises(ValueError) as exc:
        parse_amount("9" * 20, "illegal_gains", lang="zh")
    assert not ASCII_AMOUNT.search(str(exc.value)) and "元" in str(exc.value)


# Explanatory notes


@pytest.mark.parametrize("version", VERSIONS)
def test_every_explanatory_note_is_written_in_both_languages(version):
    notes = [r.note for r in rules(version) if r.note]
    notes += [t.referral.note for r in rules(version) for t in r.tiers if t.referral]
    assert notes
    for note in notes:
        assert re.search("[\u4e00-\u9fff]", note.zh) and note.en.isascii() is not None
        assert note.zh != note.en and note.text("zh") == note.zh and note.text("en") == note.en


def test_the_fourteen_notes_of_the_rules_data_are_all_bilingual():
    found = 0
    for version in VERSIONS:
        for entry in read_yaml(rules_file(version))["rules"]:
            for holder in [entry, *(t.get("referral", {}) for t in entry["tiers"])]:
                if "note" in holder:
                    assert set(holder["note"]) == {"zh", "en"}, entry["id"]
                    found += 1
    assert found >= 14


def _entry_with_note(version="2016", rule_id="art_64__para_1"):
    raw = read_yaml(rules_file(version))
    entry = next(e for e in raw["rules"] if e["id"] == rule_id)
    return load_law(version), copy.deepcopy(entry)


@pytest.mark.parametrize(
    "note",
    [
        "An English note only",
        {"en": "An English note only"},
        {"zh": "", "en": "x"},
        {"zh": "Not Chinese", "en": "x"},
        {"zh": "引用了“本款没有的话”", "en": "x"},
    ],
)
def test_the_loader_refuses_a_note_without_its_chinese(note):
    law, entry = _entry_with_note()
    read_rule(law, entry, "test")  # as it stands it loads
    entry["note"] = note
    with pytest.raises(DataError, match="note"):
        read_rule(law, entry, "test")


def test_the_note_is_shown_in_the_readers_language_under_its_own_heading():
    o = simulate("2016", 64, tier="base")
    assert o.notes
    shown = outcome_html(o, ui="zh")
    assert "说明（英文）" not in shown and "<b>说明</b>" in shown
    assert o.notes[0].zh in shown.replace("&quot;", '"') and o.notes[0].en not in shown
    assert zh("Note") == "说明"
    assert o.notes[0].en.replace('"', "&quot;") in outcome_html(o)


def test_the_note_on_a_later_paragraph_setting_the_penalty_is_in_chinese_too():
    o = simulate("2025", 61, tier="serious")
    extra = [n for n in o.notes if "sets the penalty" in n.en]
    assert extra and "规定了" in extra[0].zh and "Article" not in extra[0].zh


# Referral and reservation


def test_a_reservation_is_not_labelled_a_referral():
    r63 = next(r for r in rules("2025") if r.article == 63)
    assert all(t.referral.reservation for t in r63.tiers if t.referral)
    referrals = [t.referral for v in VERSIONS for r in rules(v) for t in r.tiers if t.referral]
    assert {x.zh for x in referrals if not x.reservation} and all(
        ("另有规定的，依照其规定" in x.zh) is x.reservation for x in referrals
    )
    shown = outcome_html(simulate("2025", 63), ui="zh")
    assert "<b>除外规定</b>" in shown and "<b>依照其他法律</b>" not in shown
    referred = outcome_html(simulate("2025", 71, 2), ui="zh")
    assert "<b>除外规定</b>" not in referred and "<b>依照其他法律</b>" in referred
    rows = dict(simulate("2025", 63).rows("zh"))
    assert "除外规定" in rows and "依照其他法律处罚" not in rows


def test_the_loader_checks_the_reservation_mark_against_the_words():
    law, entry = _entry_with_note("2025", "art_63__para_1")
    del entry["tiers"][0]["referral"]["reservation"]
    with pytest.raises(DataError, match="reservation"):
        read_rule(law, entry, "test")


def test_no_referral_is_called_by_the_renvoi_term():
    data = (ROOT / "data/obligations.yaml").read_text(encoding="utf-8")
    worded = "\n".join(line for line in data.splitlines() if not line.lstrip().startswith("#"))
    assert "转致" not in worded and "转致" not in PO.read_text(encoding="utf-8")


# 可以, penalties, punctuation


@pytest.mark.parametrize("version", VERSIONS)
def test_a_measure_line_says_kěyǐ_once(version):
    checked = 0
    for o in outcomes(version):
        for row in re.findall(r"<tr>.*?</tr>", outcome_html(o, ui="zh")):
            text = re.sub(r"<[^>]+>", "", row)
            assert text.count("可以") <= 1, text
            checked += "可以" in text
    assert checked


def test_penalties_are_not_called_measures():
    # APL Art. 9: 警告 and 吊销许可证件 are administrative penalties (行政处罚).
    apl = Path("/work/shared/law-sources/administrative-penalty-law-2021.zh.md")
    if apl.exists():
        assert "（一）警告、通报批评" in apl.read_text(encoding="utf-8")
    assert zh("Measure") != "措施" and "处罚" in zh("Measure")
    for said in ("New measures: {names}.", "Measures no longer named: {names}."):
        assert "处罚" in zh(said)
    shown = outcome_html(simulate("2016", 59, tier="base"), ui="zh")
    assert "警告" in shown and "<b>措施</b>" not in shown


def test_the_csv_column_does_not_call_the_breach_an_enforcement():
    assert "执行" not in zh("enforcement")


def test_a_duty_described_in_chinese_takes_chinese_punctuation():
    from csl_helpers.obligations import obligations

    for ob in obligations():
        said = ob.describe("zh")
        assert not re.search(r"[\u4e00-\u9fff\d][:;,] ?", said), said


def test_a_chinese_search_hit_is_labelled_with_a_full_width_colon():
    from csl_helpers.views.markup import hit_label

    hit = load_law("2016").search("网络日志", "zh")[0]
    assert hit_label(hit).startswith("第二十一条第三项：")


# The chapters chart


@pytest.mark.parametrize("version", VERSIONS)
def test_the_chapters_chart_in_chinese_names_the_chapters_as_the_law_heads_them(version):
    from csl_helpers.views.law.plots import chapter_sizes_chart

    zh_md = (ROOT / f"data/csl-{version}/zh.md").read_text(encoding="utf-8")
    heads = re.findall(r"^## (第[一二三四五六七八九十]+章 \S+)", zh_md, re.M)
    fig = chapter_sizes_chart(ui="zh")
    bars = next(b for b in fig.data if b.name.startswith(version))
    assert list(bars.x) == heads
    assert not any(re.search("[A-Za-z]", x) for x in bars.x)
    english = next(b for b in chapter_sizes_chart().data if b.name.startswith(version))
    assert english.x[0] == "Ch. 1 General Provisions"


# Errors and messages told to a visitor, and dates


def _no_english(text: str, allowed: tuple[str, ...] = ()) -> bool:
    from html import unescape

    text = unescape(re.sub(r"<[^>]+>", "", text))
    for word in sorted(allowed, key=len, reverse=True):
        text = text.replace(word, "")
    return not re.search("[A-Za-z]{3,}", text)


def test_a_bad_article_in_an_explorer_address_is_told_in_chinese():
    from csl_helpers.translation import worded
    from csl_helpers.views.law.explorer_state import ExplorerModel
    from csl_helpers.views.page_address import problem_html

    with pytest.raises(ValueError) as exc:
        ExplorerModel("2025", 1, "zh").open_address("lang=zh&article=999")
    said = worded(exc.value, "zh")
    assert said == "article：2025年文本只有第1条至第81条，没有第999条", said
    assert "has Articles 1 to 81" in str(exc.value)
    shown = problem_html("article", exc.value, lang="zh")
    assert "无法打开所请求的条文" in shown and _no_english(shown, ("article",))


@pytest.mark.parametrize(
    ("query", "allowed"),
    [
        ("version=2030&article=61", ("version",)),
        ("version=2025&article=abc", ("article", "abc")),
        ("version=2025&article=10", ("article",)),
        ("version=2025&article=61&paragraph=9", ("paragraph",)),
        (
            "version=2025&article=61&tier=colour",
            ("tier", "base", "aggravated", "serious", "especially_serious", "colour"),
        ),
        ("version=2025&colour=1", ("colour", "version", "article", "paragraph", "item", "tier")),
    ],
)
def test_a_bad_clause_address_is_told_in_chinese(query, allowed):
    from urllib.parse import parse_qsl

    from csl_helpers.penalties.address import selection_from
    from csl_helpers.translation import worded

    with pytest.raises(ValueError) as exc:
        from csl_helpers.law.query import parameters

        keys = ("version", "article", "paragraph", "item", "tier")
        selection_from(parameters(query, keys) or dict(parse_qsl(query)))
    said = worded(exc.value, "zh")
    assert re.search("[\u4e00-\u9fff]", said) and _no_english(said, allowed), said


def test_a_value_the_page_should_not_send_is_refused_in_chinese():
    import ipywidgets as w

    from csl_helpers.views.input_guard import InputGuard

    picker = w.Dropdown(options=["2016年文本", "2025年文本"], description="版本")
    guard = InputGuard(lambda: "zh")
    guard.watch(w.VBox([guard.message, picker]))
    for bad in ("abc", 5):
        data = {"method": "update", "state": {"index": bad}, "buffer_paths": []}
        picker.comm.handle_msg({"content": {"data": data}, "buffers": []})
        text = re.sub(r"<[^>]+>", "", guard.message.value)
        assert "“版本”未更改" in text and "序号" in text, text
        assert _no_english(text, ("abc",)), text
    english = InputGuard()
    english.watch(w.VBox([english.message, picker]))
    data = {"method": "update", "state": {"index": 5}, "buffer_paths": []}
    picker.comm.handle_msg({"content": {"data": data}, "buffers": []})
    assert "index 5 is not one of the choices" in english.message.value


def test_the_version_banner_in_chinese_writes_its_dates_as_chinese_prose():
    from csl_helpers.views.markup import version_banner_html

    shown = version_banner_html(load_law("2016"), "2025", ui="zh")
    assert "2017年6月1日至2025年12月31日" in shown and not re.search(r"\d{4}-\d\d-\d\d", shown)
    assert "2017-06-01 to 2025-12-31" in version_banner_html(load_law("2016"), "2025")


# Translator's notes


@pytest.mark.parametrize("version", VERSIONS)
def test_every_translators_note_is_in_both_languages(version):
    law = load_law(version)
    notes = [n for a in law for n in a.notes]
    assert notes
    for n in notes:
        assert re.search("[\u4e00-\u9fff]{10}", n.zh) and n.en and n.zh != n.en


def test_the_explorer_shows_the_translators_note_in_the_readers_language():
    from csl_helpers.views.markup import provenance_html

    article = load_law("2016").article(63)
    shown = provenance_html(article, ui="zh")
    assert "译者注：" in shown and "（英文）" not in shown
    assert article.notes[0].zh in shown.replace("&quot;", '"')
    assert article.notes[0].en.split(":")[0] not in shown
    assert article.notes[0].en.split(":")[0] in provenance_html(article)


def test_the_loader_refuses_a_translators_note_in_one_language(monkeypatch):
    from csl_helpers.law import load

    raw = copy.deepcopy(read_yaml("translator-notes.yaml"))
    raw["notes"][0]["note"] = {"en": "English only"}
    monkeypatch.setattr(load, "read_yaml", lambda name: raw)
    with pytest.raises(DataError, match=r"notes\[0\]\.note"):
        load.translator_notes("2016")


def test_the_fine_ceilings_chart_in_chinese_cites_and_counts_in_chinese():
    from csl_helpers.views.law.plots import ceilings_chart

    for on in ("offender", "person"):
        for bars in ceilings_chart(on, ui="zh").data:
            assert all(
                re.fullmatch(r"20\d\d年文本第[一二三四五六七八九十]+条（.+）", x) for x in bars.x
            )
            assert not any(ASCII_AMOUNT.search(t) for t in bars.text), bars.text
    english = ceilings_chart().data[-1]
    assert english.x[0].startswith("2025 Art. ") and "%{text}" in english.hovertemplate


def test_the_simulator_introduction_does_not_call_the_penalties_measures():
    intro = next(
        m.string for m in read_po(PO.open("rb")) if m.id and "<h1>Penalty Simulator" in m.id
    )
    assert "拘留等行政处罚和其他措施" in intro


def test_a_date_out_of_range_is_told_as_chinese_writes_a_date():
    import datetime

    import ipywidgets as w

    from csl_helpers.views.input_guard import InputGuard

    picker = w.DatePicker(
        description="行为日期", min=datetime.date(2017, 6, 1), max=datetime.date(2030, 12, 31)
    )
    guard = InputGuard(lambda: "zh")
    guard.watch(w.VBox([guard.message, picker]))
    data = {"method": "update", "state": {"value": {"year": 2040, "month": 0, "date": 2}}}
    picker.comm.handle_msg({"content": {"data": {**data, "buffer_paths": []}}, "buffers": []})
    text = re.sub(r"<[^>]+>", "", guard.message.value)
    assert "2040年1月2日" in text and "2017年6月1日" in text, text
    assert not re.search(r"\d{4}-\d\d-\d\d", text)


@pytest.mark.parametrize(
    ("model", "query", "said"),
    [
        ("simulator", "version=2025&article=10", "2025年文本第六章的条文序号（61至77）"),
        ("simulator", "illegal_gains=x", "有效取值：整数"),
        ("simulator", "lang=fr", "lang 须为en、zh之一"),
        ("navigator", "version=2030", "未知版本 '2030'"),
        ("navigator", "answers=yx", "须为字母 y 或者 n"),
    ],
)
def test_a_bad_address_of_the_simulator_or_navigator_is_told_in_chinese(model, query, said):
    from csl_helpers.translation import worded
    from csl_helpers.views.obligations.navigator_state import NavigatorModel
    from csl_helpers.views.penalties.state import SimulatorModel

    kind = {"simulator": SimulatorModel, "navigator": NavigatorModel}[model]
    with pytest.raises(ValueError) as exc:
        kind(lang="zh").open_address(query)
    assert said in worded(exc.value, "zh"), worded(exc.value, "zh")
    allowed = ("version", "article", "illegal_gains", "lang", "answers", "en", "zh", "YYYY")
    assert _no_english(worded(exc.value, "zh"), allowed)


def test_only_the_administrative_penalties_of_apl_article_9_are_named_so():
    apl = Path("/work/shared/law-sources/administrative-penalty-law-2021.zh.md")
    if apl.exists():
        art9 = apl.read_text(encoding="utf-8").split("第九条", 1)[1].split("第十条", 1)[0]
        assert "警告" in art9 and "吊销许可证件" in art9
        assert not any(word in art9 for word in ("处分", "信用档案", "冻结"))
    labels = dict((v, k) for k, v in simulate("2016", 72).rows("zh"))
    assert labels["对直接负责的主管人员和其他直接责任人员依法给予处分"] == "其他措施"
    labels = dict((v, k) for k, v in simulate("2016", 71).rows("zh"))
    assert labels["依照有关法律、行政法规的规定记入信用档案，并予以公示"] == "其他措施"
    labels = dict((v, k) for k, v in simulate("2016", 59, tier="aggravated").rows("zh"))
    assert labels["给予警告"] == "行政处罚" and labels["责令改正"] == "其他措施"


def test_the_vocabulary_refuses_an_order_marked_as_an_administrative_penalty(monkeypatch):
    from csl_helpers.penalties import model

    raw = copy.deepcopy(read_yaml(model.VOCAB_FILE))
    order = next(m for m in raw["measures"] if m["kind"] == "order")
    order["administrative_penalty"] = True
    monkeypatch.setattr(model, "read_yaml", lambda name: raw)
    model.vocabulary.cache_clear()
    try:
        with pytest.raises(DataError, match="administrative_penalty"):
            model.vocabulary()
    finally:
        model.vocabulary.cache_clear()

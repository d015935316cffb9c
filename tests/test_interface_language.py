"""Each dashboard in English or Chinese: the `lang` choice, the switch, and `?lang=`."""

from __future__ import annotations

import re

import ipywidgets as w
import pytest
from traitlets import TraitError

from csl_helpers import dashboards
from csl_helpers.views.i18n import lang_from_query, without_lang
from csl_helpers.views.law.explorer import LawExplorer
from csl_helpers.views.obligations.navigator import ObligationNavigator
from csl_helpers.views.penalties.simulator import PenaltySimulator

VIEWS = (LawExplorer, PenaltySimulator, ObligationNavigator)
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def widgets(root: w.Widget):
    yield root
    for child in getattr(root, "children", ()):
        yield from widgets(child)


def words(view) -> dict[str, str]:
    """Every label, placeholder, option label and HTML text of a view's widgets, by place."""
    out = {}
    for i, widget in enumerate(widgets(view.widget)):
        for name in ("description", "placeholder", "value"):
            value = getattr(widget, name, None)
            if isinstance(value, str) and (name != "value" or isinstance(widget, w.HTML)):
                out[f"{i}.{name}"] = value
        shown = getattr(widget, "_options_labels", None) or getattr(widget, "labels", None)
        if shown is not None:
            out[f"{i}.options"] = " | ".join(shown)
    return out


LAWS_TITLES = {"csl-chapter-picker", "csl-section-picker", "csl-article-picker"}
"""Menus whose English labels quote the Law's Chinese titles and citations beside them."""


def labels(view, skip=frozenset()) -> list[str]:
    """The controls' own words: descriptions, placeholders and option labels."""
    found = []
    for widget in widgets(view.widget):
        if {"csl-ui-lang", "csl-lang", *skip} & set(widget._dom_classes):
            continue  # the language switches name each language in that language
        found += [getattr(widget, n, "") or "" for n in ("description", "placeholder")]
        found += list(getattr(widget, "_options_labels", ()) or getattr(widget, "labels", ()))
    return found


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: v.__name__)
def test_a_view_refuses_an_unknown_language_naming_the_choices(view):
    with pytest.raises(ValueError, match="lang must be one of en, zh; got 'fr'"):
        view(lang="fr")


@pytest.mark.parametrize("dashboard", ["law_explorer", "penalty_simulator", "obligation_navigator"])
def test_a_dashboard_takes_lang_and_refuses_an_unknown_one(dashboard):
    assert isinstance(getattr(dashboards, dashboard)(lang="zh"), w.Widget)
    with pytest.raises(ValueError, match="en, zh"):
        getattr(dashboards, dashboard)(lang="de")


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: v.__name__)
def test_the_model_refuses_an_unknown_language(view):
    with pytest.raises(TraitError, match="lang must be one of en, zh"):
        view().model.lang = "zh_TW"


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: v.__name__)
def test_the_controls_are_chinese_in_chinese_and_english_again_after(view):
    v = view()
    english = words(v)
    assert not [t for t in labels(v, LAWS_TITLES) if CHINESE.search(t)], labels(v, LAWS_TITLES)
    v.model.lang = "zh"
    assert not [t for t in labels(v) if ENGLISH_WORD.search(t)], labels(v)
    assert words(v) != english
    v.model.lang = "en"
    assert words(v) == english


def test_the_switch_changes_the_words_not_the_choices():
    s = PenaltySimulator()
    s.model.mode = "dates"
    s.model.tier = s.model.tier_choices[-1][1]
    before = (s.model.mode, s.model.conduct, s.model.tier, s.mode.value, s.tier.value)
    s.ui_lang.value = "zh"
    assert (s.model.mode, s.model.conduct, s.model.tier, s.mode.value, s.tier.value) == before
    assert "适用的文本" in s.applicable.value
    assert "《行政处罚法》第三十七条" in s.applicable.value

    e = LawExplorer("2016", 21)
    e.ui_lang.value = "zh"
    assert (e.model.version, e.model.article) == ("2016", 21)
    assert (
        e.version_picker.value == "2016"
        and e.version_picker.labels[e.version_picker.index] == "2016年文本"
    )


def test_the_address_chooses_the_language_with_the_other_parameters():
    s = PenaltySimulator()
    s.open_query("version=2016&article=64&paragraph=1&lang=zh")
    assert s.model.lang == "zh" and s.model.conduct[:2] == (64, 1)
    assert "第六十四条" in s.outcome.value
    s.open_query("version=2016&article=59&lang=fr")
    assert s.model.lang == "en" and s.model.conduct[0] == 59
    assert "lang must be one of en, zh; got &#x27;fr&#x27;. Showing English." in s.banner.value

    e = LawExplorer()
    e.open_query("lang=zh")
    assert e.model.lang == "zh" and e.guard.message.value == ""
    e.open_query("lang=english")
    assert e.model.lang == "en" and "en, zh" in e.guard.message.value

    n = ObligationNavigator(lang="zh")
    n.open_query("")
    assert n.model.lang == "zh"  # no lang in the address: the one asked for stays


def test_lang_in_a_query_is_read_once_and_left_out_for_the_rest():
    assert lang_from_query("") == (None, "")
    assert lang_from_query("lang=zh&lang=en")[0] == "en"
    assert "give it once" in lang_from_query("lang=zh&lang=en")[1]
    assert without_lang("version=2025&lang=zh&article=61") == "version=2025&article=61"


def test_the_checklist_and_its_links_are_chinese_in_chinese():
    n = ObligationNavigator(lang="zh")
    while n.model.interview.current is not None:
        n.model.answer(True)
    assert "您在" in n.checklist.value and "&amp;lang=zh" in n.checklist.value
    assert "下载：" in n.downloads.value


def test_a_refused_change_is_told_in_the_pages_language():
    s = PenaltySimulator(lang="zh")
    data = {"method": "update", "state": {"index": 99}, "buffer_paths": []}
    s.tier.comm.handle_msg({"content": {"data": data}, "buffers": []})
    assert "“情节”未更改" in s.guard.message.value


def test_a_simulator_prepared_in_the_pool_is_reworded_without_building_a_chart():
    from csl_helpers.translation import gettext_for
    from csl_helpers.views.penalties.plots import AXIS_TITLE, fines_chart

    fines_chart.cache_clear()  # no chart built by an earlier test
    simulator = PenaltySimulator(lang="en")
    simulator.prepare_languages()
    built = fines_chart.cache_info().misses
    simulator.open_query("lang=zh", late=True)
    assert simulator.model.lang == "zh"
    assert fines_chart.cache_info().misses == built
    axis = simulator.fines_chart.figure["layout"]["xaxis"]["title"]["text"]
    assert axis == gettext_for("zh")(AXIS_TITLE) != AXIS_TITLE


def test_a_preheated_kernel_prepares_while_it_waits_and_a_page_does_not_wait_for_that(
    monkeypatch,
):
    import threading

    steps: list[str] = []
    opened, prepared, page_done = threading.Event(), threading.Event(), threading.Event()
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    monkeypatch.setenv("QUERY_STRING", "lang=zh")
    monkeypatch.setattr(dashboards, "wait_for_page_request", lambda: steps.append("page"))

    def open_query(query: str) -> None:
        steps.append(query)
        opened.set()

    def prepare() -> None:
        assert page_done.wait(10)  # slow preparing: still going when the page is opened
        steps.append("prepared")
        prepared.set()

    dashboards.when_requested(open_query, prepare)
    assert opened.wait(10)
    assert steps == ["page", "lang=zh"]
    page_done.set()
    assert prepared.wait(10)
    assert steps == ["page", "lang=zh", "prepared"]


def test_outside_a_preheated_kernel_the_query_is_opened_at_once(monkeypatch):
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    monkeypatch.setenv("QUERY_STRING", "lang=zh")
    seen: list[str] = []
    dashboards.when_requested(seen.append, lambda: seen.append("prepared"))
    assert seen == ["lang=zh"]


@pytest.mark.parametrize(
    ("name", "view"),
    [
        ("law_explorer", LawExplorer),
        ("penalty_simulator", PenaltySimulator),
        ("obligation_navigator", ObligationNavigator),
    ],
)
def test_a_dashboard_names_its_tab_in_its_language(name, view):
    import json
    from pathlib import Path

    from csl_helpers.views.i18n import TITLES

    notebook = Path(__file__).parent.parent / "notebooks" / "dashboards" / f"{name}.ipynb"
    english = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]["title"]
    assert TITLES[name] == english  # the tab an English page has from its notebook
    shown = view(lang="zh")
    assert shown.page.title and not re.search("[A-Za-z]", shown.page.title), shown.page.title
    shown.model.lang = "en"
    assert shown.page.title == english

"""The Law Explorer's model, without widgets or a browser."""

from __future__ import annotations

import pytest
from traitlets import TraitError

from csl_helpers.law.concordance import concordance
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import version_ids
from csl_helpers.views.law.explorer_state import ExplorerModel

OLD, NEW = version_ids()[0], version_ids()[-1]


def test_switching_version_keeps_the_provision_or_opens_article_1():
    model = ExplorerModel(OLD, 21)
    model.version = NEW
    assert model.place == (NEW, concordance(21, OLD, NEW)) and model.article == model.place[1]
    new_only = next(
        a.number for a in load_law(NEW).articles if concordance(a.number, NEW, OLD) is None
    )
    model.go(NEW, new_only)
    model.version = OLD
    assert model.place == (OLD, 1)


def test_go_sets_version_and_article_together():
    model = ExplorerModel(NEW, 1)
    seen = []
    model.observe(lambda change: seen.append(change["new"]), "place")
    model.go(OLD, 21)
    assert seen == [(OLD, 21)] and (model.version, model.article) == (OLD, 21)


def test_open_counterpart_opens_the_same_provision_in_the_other_text():
    model = ExplorerModel(OLD, 21)
    model.open_counterpart()
    assert model.place == (NEW, concordance(21, OLD, NEW))


def test_a_missing_article_or_version_is_refused_naming_what_exists():
    model = ExplorerModel(OLD, 21)
    last = load_law(OLD).articles[-1].number
    with pytest.raises(LookupError, match=f"Articles 1 to {last}"):
        model.go(OLD, last + 1)
    with pytest.raises(TraitError, match="valid versions: " + ", ".join(map(repr, version_ids()))):
        model.version = "1999"
    with pytest.raises(TraitError, match="text_lang must be one of both, en, zh"):
        model.text_lang = "fr"
    assert model.place == (OLD, 21)


def test_the_search_follows_query_language_and_version():
    model = ExplorerModel(OLD, 1)
    assert model.search is None
    model.query = "LOGS"
    assert model.search.hits == tuple(load_law(OLD).search("logs"))
    model.version = NEW
    assert model.search.version == NEW
    assert model.search.hits == tuple(load_law(NEW).search("logs"))
    model.search_lang = "zh"
    assert model.search.hits == tuple(load_law(NEW).search("LOGS", "zh"))
    model.query = "  "
    assert model.search.empty and model.search.hits == ()


def test_the_search_reads_both_languages_unless_told_one():
    model = ExplorerModel(NEW, 1)
    law = load_law(NEW)
    for query in ("个人信息", "personal information"):
        model.query = query
        hits = tuple(law.search(query, "en")) + tuple(law.search(query, "zh"))
        assert hits and model.search.hits == hits
        assert model.search.paragraphs == len({h.provision for h in hits})
    with pytest.raises(TraitError, match="search_lang must be one of both, en, zh"):
        model.search_lang = "fr"


def test_switching_the_version_after_a_followed_reference_writes_only_the_new_place():
    """The address a page keeps is written once per change, never the new version with the
    old article (a Back would open that article of the other text)."""
    model = ExplorerModel(version="2025", article=21)
    model.go("2025", 21, Provision(21, 1))
    written = []
    model.observe(lambda _: written.append(model.address()), list(model.ADDRESS))
    model.open_counterpart()
    assert model.article != 21 and model.cited is None
    assert set(written) == {model.address()}

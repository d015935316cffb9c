"""The Law Explorer's state: which article of which version, the languages shown, the search.

:class:`ExplorerModel` holds the place (version and article), the language view, whether
changes are compared, the search query and its language, and the interface's language
(:attr:`ExplorerModel.lang`, English or Chinese) as traits; the search results are derived
from them. Switching the version keeps the provision where it continues (the
concordance), else opens Article 1. The version, article and language are the page's address
(``?version=2025&article=61&lang=zh``). The model imports no widgets;
:mod:`csl_helpers.views.law.explorer` draws it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from traitlets import Bool, Instance, Int, TraitError, Unicode, observe, validate

from csl_helpers.law.concordance import concordance
from csl_helpers.law.load import load_law
from csl_helpers.law.model import Article, Provision, SearchHit
from csl_helpers.law.query import whole_number
from csl_helpers.law.text import Law
from csl_helpers.law.version_registry import version_ids, version_info, version_on
from csl_helpers.translation import N_, Phrase, WordedValueError
from csl_helpers.views.addressed import Addressed
from csl_helpers.views.traits import UiLang, VersionId

LANG_VIEWS = (("English | 中文", "both"), ("English", "en"), ("中文", "zh"))
"""The language views of an article's text (:attr:`ExplorerModel.text_lang`): label and value."""
SEARCH_LANGS = (("English and 中文", "both"), ("English", "en"), ("中文", "zh"))
"""The languages the search reads: label and value. The page searches both: a reader types a
word in either language and should find it whatever language the article is shown in."""


A_PARAGRAPH = N_("a paragraph of the article")
AN_ITEM = N_("an item of the paragraph")
ITEM_ALONE = N_("item: an item needs its paragraph; give paragraph too")
NO_PARAGRAPH = N_("paragraph: the article has paragraphs 1 to {last}, not {got}")
NO_ITEM = N_("item: the paragraph has items 1 to {last}, not {got}")
BAD_TEXT = N_("text must be zh or en (or left out: both); got {got}")
BAD_DIFF = N_("diff must be 1 (the changes shown) or 0; got {got}")


def _one_of(name: str, value: str, choices: tuple[tuple[str, str], ...]) -> str:
    valid = [v for _, v in choices]
    if value not in valid:
        raise TraitError(f"{name} must be one of {', '.join(valid)}; got {value!r}")
    return value


@dataclass(frozen=True)
class Search:
    """A search of one version's text: the query as typed, its language(s) and what it found.

    ``hits`` come English first, then Chinese (each in text order) when both are searched.
    """

    query: str
    lang: str
    version: str
    hits: tuple[SearchHit, ...] = ()

    @property
    def empty(self) -> bool:
        """Whether nothing was asked (the query is blank)."""
        return not self.query.strip()

    @property
    def paragraphs(self) -> int:
        """How many paragraphs or items matched, in either language (each counted once)."""
        return len({hit.provision for hit in self.hits})


class ExplorerModel(Addressed):
    """What the explorer shows: :attr:`place` (version, article) and how.

    Set :attr:`version` to switch texts (the article follows the concordance), or call
    :meth:`go` to open an article; :attr:`place` changes once, with both in line.
    """

    version = VersionId()
    article = Int(1, read_only=True)
    place = Instance(tuple, read_only=True)
    text_lang = Unicode("both", help="the article's text shown: both, en or zh")
    lang = UiLang(help="the interface's language: en or zh")
    compare = Bool(False)
    query = Unicode("")
    search_lang = Unicode("both")
    search = Instance(Search, allow_none=True, read_only=True)

    cited = Instance(Provision, allow_none=True, read_only=True)
    """The paragraph or item of the open article a followed reference cites (marked), or None."""

    ADDRESS = ("version", "article", "cited", "text_lang", "compare", "lang")
    PARAMETERS = {
        "version": ("version",),
        "article": ("article",),
        "cited": ("paragraph", "item"),
        "text_lang": ("text",),
        "compare": ("diff",),
    }
    REPLACING = ("lang", "text_lang", "compare")
    DEFAULTS = {"lang": "en"}

    def __init__(self, version: str | None = None, article: int = 1, lang: str = "en") -> None:
        super().__init__(lang=lang)
        self.today = version_on(date.today()).id
        law = load_law(version)
        self.go(law.version, law.article(article).number)

    @property
    def law(self) -> Law:
        """The text open."""
        return load_law(self.version)

    @property
    def other(self) -> str:
        """The version to compare with: the first other than the one open."""
        return next(v for v in version_ids() if v != self.version)

    def go(self, version: str, number: int, cited: Provision | None = None) -> None:
        """Open Article ``number`` of ``version``, marking the paragraph or item ``cited``.

        Raises:
            ValueError: for a version not in ``data/versions.yaml``.
            LookupError: for an article the version does not have (naming the ones it has).
        """
        load_law(version_info(version).id).article(number)
        if cited is not None and (cited.paragraph is None or cited.article != number):
            cited = None
        # One change for the address: told apart, the cited mark's change wrote (and pushed)
        # the new version with the old article before the place followed.
        with self.hold_trait_notifications():
            self.set_trait("place", (version, number))
            self.set_trait("article", number)
            self.set_trait("cited", cited)

    def write_field(self, name: str) -> dict[str, Any]:
        """The cited paragraph and item, the text shown (``text``) and the changes (``diff``)."""
        if name == "cited":
            cited = self.cited
            return {} if cited is None else {"paragraph": cited.paragraph, "item": cited.item}
        if name == "compare":
            return {"diff": 1} if self.compare else {}
        if name == "text_lang":
            return {} if self.text_lang == "both" else {"text": self.text_lang}
        return super().write_field(name)

    def read_params(self, params: Mapping[str, str]) -> None:
        """Open the ``article`` of the ``version`` an address names.

        Either may be left out: the version open, the article that continues the one open.
        """
        text, diff = params.get("text", "both"), params.get("diff", "0")
        if text not in ("zh", "en", "both"):
            raise WordedValueError(BAD_TEXT, got=repr(text))
        if diff not in ("0", "1"):
            raise WordedValueError(BAD_DIFF, got=repr(diff))
        version = params.get("version", self.version)
        number = whole_number(
            params,
            "article",
            Phrase(N_("an article number of the {version} text"), version=version),
        )
        try:
            if number is None:
                self.version = version
            else:
                self.go(version, number, self._cited(params, load_law(version).article(number)))
        except WordedValueError:
            raise
        except (TraitError, ValueError) as exc:
            raise WordedValueError(N_("{key}: {reason}"), key="version", reason=exc) from None
        except LookupError as exc:
            raise WordedValueError(N_("{key}: {reason}"), key="article", reason=exc) from None
        self.text_lang, self.compare = text, diff == "1"
        super().read_params(params)

    @staticmethod
    def _cited(params: Mapping[str, str], article: Article) -> Provision | None:
        """The paragraph and item of ``article`` an address marks; None if it names none.

        Raises:
            WordedValueError: naming ``paragraph`` or ``item`` and the ones the article has.
        """
        paragraph = whole_number(params, "paragraph", Phrase(A_PARAGRAPH))
        item = whole_number(params, "item", Phrase(AN_ITEM))
        if paragraph is None:
            if item is not None:
                raise WordedValueError(ITEM_ALONE)
            return None
        if not 1 <= paragraph <= len(article.paragraphs):
            last = len(article.paragraphs)
            raise WordedValueError(NO_PARAGRAPH, got=paragraph, last=last)
        items = len(article.paragraphs[paragraph - 1].items)
        if item is not None and not 1 <= item <= items:
            raise WordedValueError(NO_ITEM, got=item, last=items)
        return Provision(article.number, paragraph, item)

    def open_counterpart(self) -> None:
        """Open the provision the open article continues in (or becomes) the other version."""
        self.version = self.other

    # the place kept in line -------------------------------------------------------------------

    @validate("text_lang")
    def _known_lang(self, proposal: dict) -> str:
        return _one_of("text_lang", proposal["value"], LANG_VIEWS)

    @validate("search_lang")
    def _known_search_lang(self, proposal: dict) -> str:
        return _one_of("search_lang", proposal["value"], SEARCH_LANGS)

    @observe("version")
    def _on_version(self, change: dict) -> None:
        version, number = self.place or (None, None)
        if change["new"] != version and version is not None:
            self.go(change["new"], concordance(number, version, change["new"]) or 1)

    @observe("place")
    def _on_place(self, change: dict) -> None:
        version, number = change["new"]
        self.set_trait("article", number)
        self.version = version
        if self.query.strip():
            self._search()

    @observe("query", "search_lang")
    def _on_query(self, _: dict) -> None:
        self._search()

    def run_search(self) -> None:
        """Search again for :attr:`query` (what the page's Search button does)."""
        self._search()

    def _search(self) -> None:
        langs = ("en", "zh") if self.search_lang == "both" else (self.search_lang,)
        hits = []
        if self.query.strip():
            for lang in langs:
                hits += self.law.search(self.query, lang)
        self.set_trait("search", Search(self.query, self.search_lang, self.version, tuple(hits)))

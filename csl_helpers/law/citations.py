"""Finding the Law's references to itself in its Chinese text, while the text is loaded.

:func:`extract_references` is called once per version by :mod:`csl_helpers.law.load`; what it
finds becomes :attr:`Law.references_all`, with every target checked to exist. It reads
paragraphs and items, not chapters: the grouping of the references into a graph of articles and
chapters for the lessons is :mod:`csl_helpers.law.links`.

The Law cites itself in a few fixed forms: 本法第二十一条、第二十五条; 第二十二条第一款、第二款和
第四十八条第一款; 第四十一条至第四十三条 (a range, expanded); 前款 and 前两款 (the paragraphs
before, resolved to their numbers); 前款第一项、第二项; and 该款 (the paragraph just named).
Where the citing words are followed by 规定处罚 (依照前款规定处罚, 依照该款规定处罚) the source
borrows the target's penalty, and the reference has kind ``"borrows_penalty"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from csl_helpers.law.model import Article, Provision, Reference, check_lang
from csl_helpers.law.numerals import parse_cn, to_cn

_CN = "[零一二三四五六七八九十百两]+"
_TOKEN = re.compile(
    rf"(?P<law>本法)|(?P<prev2>前两款)|(?P<prev>前款)|(?P<that>该款)"
    rf"|第(?P<art>{_CN})条|第(?P<para>{_CN})款|第（?(?P<item>{_CN})）?项"
    r"|(?P<join>、|和|至)"
)
_BORROW = re.compile(r"规定处罚")


def _chains(text: str) -> Iterator[list[re.Match[str]]]:
    """Split ``text`` into runs of adjacent citation tokens that start a citation."""
    chain: list[re.Match[str]] = []
    for m in _TOKEN.finditer(text):
        adjacent = bool(chain) and m.start() == chain[-1].end()
        if not adjacent:
            if chain:
                yield chain
            chain = []
            if m.lastgroup not in ("law", "prev2", "prev", "that"):
                continue
        chain.append(m)
    if chain:
        yield chain


def _targets(
    chain: list[re.Match[str]], here: Provision, last: Provision | None
) -> list[Provision]:
    """The provisions one chain of tokens names, ``here`` being where the chain stands."""
    out: list[Provision] = []
    joined = True  # a new target starts after a connector (and at the chain's start)
    range_from: Provision | None = None
    for m in chain:
        kind = m.lastgroup
        if kind == "join":
            joined = True
            if m.group() == "至":
                range_from = out[-1]
            continue
        if kind == "prev":
            out.append(Provision(here.article, (here.paragraph or 1) - 1))
        elif kind == "prev2":
            p = here.paragraph or 1
            out += [Provision(here.article, p - 2), Provision(here.article, p - 1)]
        elif kind == "that":
            if last is None or last.paragraph is None:
                raise ValueError(f"该款 in {here.citation()} names no paragraph before it")
            out.append(Provision(last.article, last.paragraph))
        elif kind == "art":
            n = parse_cn(m.group("art"))
            if range_from is not None:
                out += [Provision(k) for k in range(range_from.article + 1, n)]
                range_from = None
            out.append(Provision(n))
        elif kind == "para":
            n = parse_cn(m.group("para"))
            prev = out[-1]
            if joined and prev.paragraph is not None:
                out.append(Provision(prev.article, n))
            else:
                out[-1] = Provision(prev.article, n)
        elif kind == "item":
            n = parse_cn(m.group("item"))
            prev = out[-1]
            para = prev.paragraph or 1  # 第六十九条第一项: the item of a one-paragraph article
            if joined and prev.item is not None:
                out.append(Provision(prev.article, para, n))
            else:
                out[-1] = Provision(prev.article, para, n)
        joined = False
    return [t for t in out if t.paragraph is None or t.paragraph >= 1]


def _extract_from(text: str, here: Provision) -> list[Reference]:
    refs: list[Reference] = []
    last: Provision | None = None
    for chain in _chains(text):
        targets = _targets(chain, here, last)
        if not targets:
            continue
        span = text[chain[0].start() : chain[-1].end()]
        after = text[chain[-1].end() : chain[-1].end() + 4]
        kind = "borrows_penalty" if _BORROW.match(after) else "cites"
        for target in targets:
            ref = Reference(source=here, target=target, kind=kind, text=span)
            if ref not in refs:
                refs.append(ref)
        last = next((t for t in reversed(targets) if t.paragraph is not None), last)
    return refs


def cite_articles(numbers: Iterable[int], lang: str = "en") -> str:
    """Articles named together, as the Law and the Decision list them.

    In Chinese each article keeps its own 第…条 and the list is joined with 、 (the Decision,
    item 12: 将第六十四条、第六十六条、第七十条合并), never 第六十四、六十六、七十条.

    >>> cite_articles([64, 66, 70], "zh"), cite_articles([64, 66, 70]), cite_articles([70])
    ('第六十四条、第六十六条、第七十条', 'Articles 64, 66 and 70', 'Article 70')

    Raises:
        ValueError: if ``numbers`` is empty, or ``lang`` is not a language of the suite.
    """
    numbers = list(numbers)
    if not numbers:
        raise ValueError("cite_articles needs at least one article number")
    if check_lang(lang) == "zh":
        return "、".join(Provision(n).citation("zh") for n in numbers)
    if len(numbers) == 1:
        return f"Article {numbers[0]}"
    return f"Articles {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"


def cite_provisions(
    provisions: Iterable[Provision], lang: str = "en", version: str | None = None
) -> str:
    """Provisions named together, as the Law lists them.

    In Chinese a provision of the same article as the one before it drops the article, and an
    item of the same paragraph drops the paragraph too: 第二十二条第一款、第二款 (2016 Art. 60),
    前款第一项、第二项 (2025 Art. 62(2)), never 第六十三条第一款、第六十三条第二款. ``version``
    leaves out the paragraph of a one-paragraph article, as :meth:`Provision.citation` does.

    >>> ps = [Provision(63, 1), Provision(63, 2), Provision(64, 1, 1), Provision(64, 1, 2)]
    >>> cite_provisions(ps, "zh", "2016")
    '第六十三条第一款、第二款、第六十四条第一款第一项、第二项'
    >>> cite_provisions(ps[:2])
    'Article 63(1), Article 63(2)'
    """
    provisions = list(provisions)
    if check_lang(lang) == "en":
        return ", ".join(p.citation("en", version) for p in provisions)
    out: list[str] = []
    before: Provision | None = None
    for p in provisions:
        full = p.citation("zh", version)
        if before is not None and before.article == p.article:
            head = f"第{to_cn(p.article)}条"
            if p.item is not None and before.item is not None and before.paragraph == p.paragraph:
                head = full[: full.rindex("第")]
            full = full[len(head) :] or full
        out.append(full)
        before = p
    return "、".join(out)


def extract_references(articles: Iterable[Article]) -> tuple[Reference, ...]:
    """Every citation of the Law by itself in ``articles``, in text order.

    The source of each reference is the paragraph (or item) whose Chinese text holds it;
    targets are as precise as the text: article, paragraph, item.

    >>> from csl_helpers import load_law
    >>> [r.target.citation() for r in load_law("2016").references(64)]
    ['Article 22(3)', 'Article 41', 'Article 42', 'Article 43', 'Article 44']
    """
    out: list[Reference] = []
    for article in articles:
        for para in article.paragraphs:
            out += _extract_from(para.zh, Provision(article.number, para.number))
            for item in para.items:
                here = Provision(article.number, para.number, item.number)
                out += _extract_from(item.zh, here)
    return tuple(out)

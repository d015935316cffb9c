"""A conduct and its tier carried to another text of the Law, and the sentence that says so.

When the simulator's text changes (a version chosen, or the dates mode choosing the text in
force at the act), the circumstances chosen must stay the same circumstances: the tier goes to
its counterpart in the other text as ``data/penalties/correspondence.yaml`` gives it
(:func:`~csl_helpers.penalties.comparison.counterparts_in`), not back to the clause's first
tier. 2025 Art. 61(2) 造成……严重危害网络安全后果 is, under the 2016 text, Art. 59(2)
拒不改正或者导致危害网络安全等后果. Where the tier changes, or has no counterpart, a sentence
in the page's language says so. Imports no widgets.
"""

from __future__ import annotations

from dataclasses import dataclass

from csl_helpers.law.model import Provision
from csl_helpers.penalties.clauses import tier_name
from csl_helpers.penalties.comparison import counterparts_in
from csl_helpers.penalties.simulation import conducts
from csl_helpers.translation import N_, gettext_for
from csl_helpers.views.penalties.conduct_menu import Key, counterpart_key, key_of

__all__ = ["Carry", "carried", "carried_on"]

MOVED = N_(
    "The {new_version} text answers “{old}” ({old_citation} of the {old_version} text) with "
    "“{new}” ({new_citation}): the circumstances are carried to that tier."
)
LOST = N_(
    "The {new_version} text has no counterpart of “{old}” ({old_citation} of the {old_version} "
    "text): “{new}” of {new_citation} is shown instead."
)


@dataclass(frozen=True)
class Carry:
    """A conduct and tier of one text, and where they go in another.

    ``found`` is whether the correspondence gives the tier a counterpart in the new text;
    without one, the new text's counterpart of the conduct (or its first conduct) is shown in
    its first tier. ``restored``: the change went back to the text the last one came from, and
    to the visitor's own choice there.
    """

    old_version: str
    old_key: Key
    old_tier: str
    new_version: str
    new_key: Key
    new_tier: str
    found: bool
    restored: bool = False

    @property
    def told(self) -> bool:
        """Whether a reader is told: the tier has no counterpart, or another tier answers it."""
        return not self.restored and (not self.found or self.old_tier != self.new_tier)

    def sentence(self, lang: str = "en") -> str:
        """What became of the tier, in ``lang`` (empty where nothing needs saying)."""
        if not self.told:
            return ""
        old, new = Provision(*self.old_key), Provision(*self.new_key)
        return gettext_for(lang)(MOVED if self.found else LOST).format(
            old=tier_name(self.old_version, old, self.old_tier, lang),
            new=tier_name(self.new_version, new, self.new_tier, lang),
            old_citation=old.citation(lang, self.old_version),
            new_citation=new.citation(lang, self.new_version),
            old_version=self.old_version,
            new_version=self.new_version,
        )


def carried(key: Key, tier: str, old: str, new: str) -> Carry:
    """Where conduct ``key`` in ``tier`` of the ``old`` text goes in the ``new`` text.

    The first counterpart the correspondence lists that the new text offers (the same tier
    where it continues: 2016 Art. 59(1) 拒不改正或者导致危害网络安全等后果 stays that tier of
    2025 Art. 61(1), which adds two more).

    >>> c = carried((61, 2, None), "serious", "2025", "2016")
    >>> c.new_key, c.new_tier, c.told
    ((59, 2, None), 'aggravated', True)
    """
    every = {key_of(c): c for c in conducts(new)}
    for p, t in counterparts_in(new, old, Provision(*key), tier):
        offered = [
            c
            for k, c in every.items()
            if k[:2] == (p.article, p.paragraph or 1) and p.item in (None, k[2])
        ]
        chosen = next((c for c in offered if t in c.tiers), None)
        if chosen is not None:
            return Carry(old, key, tier, new, key_of(chosen), t, True)
    there = every.get(counterpart_key(key, old, new)) or next(iter(every.values()))
    return Carry(old, key, tier, new, key_of(there), there.tiers[0], False)


def carried_on(last: Carry | None, key: Key, tier: str, old: str, new: str) -> Carry:
    """Like :func:`carried`, but back where the ``last`` change came from, its starting point.

    2025 Art. 61(2) 造成……严重危害网络安全后果 goes to 2016 Art. 59(2) 拒不改正或者导致危害网络
    安全等后果; switching straight back returns to the 2025 tier the visitor chose, not to the
    first counterpart of the 2016 one.
    """
    if (
        last is not None
        and not last.restored
        and (last.old_version, last.new_version) == (new, old)
        and (last.new_key, last.new_tier) == (key, tier)
    ):
        return Carry(old, key, tier, new, last.old_key, last.old_tier, True, restored=True)
    return carried(key, tier, old, new)

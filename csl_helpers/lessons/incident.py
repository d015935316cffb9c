"""An incident walked step by step through Chapter 5 (2016 Arts. 51-58, 2025 Arts. 53-60).

The steps are data (``data/incident_steps.yaml``); each names who acts and the provision of
each version that says so. On load, every actor's Chinese name must occur in its provision and
the 2025 provision must be the concordance counterpart of the 2016 one. Each title and
situation is worded in English and Chinese, its quotations of the Law found in the step's
provisions.

>>> steps = incident_steps()
>>> steps[3].id, steps[3].provision("2016").citation(), steps[3].provision("2025").citation()
('rising_risk', 'Article 54(1)', 'Article 56(1)')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from csl_helpers.law.concordance import concordance
from csl_helpers.law.data import DataError, read_yaml, require
from csl_helpers.law.load import load_law, resolve_provision
from csl_helpers.law.model import Provision
from csl_helpers.law.version_registry import version_ids
from csl_helpers.lessons.words import Words, words_at

FILE = "incident_steps.yaml"


@dataclass(frozen=True)
class Actor:
    """Who acts at a step: the Chinese name as the Law writes it, and an English gloss."""

    zh: str
    en: str


@dataclass(frozen=True)
class Step:
    """One step of the walk: the situation, who acts, and the provision of each version."""

    number: int
    id: str
    title: Words
    situation: Words
    actors: tuple[Actor, ...]
    provisions: tuple[tuple[str, Provision], ...]

    def provision(self, version: str) -> Provision:
        """The provision of ``version`` that governs this step."""
        for v, p in self.provisions:
            if v == version:
                return p
        raise ValueError(f"version must be one of {', '.join(version_ids())}, not {version!r}")


def parse_steps(raw: dict) -> tuple[Step, ...]:
    """Build and check the steps from the parsed YAML ``raw``.

    Raises:
        DataError: naming file, step and field, for unknown or missing fields, a provision
            that does not exist, an actor its provision does not name, 2016 and 2025
            provisions that are not counterparts, a wording not in both languages, or a
            quotation that is in neither provision.
    """
    require(raw, {"steps"}, FILE)
    steps = []
    for i, entry in enumerate(raw["steps"], start=1):
        where = f"{FILE}, steps[{i - 1}]"
        require(entry, {"id", "title", "situation", "actors", "provisions"}, where)
        where = f"{FILE}, step {entry['id']!r}"
        cited = entry["provisions"]
        if not isinstance(cited, dict) or set(map(str, cited)) != set(version_ids()):
            raise DataError(f"{where}: provisions: needs one provision per version")
        provisions = []
        for version in version_ids():
            ref = cited.get(version, cited.get(int(version)))
            p = resolve_provision(ref, version, f"{where}: provisions.{version}")
            provisions.append((version, p))
        (old_v, old), (new_v, new) = provisions
        if concordance(old.article, old_v, new_v) != new.article or old.paragraph != new.paragraph:
            raise DataError(
                f"{where}: provisions: {new.citation()} of the {new_v} text is not the "
                f"counterpart of {old.citation()} of the {old_v} text"
            )
        actors = []
        for j, a in enumerate(entry["actors"]):
            require(a, {"zh", "en"}, f"{where}, actors[{j}]")
            for version, p in provisions:
                if a["zh"] not in load_law(version).text_of(p, "zh"):
                    raise DataError(
                        f"{where}, actors[{j}].zh: {a['zh']!r} is not named in "
                        f"{p.citation()} of the {version} text"
                    )
            actors.append(Actor(a["zh"], " ".join(a["en"].split())))
        texts = [load_law(v).article(p.article).text("zh") for v, p in provisions]
        steps.append(
            Step(
                i,
                entry["id"],
                words_at(entry["title"], f"{where}: title", texts),
                words_at(entry["situation"], f"{where}: situation", texts),
                tuple(actors),
                tuple(provisions),
            )
        )
    return tuple(steps)


@cache
def incident_steps() -> tuple[Step, ...]:
    """The steps of the walk, in order, checked against the text."""
    return parse_steps(read_yaml(FILE))

"""What the interface's language costs each dashboard, in one process (no browser, no server).

Printed per dashboard: building it in English (the preheated kernel's work before any page
asks), building it in Chinese (a notebook's ``lang="zh"``), and one switch of language (what a
page's ``?lang=zh`` or its 中文 / English switch adds after the request): the first build, then
the median of the next repeats. The catalogues are read once per process, by the first build.

Figures are noisy on a shared machine: compare runs made one after the other.

Run: .venv/bin/python benchmarks/language.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    repeats = max(2, parser.parse_args().repeats)
    started = time.perf_counter()
    from csl_helpers.views.law.explorer import LawExplorer
    from csl_helpers.views.obligations.navigator import ObligationNavigator
    from csl_helpers.views.penalties.simulator import PenaltySimulator

    print(f"import: {(time.perf_counter() - started) * 1000:.0f} ms")
    for view in (LawExplorer, PenaltySimulator, ObligationNavigator):
        for lang in ("en", "zh"):
            times = []
            for _ in range(repeats):
                t = time.perf_counter()
                view(lang=lang)
                times.append((time.perf_counter() - t) * 1000)
            rest = statistics.median(times[1:])
            print(f"{view.__name__:20} build in {lang}: first {times[0]:6.1f} ms, then {rest:6.1f}")
        built, switches = view(), []
        for _ in range(repeats * 2):
            t = time.perf_counter()
            built.model.lang = "zh" if built.model.lang == "en" else "en"
            switches.append((time.perf_counter() - t) * 1000)
        print(f"{view.__name__:20} switch: median {statistics.median(switches):6.1f} ms")


if __name__ == "__main__":
    main()

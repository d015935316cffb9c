"""Time `import csl_helpers` plus loading both versions of the Law, in fresh processes.

Target: under 0.3 s (median). Run: .venv/bin/python benchmarks/startup.py [runs]
"""

from __future__ import annotations

import statistics
import subprocess
import sys

PROBE = """
import time
start = time.perf_counter()
import csl_helpers
imported = time.perf_counter()
csl_helpers.load_law("2016"), csl_helpers.load_law("2025")
loaded = time.perf_counter()
print(imported - start, loaded - imported)
"""
TARGET = 0.3


def main(runs: int = 15) -> None:
    imports, loads = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
        ).stdout.split()
        imports.append(float(out[0]))
        loads.append(float(out[1]))
    totals = [a + b for a, b in zip(imports, loads, strict=True)]
    median = statistics.median(totals)
    print(f"fresh processes: {runs}")
    print(f"import csl_helpers: median {statistics.median(imports) * 1000:.1f} ms")
    print(f"load both versions: median {statistics.median(loads) * 1000:.1f} ms")
    print(f"import + load: median {median * 1000:.1f} ms, max {max(totals) * 1000:.1f} ms")
    print(f"target {TARGET * 1000:.0f} ms: {'met' if median < TARGET else 'MISSED'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)

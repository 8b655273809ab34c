"""Run the matcher benchmarks in turn, each in its own process: quality, latency, embed (+ training).

    .venv/bin/python benchmarks/bench_match_all.py [--training]

Each runs with its defaults (see its docstring): bench_match_quality.py (one table per dev set),
bench_match_latency.py (10k / 100k / 400k documents; the 400k size takes ~10 minutes and several
GB of memory), bench_match_embed.py (encoder throughput, the `embeddings` table on SQLite or on
PostgreSQL when DATABASE_URL is set). --training adds bench_match_training.py (Doc2Vec training
speed). Quality runs first: it trains and caches the Doc2Vec model and the encoder vectors the
others reuse.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ("bench_match_quality.py", "bench_match_latency.py", "bench_match_embed.py")


def main(argv: list[str] | None = None) -> int:
    """Run each benchmark; return the first non-zero exit status."""
    args = sys.argv[1:] if argv is None else argv
    names = BENCHMARKS + (("bench_match_training.py",) if "--training" in args else ())
    status = 0
    for name in names:
        print(f"\n==== {name}", flush=True)
        started = time.perf_counter()
        code = subprocess.run([sys.executable, str(HERE / name)], cwd=HERE.parent, check=False).returncode
        print(f"==== {name}: exit {code} after {time.perf_counter() - started:.0f} s", flush=True)
        status = status or code
    return status


if __name__ == "__main__":
    sys.exit(main())

"""Run every matcher benchmark in turn (quality, latency, training), each in its own process.

    .venv/bin/python benchmarks/bench_match_all.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ("bench_match_quality.py", "bench_match_latency.py", "bench_match_training.py")


def main() -> int:
    """Run each benchmark; return the first non-zero exit status."""
    status = 0
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        code = subprocess.run([sys.executable, str(HERE / name)], cwd=HERE.parent, check=False).returncode
        status = status or code
    return status


if __name__ == "__main__":
    sys.exit(main())

"""The evaluation CLI, run as a subprocess on a tiny corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.match.conftest import CORPUS

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"R@1", "R@5", "R@10", "MRR@10", "nDCG@10", "train_seconds", "latency_ms_p50", "latency_ms_p95"}


def test_evaluate_cli_prints_one_json_line_and_writes_ranks(tmp_path: Path) -> None:
    corpus, queries, ranks = tmp_path / "corpus.jsonl", tmp_path / "queries.jsonl", tmp_path / "ranks.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n" for d in CORPUS))
    rows = [{"id": "q1", "query": "李子园土壤酸化怎么治理", "relevant": ["offer-soil"]},
            {"id": "q2", "query": "银耳菌种退化", "relevant": ["offer-tremella"]}]
    queries.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "server.match.evaluate", "--corpus", str(corpus), "--queries", str(queries),
         "--method", "hybrid", "--k", "5", "--out", str(ranks)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True)
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    figures = json.loads(lines[0])
    assert KEYS <= set(figures) and figures["queries"] == 2 and figures["R@5"] > 0
    ranked = [json.loads(line) for line in ranks.read_text().splitlines()]
    assert [row["id"] for row in ranked] == ["q1", "q2"] and all(len(row["ranked"]) <= 5 for row in ranked)

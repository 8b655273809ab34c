"""Doc2Vec training throughput (words/s) and peak memory on a 100k-document corpus.

    .venv/bin/python benchmarks/bench_match_training.py [--docs 100000] [--epochs 5]

The corpus is SYNTHETIC: each document is 3-8 sentences resampled from the 12,162 shared dev
abstracts (sentence pool, random order, one random sentence per doc with its words lightly
shuffled). Production parameters except --epochs (default 5: throughput per epoch is flat, so
the full run's time is extrapolated to the production epoch count and printed beside it).
Peak memory is the process's maximum resident set size (resource.getrusage), which includes the
corpus held in memory.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gensim.models.doc2vec import Doc2Vec  # noqa: E402

from server.match.evaluate import load_jsonl  # noqa: E402
from server.match.model import EpochProgress, tagged_documents  # noqa: E402
from server.match.params import Doc2VecParams  # noqa: E402

DATA = Path(os.environ.get("MATCH_DATA", ROOT.parent / "shared" / "data" / "match"))
SENTENCE_END = re.compile(r"(?<=[。！？；.;!?])")


def synthesise(texts: list[str], count: int, *, seed: int = 0) -> list[tuple[str, str]]:
    """Return count (id, text) documents built from resampled, perturbed dev sentences."""
    rng = random.Random(seed)
    pool = [s for text in texts for s in SENTENCE_END.split(text) if len(s) > 8]
    docs = []
    for i in range(count):
        sentences = rng.sample(pool, rng.randint(3, 8))
        chars = list(sentences[0])
        for _ in range(len(chars) // 10):  # perturb: swap a few neighbouring characters
            j = rng.randrange(len(chars) - 1)
            chars[j], chars[j + 1] = chars[j + 1], chars[j]
        sentences[0] = "".join(chars)
        docs.append((f"syn-{i}", "".join(sentences)))
    return docs


def peak_rss_mb() -> float:
    """Return the peak resident set size of this process in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Run the training benchmark."""
    parser = argparse.ArgumentParser(description="doc2vec training throughput")
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--epochs", type=int, default=5)
    args = parser.parse_args()
    production = Doc2VecParams()
    params = replace(production, epochs=args.epochs)
    corpus = synthesise([d["text"] for d in load_jsonl(DATA / "corpus.jsonl")], args.docs)
    started = time.perf_counter()
    documents = tagged_documents(corpus, progress=False)
    tokenise_s = time.perf_counter() - started
    chars = sum(len(text) for _, text in corpus)
    del corpus
    print(f"corpus: {len(documents):,} synthetic docs, {chars / 1e6:.1f} M chars; tokenised in {tokenise_s:.1f} s "
          f"({chars / tokenise_s / 1e3:.0f} k chars/s); peak RSS so far {peak_rss_mb():.0f} MB", flush=True)
    model = Doc2Vec(vector_size=params.vector_size, window=params.window, min_count=params.min_count,
                    sample=params.sample, negative=params.negative, dm=params.dm, dbow_words=params.dbow_words,
                    alpha=params.alpha, min_alpha=params.min_alpha, workers=params.workers, seed=params.seed)
    started = time.perf_counter()
    model.build_vocab(documents)
    vocab_s = time.perf_counter() - started
    callback = EpochProgress(params.epochs, enabled=sys.stderr.isatty())
    started = time.perf_counter()
    # gensim 4.4's Doc2Vec.train returns nothing: count words from the vocabulary's corpus total.
    model.train(documents, total_examples=len(documents), epochs=params.epochs, callbacks=[callback])
    raw = model.corpus_total_words * params.epochs
    train_s = time.perf_counter() - started
    epoch_s = sorted(callback.epoch_seconds)[len(callback.epoch_seconds) // 2]
    print(f"params: {params.to_json()}")
    print(f"vocabulary {len(model.wv):,} words, built in {vocab_s:.1f} s; {model.corpus_total_words / 1e6:.1f} M words "
          f"per epoch")
    print(f"training: {params.epochs} epochs in {train_s:.1f} s, median epoch {epoch_s:.1f} s; throughput "
          f"{raw / train_s / 1e3:.0f} k words/s (raw corpus words, before sub-sampling), workers={params.workers}")
    print(f"extrapolated full production run ({production.epochs} epochs): "
          f"{epoch_s * production.epochs / 60:.1f} min + tokenising {tokenise_s / 60:.1f} min")
    print(f"peak RSS {peak_rss_mb():.0f} MB", flush=True)


if __name__ == "__main__":
    main()

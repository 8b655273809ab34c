"""Doc2Vec training and inference; plain sync functions (callers use asyncio.to_thread or a process)."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np
from gensim.models.callbacks import CallbackAny2Vec
from gensim.models.doc2vec import Doc2Vec, TaggedDocument
from tqdm import tqdm

from server.match.params import Doc2VecParams
from server.match.tokenize import tokenize

log = logging.getLogger(__name__)


class EpochProgress(CallbackAny2Vec):
    """A tqdm bar advanced once per training epoch."""

    def __init__(self, epochs: int, *, enabled: bool = True) -> None:
        self.bar = tqdm(total=epochs, desc="doc2vec", unit="epoch", disable=not enabled)
        self.epoch_seconds: list[float] = []
        self._started = 0.0

    def on_epoch_begin(self, model: Doc2Vec) -> None:
        self._started = time.perf_counter()

    def on_epoch_end(self, model: Doc2Vec) -> None:
        self.epoch_seconds.append(time.perf_counter() - self._started)
        self.bar.update(1)

    def on_train_end(self, model: Doc2Vec) -> None:
        self.bar.close()


def tagged_documents(corpus: Iterable[tuple[str, str]], *, progress: bool = False) -> list[TaggedDocument]:
    """Tokenise (doc_id, text) pairs into gensim TaggedDocuments."""
    items = tqdm(corpus, desc="tokenise", unit="doc", disable=not progress)
    return [TaggedDocument(tokenize(text), [str(doc_id)]) for doc_id, text in items]


def train(corpus: Iterable[tuple[str, str]], *, params: Doc2VecParams | None = None,
          seed: int | None = None, progress: bool = True) -> Doc2Vec:
    """Train a Doc2Vec model on (doc_id, text) pairs with the production tokeniser."""
    documents = tagged_documents(corpus, progress=progress)
    return train_tagged(documents, params=params, seed=seed, progress=progress)


def train_tagged(documents: Sequence[TaggedDocument], *, params: Doc2VecParams | None = None,
                 seed: int | None = None, progress: bool = True) -> Doc2Vec:
    """Train a Doc2Vec model on already tokenised documents."""
    params = params or Doc2VecParams()
    if seed is not None:
        params = replace(params, seed=seed)
    model = Doc2Vec(vector_size=params.vector_size, window=params.window, min_count=params.min_count,
                    sample=params.sample, negative=params.negative, hs=0, dm=params.dm,
                    dbow_words=params.dbow_words, alpha=params.alpha, min_alpha=params.min_alpha,
                    epochs=params.epochs, workers=params.workers, seed=params.seed)
    model.build_vocab(documents)
    started = time.perf_counter()
    callback = EpochProgress(params.epochs, enabled=progress)
    model.train(documents, total_examples=len(documents), epochs=params.epochs, callbacks=[callback])
    log.info("trained doc2vec on %d docs in %.1fs", len(documents), time.perf_counter() - started)
    return model


def infer(model: Doc2Vec, tokens: Sequence[str], *, epochs: int = 0, seed: int = 0) -> np.ndarray:
    """Infer a unit-length float32 vector for tokens (zero when none is known to the model)."""
    if not any(token in model.wv for token in tokens):
        return np.zeros(model.vector_size, dtype=np.float32)  # gensim would return its random start vector
    # infer_vector draws from the model's shared RNG: seeding it makes one thread's result repeatable
    # (concurrent threads may interleave seeds; that only changes the noise, never correctness).
    model.random.seed(seed)
    vector = model.infer_vector(list(tokens), epochs=epochs or model.epochs)
    return unit(vector)


def unit(vector: np.ndarray) -> np.ndarray:
    """Return vector scaled to unit length as float32 (zero stays zero)."""
    vector = np.asarray(vector, dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def self_recall(model: Doc2Vec, documents: Sequence[TaggedDocument], *, sample: int = 200,
                seed: int = 0) -> float:
    """Return how often a re-inferred training document finds its own trained vector first."""
    if not documents:
        return 0.0
    chosen = random.Random(seed).sample(list(documents), min(sample, len(documents)))
    vectors = model.dv.get_normed_vectors()
    hits = 0
    for document in chosen:
        best = int(np.argmax(vectors @ infer(model, document.words)))
        hits += model.dv.index_to_key[best] == document.tags[0]
    return hits / len(chosen)

"""Character keys equal the character terms; the dense store scores only the kinds asked for."""

from __future__ import annotations

import numpy as np
import pytest

from server.match.chars import LATIN_BASE, SPAN, CharKeys
from server.match.dense import DenseStore
from server.match.tokenize import char_terms

TEXTS = ["柑子树叶子黄一块绿一块（柑橘 黄龙病）", "Wi-Fi 路由器 300亩 PCR检测", "", "ＡＢＣ老人家摔跤 x/y", "㐀丂"]


def key_of(term: str, keys: CharKeys) -> int:
    if len(term) == 1 and "\u3400" <= term <= "\u9fff":
        return ord(term) - 0x3400
    if len(term) == 2 and all("\u3400" <= c <= "\u9fff" for c in term):
        return SPAN + (ord(term[0]) - 0x3400) * SPAN + ord(term[1]) - 0x3400
    return LATIN_BASE + int(keys.latin.ids([term], grow=False)[0])


def test_char_keys_are_the_char_terms_of_each_text() -> None:
    keys = CharKeys()
    owner, found = keys.keys(TEXTS)
    for i, text in enumerate(TEXTS):
        assert sorted(found[owner == i].tolist()) == sorted(key_of(t, keys) for t in char_terms(text))


def test_a_query_never_grows_the_latin_vocabulary() -> None:
    keys = CharKeys()
    keys.keys(["PCR检测"])
    owner, found = keys.keys(["qpcr PCR"], grow=False)
    assert found.tolist() == [LATIN_BASE + 0] and len(keys.latin) == 1


def test_dense_store_scores_only_the_kinds_asked_for() -> None:
    store = DenseStore(2)
    store.set(np.arange(4), np.array([1, 3, 3, 4]), np.array([[1, 0], [0, 1], [1, 0], [0.6, 0.8]], np.float32))
    scores = store.scores(np.array([1, 0], np.float32), 4, kinds={3})
    assert scores.tolist() == [0.0, 0.0, 1.0, 0.0]
    assert store.scores(np.array([0, 1], np.float32), 4).tolist() == pytest.approx([0, 1, 0, 0.8])


def test_dense_store_moves_a_reused_slot_to_its_new_kind_and_compacts() -> None:
    store = DenseStore(2)
    store.set(np.arange(3), np.array([3, 3, 1]), np.eye(3, 2, dtype=np.float32))
    store.clear(1)
    store.set(np.array([1, 0]), np.array([1, 1]), np.array([[0, 1], [1, 1]], np.float32))  # both become kind 1
    assert store.scores(np.array([1, 1], np.float32), 3, kinds={3}).tolist() == [0, 0, 0]
    assert store.scores(np.array([1, 1], np.float32), 3, kinds={1}).tolist() == [2, 1, 0]
    store.compact()
    assert store[1].tolist() == [0, 1] and store[[0, 2]].tolist() == [[1, 1], [0, 0]]

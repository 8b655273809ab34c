"""The everyday-words dictionary: every class expands a query, explanations show the bridge."""

from __future__ import annotations

import pytest

from server.match.colloquial import CLASSES, Vocabulary, get_vocabulary, parse
from server.match.engine import Engine
from server.match.schema import Doc, DocMeta


@pytest.mark.parametrize(("cls", "text", "terms"), [
    ("dialect", "我家洋芋叶子上有黑斑", {"马铃薯"}),
    ("dialect", "柑子今年结得少", {"柑橘"}),
    ("everyday", "老人家最近走路不稳，摔跤两回了", {"跌倒"}),
    ("everyday", "娃娃拉肚子好几天", {"腹泻"}),
    ("symptom", "厨房里一股臭鸡蛋味", {"硫化氢", "燃气泄漏"}),
    ("symptom", "早上鱼浮头张嘴", {"缺氧", "溶解氧"}),
])
def test_each_class_expands_everyday_words_to_technical_terms(cls: str, text: str, terms: set[str]) -> None:
    vocabulary = get_vocabulary()
    assert any(entry.cls == cls for entry in vocabulary.find(text))
    assert terms <= set(vocabulary.expansion(text))


def test_the_shipped_dictionary_is_well_formed() -> None:
    vocabulary = get_vocabulary()
    assert len(vocabulary) >= 300
    assert {entry.cls for entry in vocabulary.entries} == set(CLASSES)
    assert all(len(entry.colloquial) >= 2 and entry.technical for entry in vocabulary.entries)


def test_a_longer_entry_hides_the_shorter_one_inside_it() -> None:
    vocabulary = Vocabulary(parse(["洋芋\t马铃薯\tdialect\tcrops", "洋芋叶子黑\t晚疫病|马铃薯\tsymptom\tcrops"]))
    assert [entry.colloquial for entry in vocabulary.find("洋芋叶子黑了")] == ["洋芋叶子黑"]
    assert vocabulary.expansion("洋芋叶子黑了") == ["晚疫病", "马铃薯"]


@pytest.mark.parametrize("line", ["洋\t马铃薯\tdialect", "洋芋\t\tdialect", "洋芋\t马铃薯\tslang", "洋芋"])
def test_malformed_lines_are_refused(line: str) -> None:
    with pytest.raises(ValueError):
        parse([line])


def test_an_explanation_names_the_bridge_between_everyday_and_technical_words() -> None:
    engine = Engine(None)
    engine.upsert(Doc("offer-citrus", "柑橘黄龙病PCR早期诊断与综合防控，识别斑驳型黄化叶片", DocMeta(kind="offer")))
    engine.upsert(Doc("offer-tea", "茶叶农药残留快速检测与茶园绿色防控", DocMeta(kind="offer")))
    found = engine.match("柑子树叶子黄一块绿一块咋个办", 2, kind="need")
    assert found[0].doc_id == "offer-citrus"
    assert "柑子≈柑橘" in found[0].keywords
    assert all(len(word) >= 2 for word in found[0].keywords)

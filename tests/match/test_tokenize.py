"""Tokeniser: domain terms whole, stop words gone, mixed Latin/number terms kept."""

from __future__ import annotations

import threading

import pytest

from server.match.tokenize import get_tokenizer, lexical_terms, tokenize

DEMO_TERMS = ["土壤酸化", "土壤板结", "银耳", "菌种退化", "龙安柚", "保鲜期", "风机叶片", "噪声", "高钢级",
              "厚壁套管", "修井", "绿色农药", "真菌病害", "李子"]


@pytest.mark.parametrize("term", DEMO_TERMS)
def test_demo_term_stays_whole(term: str) -> None:
    assert term in tokenize(f"我们这里{term}的问题很突出，需要帮助")


def test_demo_sentences_keep_their_terms() -> None:
    assert tokenize("宜宾李子园土壤酸化、土壤板结严重")[-3:] == ["土壤酸化", "土壤板结", "严重"]
    assert {"银耳", "菌种退化"} <= set(tokenize("银耳菌种退化怎么办"))
    assert {"高钢级", "厚壁套管", "修井"} <= set(tokenize("高钢级厚壁套管修井"))


def test_stop_words_and_punctuation_are_dropped() -> None:
    tokens = tokenize("我们的李子树，怎么办？请问是否需要绿色农药呢！")
    assert not {"我们", "的", "怎么办", "请问", "是否", "需要", "呢", "，", "？", "！"} & set(tokens)
    assert {"绿色农药"} <= set(tokens)


@pytest.mark.parametrize(("text", "term"), [
    ("建设5G基站", "5g"), ("PM2.5浓度超标", "pm2.5"), ("采购304不锈钢管材", "304不锈钢"),
    ("支持Wi-Fi模块", "wi-fi"), ("亩产300亩", "300亩"), ("直径3.5mm", "3.5mm"),
])
def test_mixed_latin_and_number_terms_stay_whole(text: str, term: str) -> None:
    assert term in tokenize(text)


def test_full_width_forms_fold_to_ascii() -> None:
    assert "pm2.5" in tokenize("ＰＭ２．５监测")


def test_lexical_terms_add_marked_character_bigrams() -> None:
    terms = lexical_terms("柚子保鲜", tokenize("柚子保鲜"))
    assert {"柚子", "#柚子", "#子保", "#保鲜"} <= set(terms)


def test_tokenizer_loads_once_across_threads() -> None:
    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(get_tokenizer())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(tokenizer) for tokenizer in seen}) == 1

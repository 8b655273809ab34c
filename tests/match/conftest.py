"""A tiny hand-made Chinese corpus and one tiny Doc2Vec model per session (workers=1, fixed seed)."""

from __future__ import annotations

import pytest
from gensim.models.doc2vec import Doc2Vec

from server.match.engine import Engine
from server.match.model import train
from server.match.params import Doc2VecParams
from server.match.schema import Doc, DocMeta

YIBIN_CUIPING, YIBIN_NANXI, CHENGDU_JINJIANG, MEISHAN, CHONGQING = "511502", "511503", "510104", "511402", "500103"
TINY_PARAMS = Doc2VecParams(vector_size=32, epochs=150, min_count=1, sample=0, workers=1, seed=7)


def _doc(doc_id: str, text: str, kind: str, author: int, region: str | None = None, status: str = "open") -> Doc:
    return Doc(id=doc_id, text=text, meta=DocMeta(kind=kind, status=status, author_id=author, region_code=region))


CORPUS: list[Doc] = [
    _doc("need-plum", "宜宾李子园土壤酸化严重，土壤板结，李子树长势差、果实小，希望找专家帮助改良土壤。", "need", 1,
         YIBIN_CUIPING),
    _doc("offer-soil", "土壤学研究员，长期从事土壤酸化治理与土壤改良，擅长果园土壤板结修复、测土配方施肥和有机肥替代，"
         "可为李子、柑橘果园提供技术服务。", "offer", 10, CHENGDU_JINJIANG),
    _doc("offer-soil-again", "土壤学研究员的另一项服务：果园有机肥替代与测土配方施肥指导，服务李子果园。",
         "offer", 10, CHENGDU_JINJIANG),
    _doc("offer-soil-closed", "果园土壤酸化改良、土壤板结修复服务，李子园土壤治理。", "offer", 19, YIBIN_NANXI,
         status="closed"),
    _doc("offer-own", "本合作社提供李子苗木，并分享李子园土壤酸化改良经验。", "offer", 1, YIBIN_CUIPING),
    _doc("offer-lime", "石灰与土壤调理剂应用团队，改良酸性土壤，提升果园土壤肥力。", "offer", 24, MEISHAN),
    _doc("offer-tremella", "食用菌育种团队，专注银耳、香菇菌种选育与复壮，解决菌种退化、出耳率低等问题。", "offer", 11),
    _doc("need-tremella", "我们合作社种的银耳菌种退化，产量下降，求菌种复壮技术。", "need", 2, YIBIN_NANXI),
    _doc("offer-pomelo", "果品采后保鲜团队，研究龙安柚、柑橘贮藏保鲜技术，延长保鲜期，减少腐烂损耗。", "offer", 12),
    _doc("need-pomelo", "龙安柚保鲜期短，运输途中容易腐烂，需要保鲜技术。", "need", 3, "511300"),
    _doc("offer-wind", "风电装备实验室，开展风机叶片气动噪声测试与降噪设计，以及叶片开裂无损检测。", "offer", 13),
    _doc("need-wind", "风电场风机叶片噪声大，附近居民投诉，寻求降噪方案。", "need", 5, "513400"),
    _doc("offer-casing", "石油管材研究所，研发高钢级厚壁套管，解决修井作业中套管变形、腐蚀等问题。", "offer", 14),
    _doc("need-casing", "页岩气井修井时厚壁套管损坏，需要高钢级套管材料技术支持。", "need", 6, "511100"),
    _doc("offer-pesticide", "植物保护团队，研制绿色农药和生物农药，防治果树真菌病害，减少农药残留。", "offer", 15),
    _doc("question-fungus", "家里李子树叶子长了很多斑点，是不是真菌病害？用什么绿色农药比较安全？", "question", 4),
    _doc("article-fungus", "科普：果树真菌病害的识别与绿色防控，如何安全使用生物农药。", "article", 20),
    _doc("article-soil", "科普：土壤酸化的成因与危害，用石灰改良酸性土壤的方法。", "article", 21),
    _doc("offer-5g", "通信工程团队，提供5G基站建设、物联网传感器部署与运维服务。", "offer", 16),
    _doc("offer-steel", "材料学院团队，研究304不锈钢焊接工艺与腐蚀防护。", "offer", 17),
    _doc("offer-air", "环境监测中心，开展PM2.5来源解析与大气污染治理。", "offer", 18),
    _doc("offer-kiwi", "猕猴桃栽培专家，指导红心猕猴桃整形修剪、花果管理和溃疡病防控。", "offer", 25),
    _doc("offer-pig", "畜牧兽医团队，提供生猪养殖疫病防控和非洲猪瘟生物安全评估。", "offer", 26),
    _doc("offer-pepper", "花椒产业技术团队，研究汉源花椒丰产栽培与采后烘干加工。", "offer", 27),
    _doc("offer-battery", "储能材料课题组，研发锂离子电池与钠离子电池正极材料。", "offer", 28),
    _doc("offer-landslide", "地质灾害防治团队，开展滑坡、泥石流监测预警与应急救援培训。", "offer", 29),
    _doc("need-chip", "企业需要芯片封装测试和传感器电路板设计方面的技术合作。", "need", 7, CHENGDU_JINJIANG),
    _doc("offer-robot", "智能制造团队，提供工业机器人和机器视觉检测方案。", "offer", 30),
    _doc("article-landslide", "应急科普：遇到泥石流和滑坡时如何避险自救。", "article", 22),
    _doc("question-bp", "老人高血压需要注意什么饮食？", "question", 8, CHENGDU_JINJIANG),
    _doc("article-bp", "科普：高血压患者的饮食与运动建议，控制食盐摄入。", "article", 23),
]


def by_id(doc_id: str) -> Doc:
    """Return the corpus document with this id."""
    return next(doc for doc in CORPUS if doc.id == doc_id)


@pytest.fixture(scope="session")
def tiny_model() -> Doc2Vec:
    """Train the tiny model once for the whole session."""
    return train([(doc.id, doc.text) for doc in CORPUS], params=TINY_PARAMS, progress=False)


@pytest.fixture
def engine(tiny_model: Doc2Vec) -> Engine:
    """An engine holding the whole tiny corpus."""
    engine = Engine(tiny_model)
    for doc in CORPUS:
        engine.upsert(doc)
    return engine

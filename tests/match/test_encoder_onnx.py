"""The ONNX sentence-encoder backend, run on a tiny but real ONNX graph and tokenizer built here.

Nothing is downloaded: the graph is made with the `onnx` helper API and the tokenizer with
`tokenizers`, both in tmp_path. The graph is one BERT-like layer: token (+ type) embeddings, a
masked uniform "attention" context added to every position, a MatMul with an orthogonal matrix and
Tanh, output `last_hidden_state` [batch, seq, dim]. Embeddings are one-hot per character, so texts
sharing characters are closer than unrelated ones by construction, and [PAD] has a large embedding
so any padding that leaks into pooling shows.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper
from tokenizers import Tokenizer, normalizers, pre_tokenizers, processors
from tokenizers.models import WordLevel

from server.match.encoder import EncoderUnavailable, OnnxEncoder, load_encoder, shared_encoder
from server.match.engine import Engine
from server.match.schema import Doc, DocMeta

SPECIALS = ["[UNK]", "[PAD]", "[CLS]", "[SEP]"]  # [PAD] deliberately not id 0 (as in XLM-R's <pad> = 1)
TEXTS = [
    "土壤酸化改良，果园土壤板结修复",
    "李子园土壤酸化严重",
    "风机叶片噪声大，寻求降噪方案",
    "银耳菌种退化，求复壮技术",
    "高血压饮食建议",
    "问文维度空",  # prefixes, the dimension probe and the empty-text placeholder
]
VOCAB = SPECIALS + sorted({ch for text in TEXTS for ch in text if not ch.isspace()})
IDS = {token: i for i, token in enumerate(VOCAB)}
DIM = len(VOCAB)
PAD_ID, CLS_ID, SEP_ID = IDS["[PAD]"], IDS["[CLS]"], IDS["[SEP]"]


def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    embeddings = np.eye(DIM, dtype=np.float32)
    embeddings[PAD_ID] = 5.0  # any padding that leaks into a pooled vector moves it a lot
    types = np.zeros((2, DIM), dtype=np.float32)
    types[1] = 0.5  # only the zeros the encoder feeds are ever looked up
    q, _ = np.linalg.qr(np.random.default_rng(7).normal(size=(DIM, DIM)))
    return embeddings, types, (0.5 * q).astype(np.float32)


def _reference(ids: list[int]) -> np.ndarray:
    """The graph's hidden states for one unpadded sequence, in numpy."""
    embeddings, _, weight = _tables()
    emb = embeddings[np.asarray(ids)]
    return np.tanh((emb + emb.mean(axis=0, keepdims=True)) @ weight)


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / np.linalg.norm(vector)


def _graph(*, token_types: bool = True, pooled: bool = False, extra_input: bool = False,
           int32: bool = False, both: bool = False) -> onnx.ModelProto:
    int_type = TensorProto.INT32 if int32 else TensorProto.INT64
    embeddings, types, weight = _tables()
    inits = [numpy_helper.from_array(embeddings, "emb_table"), numpy_helper.from_array(weight, "w"),
             numpy_helper.from_array(np.asarray([2], dtype=np.int64), "axis2"),
             numpy_helper.from_array(np.asarray([1], dtype=np.int64), "axis1"),
             numpy_helper.from_array(np.asarray(1.0, dtype=np.float32), "one")]
    inputs = [helper.make_tensor_value_info("input_ids", int_type, ["batch", "seq"]),
              helper.make_tensor_value_info("attention_mask", int_type, ["batch", "seq"])]
    nodes = [helper.make_node("Gather", ["emb_table", "input_ids"], ["tok"], axis=0)]
    if token_types:
        inputs.append(helper.make_tensor_value_info("token_type_ids", int_type, ["batch", "seq"]))
        inits.append(numpy_helper.from_array(types, "type_table"))
        nodes += [helper.make_node("Gather", ["type_table", "token_type_ids"], ["typ"], axis=0),
                  helper.make_node("Add", ["tok", "typ"], ["emb"])]
    else:
        nodes.append(helper.make_node("Identity", ["tok"], ["emb"]))
    if extra_input:  # a graph that needs an input the encoder never feeds
        inputs.append(helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["batch", "seq"]))
        nodes.append(helper.make_node("Identity", ["position_ids"], ["unused"]))
    nodes += [
        helper.make_node("Cast", ["attention_mask"], ["maskf"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["maskf", "axis2"], ["mask3"]),
        helper.make_node("Mul", ["emb", "mask3"], ["masked"]),
        helper.make_node("ReduceSum", ["masked", "axis1"], ["summed"], keepdims=1),
        helper.make_node("ReduceSum", ["mask3", "axis1"], ["count"], keepdims=1),
        helper.make_node("Max", ["count", "one"], ["safe_count"]),
        helper.make_node("Div", ["summed", "safe_count"], ["context"]),  # masked uniform attention
        helper.make_node("Add", ["emb", "context"], ["mixed"]),
        helper.make_node("MatMul", ["mixed", "w"], ["projected"]),
        helper.make_node("Tanh", ["projected"], ["last_hidden_state"]),
    ]
    if pooled:  # a sentence-transformers style export: masked mean inside the graph, [batch, dim] out
        nodes += [helper.make_node("Mul", ["last_hidden_state", "mask3"], ["h_masked"]),
                  helper.make_node("ReduceSum", ["h_masked", "axis1"], ["h_sum"], keepdims=0),
                  helper.make_node("ReduceSum", ["mask3", "axis1"], ["h_count"], keepdims=0),
                  helper.make_node("Div", ["h_sum", "h_count"], ["sentence_embedding"])]
        output = helper.make_tensor_value_info("sentence_embedding", TensorProto.FLOAT, ["batch", DIM])
    else:
        output = helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "seq", DIM])
    outputs = [output]
    if both:  # last_hidden_state listed first, sentence_embedding second
        outputs.insert(0, helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "seq", DIM]))
    graph = helper.make_graph(nodes, "tiny_encoder", inputs, outputs, initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="tests")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def _tokenizer() -> Tokenizer:
    tokenizer = Tokenizer(WordLevel(IDS, unk_token="[UNK]"))
    # bert-base-chinese style: the normaliser puts spaces around every CJK character, then whitespace
    # and punctuation split, so each Chinese character is one token.
    tokenizer.normalizer = normalizers.BertNormalizer(handle_chinese_chars=True, lowercase=True)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", CLS_ID), ("[SEP]", SEP_ID)])
    return tokenizer


def _model_dir(root: Path, *, config: dict | None = None, **graph: bool) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    onnx.save(_graph(**graph), str(root / "model.onnx"))
    _tokenizer().save(str(root / "tokenizer.json"))
    if config is not None:
        (root / "encoder.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    return root


CONFIG = {"query_prefix": "问", "passage_prefix": "文", "max_length": 64, "pooling": "mean", "name": "tiny-zh"}


def _ids(text: str) -> list[int]:
    return [CLS_ID] + [IDS.get(ch, IDS["[UNK]"]) for ch in text if not ch.isspace()] + [SEP_ID]


@pytest.fixture
def model_dir(tmp_path: Path) -> Path:
    return _model_dir(tmp_path / "tiny", config=CONFIG)


@pytest.fixture
def encoder(model_dir: Path) -> OnnxEncoder:
    encoder = load_encoder("onnx:" + str(model_dir))
    assert isinstance(encoder, OnnxEncoder)
    return encoder


def test_vectors_are_unit_rows_of_the_model_dim(encoder: OnnxEncoder) -> None:
    assert encoder.dim == DIM
    assert encoder.name == "tiny-zh"
    vectors = encoder.passages(TEXTS[:4])
    assert vectors.shape == (4, DIM) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert encoder.queries([]).shape == (0, DIM)


def test_mean_pooling_matches_the_graph_computed_in_numpy(encoder: OnnxEncoder) -> None:
    text = TEXTS[1]
    expected = _unit(_reference(_ids("文" + text)).mean(axis=0))
    np.testing.assert_allclose(encoder.passages([text])[0], expected, atol=1e-5)


def test_mean_pooling_ignores_padding(encoder: OnnxEncoder) -> None:
    short, long = "土壤", TEXTS[0] + TEXTS[2]
    alone = encoder.passages([short])[0]
    batch = encoder.passages([short, long])
    np.testing.assert_allclose(batch[0], alone, atol=1e-5)
    np.testing.assert_allclose(batch[1], encoder.passages([long])[0], atol=1e-5)
    np.testing.assert_allclose(encoder.queries([short, long])[0], encoder.queries([short])[0], atol=1e-5)


def test_the_tokenizers_own_pad_token_is_used(encoder: OnnxEncoder) -> None:
    encoding = encoder._tokenizer.encode_batch(["土", "土壤酸化"])[0]  # noqa: SLF001 - padding is internal
    assert encoding.ids == [CLS_ID, IDS["土"], SEP_ID, PAD_ID, PAD_ID, PAD_ID]
    assert encoding.attention_mask == [1, 1, 1, 0, 0, 0]


def test_query_and_passage_prefixes_are_applied(encoder: OnnxEncoder) -> None:
    text = TEXTS[1]
    query, passage = encoder.queries([text])[0], encoder.passages([text])[0]
    assert not np.allclose(query, passage, atol=1e-3)
    np.testing.assert_allclose(query, _unit(_reference(_ids("问" + text)).mean(axis=0)), atol=1e-5)
    np.testing.assert_allclose(passage, _unit(_reference(_ids("文" + text)).mean(axis=0)), atol=1e-5)


def test_without_prefixes_queries_equal_passages(tmp_path: Path) -> None:
    directory = _model_dir(tmp_path / "plain", config={"query_prefix": "", "passage_prefix": ""})
    encoder = load_encoder(f"onnx:{directory}")
    np.testing.assert_allclose(encoder.queries(TEXTS[:3]), encoder.passages(TEXTS[:3]), atol=1e-6)


def test_texts_sharing_characters_are_closer(encoder: OnnxEncoder) -> None:
    query = encoder.queries(["李子园土壤酸化严重"])[0]
    docs = encoder.passages(["土壤酸化改良，果园土壤板结修复", "风机叶片噪声大，寻求降噪方案", "高血压饮食建议"])
    scores = docs @ query
    assert scores[0] > scores[1] + 0.1 and scores[0] > scores[2] + 0.1


def test_cls_pooling(tmp_path: Path) -> None:
    directory = _model_dir(tmp_path / "cls", config={**CONFIG, "pooling": "cls"})
    encoder = load_encoder(f"onnx:{directory}")
    text = TEXTS[0]
    np.testing.assert_allclose(encoder.passages([text])[0], _unit(_reference(_ids("文" + text))[0]), atol=1e-5)
    assert not np.allclose(encoder.passages([text])[0], encoder.passages([TEXTS[2]])[0], atol=1e-3)
    np.testing.assert_allclose(encoder.passages(["土壤", text])[0], encoder.passages(["土壤"])[0], atol=1e-5)
    related, unrelated = encoder.passages(["土壤酸化", TEXTS[4]]) @ encoder.queries(["土壤酸化严重"])[0]
    assert related > unrelated


def test_a_graph_that_pools_already(tmp_path: Path) -> None:
    directory = _model_dir(tmp_path / "pooled", config={**CONFIG, "pooling": "cls"}, pooled=True,
                           token_types=False)
    encoder = load_encoder(f"onnx:{directory}")
    assert encoder.dim == DIM
    text = TEXTS[3]
    # the graph's own (mean) pooling wins over the configured one; padding still cannot leak in
    np.testing.assert_allclose(encoder.passages([text])[0], _unit(_reference(_ids("文" + text)).mean(axis=0)),
                               atol=1e-5)
    np.testing.assert_allclose(encoder.passages([text, TEXTS[0] + TEXTS[2]])[0], encoder.passages([text])[0],
                               atol=1e-5)


def test_a_sentence_embedding_output_is_preferred_to_the_hidden_states(tmp_path: Path) -> None:
    directory = _model_dir(tmp_path / "both", config={**CONFIG, "pooling": "cls"}, pooled=True, both=True)
    encoder = load_encoder(f"onnx:{directory}")
    text = TEXTS[3]
    np.testing.assert_allclose(encoder.passages([text])[0], _unit(_reference(_ids("文" + text)).mean(axis=0)),
                               atol=1e-5)


def test_defaults_without_encoder_json_and_a_graph_without_token_types(tmp_path: Path) -> None:
    directory = _model_dir(tmp_path / "bare", token_types=False)
    encoder = load_encoder(f"onnx:{directory}")
    assert encoder.name == "onnx:bare" and encoder.dim == DIM
    vectors = encoder.passages(["土壤", "土壤酸化"])
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_int32_inputs_are_fed_as_int32(tmp_path: Path) -> None:
    directory = _model_dir(tmp_path / "int32", config=CONFIG, int32=True)
    encoder = load_encoder(f"onnx:{directory}")
    expected = _unit(_reference(_ids("文" + TEXTS[2])).mean(axis=0))
    np.testing.assert_allclose(encoder.passages([TEXTS[2], TEXTS[0]])[0], expected, atol=1e-5)


def test_one_quiet_onnxruntime_thread_unless_encoder_threads_says_otherwise(
        model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ENCODER_THREADS", raising=False)
    options = OnnxEncoder(model_dir)._session.get_session_options()  # noqa: SLF001
    assert options.intra_op_num_threads == 1
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    monkeypatch.setenv("ENCODER_THREADS", "2")
    assert OnnxEncoder(model_dir)._session.get_session_options().intra_op_num_threads == 2  # noqa: SLF001


@pytest.mark.parametrize("missing", ["model.onnx", "tokenizer.json"])
def test_a_missing_file_raises_encoder_unavailable(model_dir: Path, missing: str) -> None:
    (model_dir / missing).unlink()
    with pytest.raises(EncoderUnavailable, match=missing):
        load_encoder(f"onnx:{model_dir}")


def test_a_missing_directory_raises_encoder_unavailable(tmp_path: Path) -> None:
    with pytest.raises(EncoderUnavailable):
        load_encoder(f"onnx:{tmp_path / 'nothing'}")


@pytest.mark.parametrize("config", [
    "{not json",
    json.dumps({"pooling": "max"}),
    json.dumps({"max_length": 0}),
    json.dumps({"query_prefix": 3}),
    json.dumps({"pooling_mode": "cls"}),
    json.dumps(["mean"]),
])
def test_a_bad_encoder_json_raises_encoder_unavailable(model_dir: Path, config: str) -> None:
    (model_dir / "encoder.json").write_text(config, encoding="utf-8")
    with pytest.raises(EncoderUnavailable, match="encoder.json"):
        load_encoder(f"onnx:{model_dir}")


def test_a_broken_model_raises_encoder_unavailable(model_dir: Path) -> None:
    (model_dir / "model.onnx").write_bytes(b"not an onnx model")
    with pytest.raises(EncoderUnavailable):
        load_encoder(f"onnx:{model_dir}")


def test_a_model_that_cannot_run_raises_encoder_unavailable(tmp_path: Path) -> None:
    directory = _model_dir(tmp_path / "extra", config=CONFIG, extra_input=True)
    with pytest.raises(EncoderUnavailable, match="position_ids"):
        load_encoder(f"onnx:{directory}")


def test_engine_ranks_the_document_sharing_characters_first(encoder: OnnxEncoder) -> None:
    engine = Engine(None, encoder=encoder)
    engine.upsert_many([
        Doc("offer-wind", "风机叶片噪声大，寻求降噪方案", DocMeta(kind="offer", author_id=1)),
        Doc("offer-soil", "土壤酸化改良，果园土壤板结修复", DocMeta(kind="offer", author_id=2)),
        Doc("offer-fungus", "银耳菌种退化，求复壮技术", DocMeta(kind="offer", author_id=3)),
        Doc("article-bp", "高血压饮食建议", DocMeta(kind="article", author_id=4)),
    ])
    matches = engine.match("李子园土壤酸化严重", 3, method="dense")
    assert [m.doc_id for m in matches][0] == "offer-soil"
    assert len(matches) == 3 and all(m.method == "dense" for m in matches)


def test_load_encoder_none_and_unknown_specs() -> None:
    assert load_encoder("none") is None
    assert load_encoder("off") is None
    with pytest.raises(EncoderUnavailable, match="unknown encoder"):
        load_encoder("word2vec:/srv/models")
    with pytest.raises(EncoderUnavailable, match="directory"):
        load_encoder("onnx:")


def test_shared_encoder_reports_an_unloadable_onnx_dir_without_raising() -> None:
    encoder, error = shared_encoder("onnx:/no/such/dir")
    assert encoder is None
    assert error and "/no/such/dir" in error
    assert shared_encoder("onnx:/no/such/dir") == (None, error)  # remembered, not retried


def test_shared_encoder_reports_a_bad_encoder_json_without_raising(model_dir: Path) -> None:
    (model_dir / "encoder.json").write_text(json.dumps({"pooling": "max"}), encoding="utf-8")
    encoder, error = shared_encoder(f"onnx:{model_dir}")
    assert encoder is None and error and "pooling" in error

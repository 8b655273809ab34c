"""Matching engine: jieba tokenisation, Doc2Vec + BM25 hybrid ranking, an in-memory filtered index.

Pure engine code: no database, HTTP or WeChat. Everything is sync; call it via asyncio.to_thread.
"""

from server.match.engine import Engine
from server.match.model import train
from server.match.params import DEFAULT_PARAMS, Doc2VecParams, MatchParams
from server.match.retrain import retrain
from server.match.schema import Doc, DocMeta, Filter, Match
from server.match.store import LoadedModel, load_current, save_model

__all__ = ["DEFAULT_PARAMS", "Doc", "Doc2VecParams", "DocMeta", "Engine", "Filter", "LoadedModel", "Match",
           "MatchParams", "load_current", "retrain", "save_model", "train"]

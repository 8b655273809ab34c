"""Sentence-encoder vectors of posts and articles, computed once when the text is written."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Embedding(Model):
    """One document's vector from one encoder (float16 bytes); a restart loads these, never re-encodes."""

    id = fields.BigIntField(primary_key=True)
    doc_id = fields.CharField(max_length=32)  # "post:17", "article:5" (the matcher's ids)
    encoder = fields.CharField(max_length=64)  # a vector from another encoder is never mixed in
    text_hash = fields.CharField(max_length=16)  # of the encoded text: an edit makes the vector stale
    vector = fields.BinaryField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "embeddings"
        unique_together = (("doc_id", "encoder"),)


class DocTerms(Model):
    """One document's word tokens (space-joined), so a restart indexes 400 k documents without re-tokenising."""

    id = fields.BigIntField(primary_key=True)
    doc_id = fields.CharField(max_length=32, unique=True)  # "post:17", "article:5"
    tokenizer = fields.CharField(max_length=32)  # jieba + dictionaries version: another one is stale
    text_hash = fields.CharField(max_length=16)  # of the tokenised text: an edit makes the tokens stale
    words = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "doc_terms"

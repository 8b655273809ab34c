"""Where photos live: a local folder by default, an S3-compatible bucket (MinIO, OSS, COS, S3) when set.

S3 goes through the MinIO client (a sync library: every call runs in a worker thread). A stored
object is named by its key (`posts/<post id>/<random>.<ext>`); keys are made here, never by callers.
"""

from __future__ import annotations

import asyncio
import io
import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from minio import Minio
from minio.error import S3Error

from server.settings import Settings


class Storage(Protocol):
    async def put(self, key: str, data: bytes, *, content_type: str) -> None: ...
    async def get(self, key: str) -> bytes | None: ...
    async def presigned_url(self, key: str, *, expires: timedelta) -> str | None: ...


def new_key(*, post_id: int, extension: str) -> str:
    """Return a fresh, unguessable key for a photo of a post."""
    return f"posts/{post_id}/{secrets.token_urlsafe(12)}.{extension}"


class LocalStorage:
    """Files under a folder; the app serves them itself (presigned_url is None)."""

    def __init__(self, root: str) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise ValueError("storage key outside the photo folder")
        return path

    async def put(self, key: str, data: bytes, *, content_type: str) -> None:
        await asyncio.to_thread(self._write, self._path(key), data)

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.write_bytes(data)
        os.replace(tmp, path)  # readers never see half a file

    async def get(self, key: str) -> bytes | None:
        path = self._path(key)
        return await asyncio.to_thread(path.read_bytes) if path.is_file() else None

    async def presigned_url(self, key: str, *, expires: timedelta) -> str | None:
        return None


class S3Storage:
    """An S3-compatible bucket through the MinIO client; reads are handed out as presigned URLs."""

    def __init__(self, *, endpoint: str, bucket: str, access_key: str, secret_key: str, region: str) -> None:
        parts = urlsplit(endpoint if "://" in endpoint else f"https://{endpoint}")
        self.bucket = bucket
        self.client = Minio(parts.netloc, access_key=access_key, secret_key=secret_key,
                            secure=parts.scheme == "https", region=region)
        self._bucket_ready = False

    async def _ensure_bucket(self) -> None:
        if not self._bucket_ready:
            if not await asyncio.to_thread(self.client.bucket_exists, self.bucket):
                await asyncio.to_thread(self.client.make_bucket, self.bucket)
            self._bucket_ready = True

    async def put(self, key: str, data: bytes, *, content_type: str) -> None:
        await self._ensure_bucket()
        await asyncio.to_thread(self.client.put_object, self.bucket, key, io.BytesIO(data), len(data),
                                content_type=content_type)

    async def get(self, key: str) -> bytes | None:
        def read() -> bytes | None:
            try:
                response = self.client.get_object(self.bucket, key)
            except S3Error as exc:
                if exc.code in ("NoSuchKey", "NoSuchBucket"):
                    return None
                raise
            try:
                return response.read()
            finally:
                response.close()
                response.release_conn()
        return await asyncio.to_thread(read)

    async def presigned_url(self, key: str, *, expires: timedelta) -> str | None:
        return await asyncio.to_thread(self.client.presigned_get_object, self.bucket, key, expires=expires)


_cache: dict[tuple, Storage] = {}


def storage_for(settings: Settings) -> Storage:
    """Return the storage the settings name (one instance per configuration)."""
    if settings.s3_endpoint:
        ident: tuple = ("s3", settings.s3_endpoint, settings.s3_bucket, settings.s3_access_key)
        if ident not in _cache:
            _cache[ident] = S3Storage(endpoint=settings.s3_endpoint, bucket=settings.s3_bucket,
                                      access_key=settings.s3_access_key, secret_key=settings.s3_secret_key,
                                      region=settings.s3_region)
        return _cache[ident]
    return LocalStorage(settings.photo_dir)

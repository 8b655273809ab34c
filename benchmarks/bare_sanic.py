"""The reference: a bare Sanic JSON handler, served like the real app (`python -m sanic`)."""

from sanic import Sanic
from sanic.response import json

app = Sanic("bare")


@app.get("/ping")
async def ping(request):
    return json({"post": {"id": 1, "title": "bare"}})

"""The science feed: by region scope, interests first, newest first; article detail."""

from __future__ import annotations

from server.models import Article, User
from tests.factories import login_as


async def test_feed_follows_region_and_interests(client):
    headers, user = await login_as(client, "reader-feed")
    await User.filter(id=user.id).update(region_id="510104", interests=["地震"])
    province = await Article.create(title="用电安全常识", topics=["用电"], region_scope="510000")
    chengdu = await Article.create(title="地震来了怎么办", topics=["地震"], region_scope="510100")
    await Article.create(title="宜宾李子园管理", topics=["农业"], region_scope="511500")
    page = (await client.get("/api/v1/articles", headers=headers)).json()
    assert [a["id"] for a in page["articles"]] == [chengdu.id, province.id]
    assert page["emergency"] is None and page["next_cursor"] is None
    detail = (await client.get(f"/api/v1/articles/{chengdu.id}", headers=headers)).json()["article"]
    assert detail["title"] == "地震来了怎么办" and "body" in detail
    assert (await client.get("/api/v1/articles/999999", headers=headers)).status_code == 404


async def test_feed_pages_with_a_cursor(client):
    headers, _ = await login_as(client, "reader-pages")
    made = [await Article.create(title=f"文章{i}", region_scope="510000") for i in range(5)]
    first = (await client.get("/api/v1/articles", params={"limit": "3"}, headers=headers)).json()
    second = (await client.get("/api/v1/articles", params={"limit": "3", "cursor": str(first["next_cursor"])},
                               headers=headers)).json()
    seen = [a["id"] for a in first["articles"] + second["articles"]]
    assert sorted(seen) == sorted(a.id for a in made) and second["next_cursor"] is None

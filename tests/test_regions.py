"""Region codes: normalisation and hierarchy ("within")."""

from __future__ import annotations

from server.services import regions


def test_codes_normalise_to_six_digits():
    assert regions.normalise_code("51") == "510000"
    assert regions.normalise_code("5101") == "510100"
    assert regions.normalise_code(" 510104 ") == "510104"
    assert regions.normalise_code("51010") is None
    assert regions.normalise_code("abcdef") is None


def test_within_follows_codes():
    assert regions.is_within("510104", "510100")
    assert regions.is_within("510104", "510000")
    assert regions.is_within("510100", "510100")
    assert not regions.is_within("510703", "510100")
    assert not regions.is_within("510100", "510104")


def test_parents_of_a_county():
    assert regions.parents_of("510104") == ["510000", "510100"]
    assert regions.parents_of("510100") == ["510000"]
    assert regions.parents_of("510000") == []


async def test_loaded_table_has_every_level(settings):
    from server.models import Region

    assert await Region.filter(level="province").count() == 31
    assert await Region.filter(level="county").count() == 2978
    jinjiang = await Region.get(code="510104")
    assert jinjiang.parent_code == "510100"

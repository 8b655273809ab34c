"""Console sign-in lock-out: keyed on the account a spelling resolves to; only ASCII digits name an id."""

from __future__ import annotations

from server.console import auth
from tests.console.conftest import STAFF_PASSWORD, sign_in

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DEVANAGARI = str.maketrans("0123456789", "०१२३४५६७८९")


async def _fail_until_locked(client, account: str) -> None:
    for _ in range(auth.FAIL_LIMIT):
        assert (await sign_in(client, account, "wrong-password")).status_code == 401


async def test_lockout_holds_for_every_ascii_spelling_of_the_account(client, world) -> None:
    uid = str(world.supervisor.id)
    await _fail_until_locked(client, uid)
    for spelling in (uid, f"0{uid}", f"00{uid}", f" {uid} ", "sandbox-console-chengdu"):
        response = await sign_in(client, spelling, STAFF_PASSWORD)
        assert response.status_code == 429, spelling
        assert auth.COOKIE not in client.cookies, spelling


async def test_lockout_by_openid_holds_for_the_numeric_id(client, world) -> None:
    await _fail_until_locked(client, "sandbox-console-chengdu")
    assert (await sign_in(client, str(world.supervisor.id), STAFF_PASSWORD)).status_code == 429


async def test_non_ascii_digits_never_name_an_account(client, world) -> None:
    uid = str(world.supervisor.id)
    for table in (FULLWIDTH, ARABIC_INDIC, DEVANAGARI):
        spelling = uid.translate(table)
        response = await sign_in(client, spelling, STAFF_PASSWORD)
        assert response.status_code == 401, spelling
        assert auth.COOKIE not in client.cookies, spelling


async def test_other_spellings_of_a_locked_account_do_not_sign_in(client, world) -> None:
    uid = str(world.supervisor.id)
    await _fail_until_locked(client, uid)
    for table in (FULLWIDTH, ARABIC_INDIC, DEVANAGARI):
        response = await sign_in(client, uid.translate(table), STAFF_PASSWORD)
        assert response.status_code in (401, 429)
        assert auth.COOKIE not in client.cookies


async def test_unicode_digit_account_is_a_plain_failure(client, world) -> None:
    for spelling in ("²", "¹²", "4\x00", "\u200b4"):
        response = await sign_in(client, spelling, STAFF_PASSWORD)
        assert response.status_code == 401, repr(spelling)

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# Every change that can alter a counted day of the dashboard's funnel (posts, their ticket timeline, accepted
# matches, a deleted ticket) or registrations (people) notes that Beijing day in metric_stale_days, so the day is read live
# until the nightly snapshot-metric-days job counts it again (server/services/metrics/snapshots.py).
STALE_TRIGGERS = """
CREATE TRIGGER IF NOT EXISTS kjy_stale_posts_insert AFTER INSERT ON posts BEGIN
    INSERT INTO metric_stale_days (metric, day) VALUES ('funnel', date(NEW.created_at, '+8 hours'));
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_posts_update AFTER UPDATE ON posts
WHEN OLD.status IS NOT NEW.status OR OLD.review_state IS NOT NEW.review_state OR OLD.region_id IS NOT NEW.region_id
    OR OLD.kind IS NOT NEW.kind OR OLD.created_at IS NOT NEW.created_at
BEGIN
    INSERT INTO metric_stale_days (metric, day)
    VALUES ('funnel', date(OLD.created_at, '+8 hours')), ('funnel', date(NEW.created_at, '+8 hours'));
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'funnel', date(o.created_at, '+8 hours') FROM matches m JOIN posts o ON o.id = m.supply_post_id
    WHERE m.demand_id = NEW.id AND m.status = 'accepted';
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_posts_delete AFTER DELETE ON posts BEGIN
    INSERT INTO metric_stale_days (metric, day) VALUES ('funnel', date(OLD.created_at, '+8 hours'));
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_ticket_events_insert AFTER INSERT ON ticket_events BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'funnel', date(p.created_at, '+8 hours') FROM tickets t JOIN posts p ON p.id = t.post_id
    WHERE t.id = NEW.ticket_id
    UNION ALL SELECT 'funnel', date(o.created_at, '+8 hours') FROM tickets t
    JOIN matches m ON m.demand_id = t.post_id JOIN posts o ON o.id = m.supply_post_id
    WHERE t.id = NEW.ticket_id AND m.status = 'accepted';
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_ticket_events_update AFTER UPDATE ON ticket_events BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'funnel', date(p.created_at, '+8 hours') FROM tickets t JOIN posts p ON p.id = t.post_id
    WHERE t.id IN (OLD.ticket_id, NEW.ticket_id)
    UNION ALL SELECT 'funnel', date(o.created_at, '+8 hours') FROM tickets t
    JOIN matches m ON m.demand_id = t.post_id JOIN posts o ON o.id = m.supply_post_id
    WHERE t.id IN (OLD.ticket_id, NEW.ticket_id) AND m.status = 'accepted';
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_ticket_events_delete AFTER DELETE ON ticket_events BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'funnel', date(p.created_at, '+8 hours') FROM tickets t JOIN posts p ON p.id = t.post_id
    WHERE t.id = OLD.ticket_id
    UNION ALL SELECT 'funnel', date(o.created_at, '+8 hours') FROM tickets t
    JOIN matches m ON m.demand_id = t.post_id JOIN posts o ON o.id = m.supply_post_id
    WHERE t.id = OLD.ticket_id AND m.status = 'accepted';
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_tickets_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'funnel', date(p.created_at, '+8 hours') FROM posts p WHERE p.id = OLD.post_id
    UNION ALL SELECT 'funnel', date(o.created_at, '+8 hours') FROM matches m JOIN posts o ON o.id = m.supply_post_id
    WHERE m.demand_id = OLD.post_id AND m.status = 'accepted';
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_matches_insert AFTER INSERT ON matches WHEN NEW.status = 'accepted' BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'funnel', date(p.created_at, '+8 hours') FROM posts p WHERE p.id IN (NEW.demand_id, NEW.supply_post_id);
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_matches_update AFTER UPDATE ON matches
WHEN (OLD.status = 'accepted' OR NEW.status = 'accepted') AND (OLD.status IS NOT NEW.status
    OR OLD.demand_id IS NOT NEW.demand_id OR OLD.supply_post_id IS NOT NEW.supply_post_id)
BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'funnel', date(p.created_at, '+8 hours') FROM posts p
    WHERE p.id IN (OLD.demand_id, OLD.supply_post_id, NEW.demand_id, NEW.supply_post_id);
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_matches_delete AFTER DELETE ON matches WHEN OLD.status = 'accepted' BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'funnel', date(p.created_at, '+8 hours') FROM posts p WHERE p.id IN (OLD.demand_id, OLD.supply_post_id);
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_users_insert AFTER INSERT ON users BEGIN
    INSERT INTO metric_stale_days (metric, day) VALUES ('people', date(NEW.created_at, '+8 hours'));
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_users_update AFTER UPDATE ON users
WHEN OLD.role IS NOT NEW.role OR OLD.region_id IS NOT NEW.region_id OR OLD.created_at IS NOT NEW.created_at
BEGIN
    INSERT INTO metric_stale_days (metric, day)
    VALUES ('people', date(OLD.created_at, '+8 hours')), ('people', date(NEW.created_at, '+8 hours'));
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_users_delete AFTER DELETE ON users BEGIN
    INSERT INTO metric_stale_days (metric, day) VALUES ('people', date(OLD.created_at, '+8 hours'));
END;
"""


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "metric_day_counts" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "metric" VARCHAR(16) NOT NULL,
    "day" DATE NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "key" VARCHAR(32) NOT NULL,
    "n" INT NOT NULL,
    "computed_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_metric_day__metric_bca68b" UNIQUE ("metric", "day", "region_code", "key")
) /* One figure's count for one Beijing day, region code and key, as the nightly `snapshot-metric-days` job */;
        CREATE TABLE IF NOT EXISTS "metric_stale_days" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "metric" VARCHAR(16) NOT NULL,
    "day" DATE NOT NULL
) /* A counted day that changed since it was counted (written by database triggers only, one row per change). */;
CREATE INDEX IF NOT EXISTS "idx_metric_stal_metric_c17ed7" ON "metric_stale_days" ("metric", "day");
        CREATE INDEX "idx_matches_created_34ce74" ON "matches" ("created_at", "demand_id");
        CREATE INDEX "idx_users_created_c5cd7c" ON "users" ("created_at", "region_id", "role");""" + STALE_TRIGGERS


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TRIGGER IF EXISTS kjy_stale_posts_insert;
        DROP TRIGGER IF EXISTS kjy_stale_posts_update;
        DROP TRIGGER IF EXISTS kjy_stale_posts_delete;
        DROP TRIGGER IF EXISTS kjy_stale_ticket_events_insert;
        DROP TRIGGER IF EXISTS kjy_stale_ticket_events_update;
        DROP TRIGGER IF EXISTS kjy_stale_ticket_events_delete;
        DROP TRIGGER IF EXISTS kjy_stale_tickets_delete;
        DROP TRIGGER IF EXISTS kjy_stale_matches_insert;
        DROP TRIGGER IF EXISTS kjy_stale_matches_update;
        DROP TRIGGER IF EXISTS kjy_stale_matches_delete;
        DROP TRIGGER IF EXISTS kjy_stale_users_insert;
        DROP TRIGGER IF EXISTS kjy_stale_users_update;
        DROP TRIGGER IF EXISTS kjy_stale_users_delete;
        DROP INDEX IF EXISTS "idx_users_created_c5cd7c";
        DROP INDEX IF EXISTS "idx_matches_created_34ce74";
        DROP TABLE IF EXISTS "metric_day_counts";
        DROP TABLE IF EXISTS "metric_stale_days";"""


MODELS_STATE = (
    "eJztXWuT2jjW/isqvkxSRVLpzmWSnt23iqZJwoaGXppMNhu2GGEEaNrIHlvuDrM7//2VZB"
    "t8xwJD2462aieNrSPbj27nfv7bWBkzpNvPWxbFmo4aF+C/DQJX/I/orSZoQNPc3uAXKJwK"
    "ogZ0G4mLcGpTC2qUXZ9D3Ubs0gzZmoVNig3CrhJH1/lFQ2MNMVlsLzkE/+GgCTUWiC6RxW"
    "58+w+7jMkMfWedez/Nu8kcI30Wels8488W1yd0bYprXULfi4b8adOJZujOimwbm2u6NMim"
    "NSaUX10ggixIEe+eWg5/ff523pf6X+S+6baJ+4oBmhmaQ0engc+dTrbXGpNJfzCa3HZGk0"
    "lDAiDNIBxc9qq2+PoFf4Vn52evfn719uWbV29ZE/Gamys//+U+eguMSyjg6Y8af4n7kEK3"
    "hcB4Cyr6TpFFoD5JQre9hFYyvBGyCM7sA6I4+6gGgPZgLAnOK/h9oiOyoEv2882rDFB/bQ"
    "3bH1vDJ29ePeUPNNhKcJdI37tzLm5x3Lc4U0zdFZYX4Q3BXtjGJrF/YYvuduWeHN6z87c5"
    "8GWtUgEW98II285qBa21DMYBktOh3GicBOOXL17kwJi1SsVY3AtjPDVmCQCP2G6QDLDfvg"
    "boZoA56vxrxHte2fYfehDDJ9etfwl4V2vvTm/Q/+A3D2De7g0uI1A7li4zlb3mNQA6PI1f"
    "55rGrzOm8ev4NKaGiTU7Du8/bgf9lN14QxFBeIY1Cv4HdGzHWIvCkP7b3CEahxFMHaxTTO"
    "zn/Hn/9whTnSOUPdWjs5pDZth0YYleRAfRqY5WyGLAaeuJ/MAk0aohKnyIbMOxNCn+ZUtR"
    "uz2peO7QQgv2RhNbM0wpkKN0x4I6xok3Xp+9YP87Ed554E5HOwq26UzZ2lyi2QTSONhXDC"
    "iKVygZ8ChtdKvxiJ/7f1SRVbcQnA2IvvbGPYvx6V53bket65vQfnPVGnX4nfMQ5+NfjY3U"
    "phPwpTv6CPhP8O9BvxPdljbtRv9u8HeCDjUmxHiYwFlgivpXfdTCPJXJx2WfcQ9TqlEvy6"
    "j7GAWGXbw9VyLN7wIaD35hCrW7B2jNJqE7AXUYpNoSJbAflx7h+09DpEMBbXwWeMq0a97J"
    "HtqPRx7/v/wZ718NImmcG2lQxm+tzlfRK5DAhfgk/mz+JA+rNlyZEC9II0EpubnXzNJKal"
    "4rpZasl1rS1hgYUuymT1AMC1QiXeTL8zx6nPN0Nc55lAEiBpXC1m9fO0b+PJdy4TxDuXAe"
    "Vy5o7CTdj8kIUyomoyxMRh7W0h+76TrRkpJ6IMTodp8N5WcmijkdYuKxnIkqRFRDI0rBUr"
    "FN4XwuN3eDJGrautM2JnhEZ3Ec3/eGhRgL+wmtBcxd9k6QJKrOPNZ4uOmoYhM4Tchgly34"
    "sOGtw0uX/cG+GlGBwJDt08Nue9SIz90CgP1so30M1xVBNbhcQ6CyFwD9z71eI+VEU8juQD"
    "Z2iKfAm0cJwfmSA1UQN0YuS0dFwD6uBmIJ6TWybSi2/rgSInC7mamHYA0nK7dlyXQRl3jx"
    "o6gj3p2fv3z58/mLl2/evn7188+v377YHOHxW1ln+WX3Az/OQ7xTDqUFYh9vTSxDztMnQl"
    "ZDVvUsD696ls6snsW41ZW9cBGSwDlIc0JVBkXf6WnUGcXD7L97Xn8fv30NNEWn9vdZoRmG"
    "kiJukKYGkJ/CSbASfgwV3pgZZ4TvkZwbZpDmdB4MJjt2OVIVBZpxnIQgKR/BAEn9dovCAU"
    "aWZVgy8G4IageuspMoO0mo3f52Em+v32vco7QFjHw5dSBlH+gEr5v4SFtIwyZGhMoZFaJk"
    "yrAQt4d5GgM5Y02QZi9QS7dLFowqxdodkpytIRqF6m4jmAtYARaF0aajigGc16gQmlohg0"
    "K7ddtuXXUaCXvC6Uw1VYU1tA/uhnVzHCkj2E6jbfjglraBHdPOc2VoI2St3I0qYuTZ3Gtm"
    "WXgYUBO6abbLutMYEAQYibNigPxkgwfDmgFq3CFigye2CTX07HcDEzR72gS2ASBgjBeFFg"
    "WelQe8evEC3G16YB1gNqMcyto9E91gm43Z80ZkBE/4WGWlqqiVik9kOTXzlkI510b0GnHn"
    "WneZ/Jl0FGcE+weJaqhnPgLM6DudLKG9lII5SFRDmItXgvIDJMEbJd0CuCGoBbynNgIqnW"
    "j6TK+XTlQiQO2YfHFnNUWzmYt7jDHe3szkjJHfbD/W+B5p1LDA3DJWwGC3ENHYMyzwZK4b"
    "kJ69AdM1RfbTXwLcKrsxswFjO3n3BN2z1oxBdQntnUzxUR6YwA5/CzBO3jMa/1E8suKRq7"
    "DbHpl989eDBMIBkhpCfISMY4pDPgWH7J4mSZs1gdY6GeUtTQRicfJUEOSsDdjLMLPhwxiW"
    "l91+a/g1mVG+TMhIc/l11GkpVlmxyo/LKnuZppJZZf/mDlbZbYbLFiTwo/CVR0tYgGdMuM"
    "DsjhRPE6aqnXa1eKaGiV6EZnj+d4izilnjwmxkqIcysziN973B4Ir1pRvGbEw6reHo4z8/"
    "tz51LgBiQunyDwfeoTHptfpXt73uFbusQzKzdTapWOsbduW622ZtTXZhhbUxabXb7GJ/dA"
    "GgpompNyZfur2r990hI37A+myOLUZ7OxoMry+AzXiU1ZgMRh87wwtgiG2mFCyXzQVwTFN8"
    "jHdPgSB9qSfAsMOG30Js8AfDVv8DGyQGEFmwIfra6fUGXy7AGum68TAml73P7O5Ud9A+Q5"
    "TH0T7dzT7mZL9k7IeO5fK3BGnKPCb77oR5HGjfpPvPvom5z2L+NEfzI0FznzhhMuWqnMdV"
    "2YtHF9q+ONjpyUmjdCoxabbFZI/EpOzpSe5k2RLghqiGwl9FhL1cLsTou8kYEnsPGT9MqY"
    "a51MPslRaZ4CRTc/ruGiFTm2vhmyvjn6mTMCY52ewN9emC+iAbjnskiX+j1R51f+1wsYhT"
    "j0m71W8zBptz3xr/NF1Hs3KIPkrrmQ59vbSeKm9xnUc94Vz03l6lFHyMsBSV7OpRkl0Rg7"
    "Fwh2bc3the+qK3Cm5ij5L6KgpbllVri+xu29Z6EhjVfN5g7dYN8JJnAWMOIAGbzi641xWA"
    "OrJoEyCoLYF7pDXFdZc7+wVgarP+yTMeqjDHC8dKcwM72pOUPa5c9rjqJIg6mQ66YC2/yi"
    "J+TJUzhWxXokgqFjlAcrpQ5Bel3iC2gLIvcqTg3BIoMKNgOsTiJ6T41PyIRqgUrLG8DtQw"
    "TalJGqBQcEbhZHwaY9MmqwT5IhXQEI2CNAVSrtqVOvyjdKfTCM8MIqsPLgd/5UGmOZad7F"
    "+cHgwSI63NRD5JXEhsDByTGnuNgE+o8D8Ifx1BG00cQnFCvsNsBXhyDypzWHn03nFzhzdm"
    "c0z2LdOZ3IMa9TKPujJtpm++1TRyqbpZj8ytb1XyUthGyVReu90GRBQMADrQfhgKJqoYzH"
    "mtiNE5tjsTmzLRntBEe0zDY5dMDYfMMsruRFo0s8yO2G17uuI73xpLSGb6ht8gPGQaUopW"
    "Jv/XTfGgcjqUL6cDmjnm5A5JliYIENUuPu9dHv/Ed+n+ie9i/omGiYhc4owtxcl0ghWOf7"
    "xjnyWDrt++hubsI1R8uE/M85qRksQn2AvekjEXx075wh5HE/FNTyYXIKmB10CW1K4qSp1i"
    "xzhGRSkTrnl2sDjI6YErAZJyBK3wx9YmaMVCGsL3eykSI6RKk1glTWJYKpMZ9jClshKU2U"
    "rgCdoJLh23K6jrqbJ0kK421tiX5z+/2cjQ/EeW1Hx73er14jriqPpCcu0kkKsFVOYFpOmQ"
    "jcFeZrYQpRrlMo+yDm06ka5gGKaqHf9fmKN2STLSXUOqLRsJ+nP3RjNLbb7iTY6hLf/GiN"
    "kbzzwh0nZMU19P+PzmV9j3JDfYBvPHciR/i3bS3MSWi+7C5v9t53KK+B9FC3+0iBvDwgtM"
    "goOUE+A44bEYtOrBHfAN1wwrweX2Pc9ZnuIb7lNE4BRpzisou2bAdTX4fNnrgJthp9297X"
    "pKhc2BLG6KXeMPHbs20GGn1YupyxhKksoyn0Kp13Oo1y1I7mTFNp+mTi4oRUhtd2idUpol"
    "Xe0YpCmH3rFWyXIspKN73+sk9yYdotpzo66OHFXEPk02segSkac4EeDqizRnecx0Z+lmur"
    "OYma7sOZ8SoDYtgy1ONJOEvHEzHNwMbnmWJ78HkSO3czPi16CmIZPya1edNtuC+bUZ0niS"
    "0pIkg2Jvg2d7VlIPUipVTplVOUy6teVyvG4parffHSXWXkUepKNfX3uhSqpWt1FP2E5jSd"
    "X8k0823iRGp+JN4lJpSLGbG9gATZ3E/OI0fzENeX50E2nV1E0FWV57HSdU8O6MlnIXfYKi"
    "RDaO58Y4nsaqBIE8oc1xd4hUYC6eDtuSzdy80MbXbW58vd20AIhb255qjXL4/NkN9JbbKg"
    "Dkesf6xRjTUsX6XSP2ldoVXLcNR3xC3Fch3KKZ6bQg2k5mcM1wcQiVSDHq5ur8yQaCEMwN"
    "S9R+vkT4dzYKgHXZBG65FsDLtQC27YI7xC5CUfcZELxYUn0NfrMJNO2lQZ+5L/OMUdq/gd"
    "+NaVQneKLHjonoGs0Aps/HZExcQO0L8NvcIQTpv4EnfJNjr+AqK1i/kLpPZk8CYxEjdMEN"
    "beMG+Lt46tyxeK1rCtjSWiAgsrYxwoclIsB72tPmmPxmIsPUEX+A+EN8iU2RFXvI34Fl6O"
    "ip+DyPakINCvVE2ulavAVijY35mPC/Iz39wv42XTj5Xe635L8Yb8ow1tdPn4MWa/wAHjBd"
    "Ctqr1tfJdWv4qTMUL0IMH3qbgbl5DsB8tFYmX0LPwRVksw/aiK09vFggywY8jyXABHiTkU"
    "HEPoYPB+BlxdbsZdhXAG3JC3W5MLA302cA6vw63I4Xf9aTFV5YIr8xOHvx9BdgO9oSQP81"
    "uBgOdHyPgMhcw0bYfTmXHi7YtpBefNx9PzErodhGA9WI+E8e1KjKkVcidHU7lBKuCR6Fck"
    "3IY0mBCYwGVwKm6CxgUjxwSPNXQZCz7LatUSe9JpqcbSJEVjsDRfEGWcmI9UJj1Uu17IsP"
    "SU2wqqWeaEn2NKWf5Fc4s+TsaT8Lk9bQlFJd04lrMSuLq7vgZ245r81ExUaqHLlpkUeO3L"
    "Lu+eTIVkjGcFl7webPgI2Jhjh//gC3DPqTBwtTymQmJtDMYnIEl1GaQhrkQoq5kRmexitX"
    "nPLBeRLghEULlfBGSQ2l3HuV1FAKqaEkR8jAoUKRlXR4bO5lHhtGsNUxU4ypwKVTBi6l51"
    "Ta7e9ahfxKjdZw1G33OpObz7cfL4BvizEdezkmrS+t4dWk3er12B2xyDSo61EO5HH2V4pp"
    "kpUt/fzaEJR5OPY8vt7kcXx8k+73+Cbm9qjKLpc0kgQ6M4wSA0kyRiVAU44hqVVSodU2FW"
    "neEQmQqAEpfEDKHqaSUIjGgnMqCX/jath6P7oAgnZMbtsfO1efRV1ym1tkHZ2Hp9x2+qyJ"
    "jQgtc+XyzQvvoSaM0p4kYOWULG7VtYShgWYTcZ8x3pKpeKQyj6+qTKkqU5YXTFWZ8jg2Ph"
    "UiV7NgKRUi9yOOep4QOVWS6XSBMKqoTU2K2ohgmQTLkh9Ek25VEs7ZxZuUvvE1vjQsDyw8"
    "QyvToKLiUpLn77eNKWOrG/Hz9UU6ci96jnzhi+HDftvEo7jH6GEyYy8qXSZHGbmUkStbU9"
    "bvcKUXQVwj9s/P7AzsDvoXgD3S5i3GZPD+fWd4AYz53N0kH18jJl7FRXPPgQn3UOIiJGx7"
    "Hv7abXe4mtK6xxriiXY+dju/dq6F8pLJXhjdo5VX7OPxx0aZHo9axmhqzBIYnvRCMH77Wo"
    "CbJSocow4MhQspA6/fvhxWq1pZdstutUoYEtOZ6qKItqzp6ubzZa97+1GkV/P7GJPr1qgt"
    "rrkJqNmV9qA/arVFyjVe74kxwPxqv/NhMOq2Rt3+B36qLwyKIZsPizG57X4QudhsJhvxlr"
    "1W/4r/1iH7DN5fz83ppumbnHCPfpyId5nIZ/KK0tUuXOYo+bw8QYMvl71Zq2gfp1xx0N4n"
    "mWHr1k1lKKjH5KbTvxKLx0RkJhbOsPOPjrvOLPQ70mhZFocHNY+rlVkbETK1NPIsDdtwLA"
    "1NbI3hIgN2lK7EskZposuUzSQd+mpqz5XN5Ecc9Tw2E/TdxKy3PUY9TKlcX8ozyPG1HVWi"
    "SxygCaT1O0OLVxSFbQaSSytGrFZXmVeXN1z7VnhMIK+NH08RJUNCVryc1rUQjUp+kOQYBV"
    "cmxAsi6SoRplKOEnFgQ/bl/DqBAFEtjAWRAzbP+Zp+vCbWLoxCHsdb2hFluOmoYmjn9UUJ"
    "zbOQH8qQHYPDbnvUSNh7C0A2p4tPVXENnTe704T622gBwLYDXVVr483tPxU+c6S9p2JpcA"
    "MlRMPgX3r07z8NkS6SG6bjvilVWpMZHU4Q4aZvPilQFZmdIZzMpUGNA/HhjnY3vJ86TSYp"
    "j8Wg94p2hxLEZR/PAUEjg/1nN6qjTU81mXZ7uHW6syrFt3Mz5bIdPCfbKa4yh1RMJkl3qr"
    "QpY7MXSFYXGCErRk55XKAjOTDf5rERn7/NyIL5NmZNMwjlIaLp/pIponaEroZS4RGCtfGf"
    "MuFzfnOlIUpQZNwji7vOJc/Z3Y4oAfJT+qC4TiMNOYwbcacT7pbiOqVwB5Rfu50v3P2Ea2"
    "rZ7+7tp6/sJ7bvxEYoO+/z7DLpe0xsh+GncnJ5pQy33wBNIfacEm3jxVtzmBSk3U2QZSXp"
    "QjK28DBZ7Tx9jnNectD28z4JUSqbWZltZsrHKH2NVdPbJI+PkXyVukPL05VucItOG2HqBp"
    "whSfNohEohuzvg+bS16coGbl5dvVRVOn8WKvPSLlgj6zUZ2keKH3fsZct1XWkkqRoDt5uZ"
    "ykbWMOQDk688GrXWAFKeRI6LbSI5PO+JiWoighbQpWU4i6W4wbPFE6TH09Qf0lHBqk2VZZ"
    "7fO0WWeW8Q5eS5DYnSxuXQxjHJN7nMUuoUD1DUxgeuMF6PgbOyFzITdktRO93DUaKMHhBb"
    "4nTCMJPdm6OUR/KMq+s2vR2COSZQn2TFGycPQJSudhP+CFpNpYP5AXUwHkObqDDI2uHCdH"
    "VSGZxgh8t0XhW4FqFbYPLKcNtbxQYjvwtrcB6WTRS+1A3trpEiCLs3mzvF4Clvl7+2myuV"
    "gC+ozQusUUOfAccWBZdFJglRbRqyS8gCT169PHtxxoTaOfs5a4JXL168eAmmcAYMExE8A8"
    "+fP3/K81bcs8YWr6qFZoll3U7xzMTkcLxLb+wD4hhXG/D61SJnm3ItekTXIiVWHz/HV2Cy"
    "S8AcIasdg3wUa3RFVBil3zCU1PFjSx2BYzuvjdJW9kkJ+6RjK0NaDkOaXVoj2hVct3kZ5E"
    "aK8LC5v1t+mMH1RJRUzilD3AQMXYyDd7dZYBBh7LpE+HduEWOdNkXRZTeGsAl4dl0A2f9d"
    "pRsDfIlYK3s5NRggP9nAJtC0lwaNCxDHfuCYjMmXbSlp3o7gxZLqa/Cb3+gZh+oZL6L9G/"
    "jdmLJHa4iJLLxQ9RKyvhClOi9JDYUdkPcunsrLU7E/sa6PiVt+2pN1HpZYRxeeAGM3wR8O"
    "RhQsDcdiPyykIYa3/fQX1pJXr37AdOl+0FXr6+S6NfzUGQKbvYz3UWsmS7EHGIxlY1O0CW"
    "yDEa6wbXvIcFGLnxZAx/cIsJXKBCReYJu929J4IIB9wZ/IMtLlKK+orxcQ6nMskVzaB4lS"
    "ypR5KlOmquec7R3p1XNOiNJP5u13xumnMPh1kKFyiVAZElRUgErP356McBVytu8JbvGZ+u"
    "TNZDU2kBWvaEmIz0890ZJiUX9cQSUcALcynT0l/jBpDUX+ioj4qT79MYn08QQo3/SVIj8F"
    "LGM7xCdfMMklPKWPdCLb7R9vGmSiqGDOPYk0ymr/t7H99IZpYYOJM26w2SYrnFufhidiZI"
    "Nos9fZ4LRxWg5+Ds8nJz7WWz4NQcu+jv8AXz52hh1fxvk7+MkLhPvJddkNvIumQ7bUxJKU"
    "erpHl/8N7MAbfItyXgFd4H8iBXzkCvQoKeVUUoriBI+Zs9nfT3Ib3XyCGsJbvKsUn9RxdN"
    "NLkfjty1GKhD+2NqVIHlFyL1k8aOEp9kKhegGWI4xxdjbTIN3pxKHXxz05i0hjWsUSOkUl"
    "U7j1r9iBKyPxk47J+1a3x6t7zCHWeQWQz/1hp8Wm5WWvcwECFa7HpN3qtzs90VjjMOk6Kk"
    "ktkP0SPRea4bl0Z3J9rdn7pnpWOZ5TNkcd2lQ+v0aYqnYKzaOEuPjie1Lh5qx6XkGq+jFP"
    "7/IcCO/SD4R3CZXTNmoSyUMhTKnSmJRN5amc2X7041+VSqrbqCcs9liyX+XCqFwYT+zC6L"
    "9AUT6MwQzf3HHMWmdUrZFKYh1O81ED6OXTWEuaLL1aEwnWym0VinRDpavOfMS8zLL612Jd"
    "psqUbbIIvWu61Uz8K4Gz316ZdXKYdXR0nxaqtlsluyE+FtQFzOnGzXDwa7ff7lwA0zLuMf"
    "uOMWl3R18vgIbpmhcx/9wXv7i7eBmS2ZrQ4lmvZbeXCNmRNBSV3mUkXHXilWoO5A8kqtSU"
    "bQ9KZQ6iiS0LqANSV3jYDjqfHwbPLe/ixjLmWK+iXJwLJrf8yYHzKHflk0pCxIWfAwHKKR"
    "+WU2t6ahnF1Ndf2BcLjUiCoLK93cyWVnjdrQfRMmdM2miJALfvuDkkoOvRQnmyCZ41As14"
    "xJXorylCwpbGA2CfsQYrZNvsY2zwwPgBYDgU2JzricegHeMBB8hTbi4MGZZnS1E/maogTj"
    "9drHLHeA8Nboiwhgrc6ips43p65XF6LCmNO+7Ekc12fvBpfnjHh5LETIQ46oTTPcpxpx/v"
    "gr2fmG7T/HmrDKJhZC3QTzb7+x7x0mLiqIX3ELNxxzqm68TkU7kJVd25kiWHgibU9nAqDd"
    "Kd0Km0pPtHyBPtISn2+9IwdARJihPaQ2L895TRHAvJzZXTMiyXg0EvxKtcdiNRK/3P15ed"
    "4ZMzcfKxRtg1paU4qEHbxov92MYkeuXaU2bmUXMsoVJ2lTJyhv9E2iOlhK6cB0BCMIec4B"
    "siqiGvXnAkh+2YyLrHtiHpvRKjUxM4of7S4zsFVZ5jzHAJsjauEAc6BW19Kiq2NaTpfZux"
    "tMiBTTHkFzRkR+Gw2x41UnaFAtCtl0o9Cm1sIwzBy94C9D/3enK543Z5vfmV7o/s8/aoe0"
    "de/OUc3g7TiThT/ilT9E/HoLCRpBUJt2hm6kX8tpM/eOO8mhFNQ6abDw8943IA2PQDFhZk"
    "4ImseK7ZgsyAn9cXPPGycS/wPbIBMcAU6nzagNZN92mCIuV4z9mVuVul6y6LRqZquaRPxo"
    "QfJZu0hVbscV5Ibc6ZHKKpje68wAKoKhZDxWKoWAwVi1F6zvRklj3PBSyBe906h6VzrQEv"
    "tKOGFnxrbAx5HoZ+1uFAvq/4Db6TbFD3+UfFMJ6KYaxiGhNnqmN7ifxBz+88//my1739yN"
    "ONbPoYk+vWqC2urSDVxJX2oD9qtUciLYlBKFsw/Gq/82Ew6rZGIvEJQQuDYkjd5CfdD33e"
    "2LUGjUmv1b/iv5kUNRP99Qa3ojNRSykquOXiXgtPcCI+VtRXlPLLj5CdLFSisvmSmVhFGF"
    "7IlEE5RKTyYOTJgyEg8zJixqWGDJg9mgOzp5dTFZqEb0LydLEvTZh0YSfp5rOyiITp1EzN"
    "M1MtcWrEcc52mdlS1chsV4THjAsMQ2q1SnRizLA7xyhrN4Ff55rArzMm8Ov4BD7AbUZ5zJ"
    "RWJxP3mJljy+YhmIID3mOwk+jViJd5xBlfz4R3Ef8iO9gRUqV+LcvA50mApNJe/Yijrkwt"
    "dRv1PKaWqJI2rwtshKxGUkhhtsuQKjsnriEaZclSPsWP4lPMZ6H8vFVurzmtr+4iV/bXXf"
    "bX0GaYbIFNPMpOh2zJTrC8wEZP7xSP1/i2WwCyylV7lC+Ho5+JIo65VGqmJaTXbk81wjw0"
    "NdE9IsWk1enco0ryWBLZY8KnUBw0Sc/0fdNaVcIzPcDUHNszPTj/Uh17NtNzl3fPZLsk8o"
    "Tqc6lcxwQBRmStL8DD0gAzPGP/Qtpk/0WkCeaWseJF0LUlELo9QA33Z9Mtdg4BMWhCHp7C"
    "e8/jeRQKzHTrKG5rMzJZeOunogoLqsKCZd7Zj+33wxfeJMvpK8WWEyarX8WQ4pEObTu5Az"
    "EMhbJcTW9DzoHNb69M/XlM/exRyCIwIadyZkqSIJlKSyKRlkQZ4tJnezVNMrnKz2lUNplD"
    "kESZYuILaZ8sL4dndyndmjmuWptuok8OVBHWLsdxM6JYCE2t3YptsbqVUnsHqME9sIAUDs"
    "XpdgTsCUodfzjStTmbdNhHjtQKqawtw00IGVSNcP1JmKWIk6hIrZNGaq3MiXxS6RBRIfJk"
    "DdNKB9JIwz0wDhEpjHdhzL7SkEQ4QKLw3YWvv53vE8/p054urk/DFP+JiKSOpNHujrr/7v"
    "RF2SNOPyaD4YdWv3vbGnUH7LJhLSDBtjACjsltu9vpj7q3vES9hhGh2Kbs6qj1/v0FENmO"
    "x6R1dd1lhHC2wiRq1Hgk1VbpS4WdSLX1Mk9U5sv0qMyXsajM4PSQ2uojdLWDuvjtiGKath"
    "+lieH0uJtQjebxDLP9zOTGVhmEw1QK5p0wT7FFl5M1gglCeXbYZpiyRpq6IkI3hZkAJVZa"
    "+8ftoJ9hW/CJonpurFHwP6Dj45Vea/xt7hC3uNDUwTrFxH7On/d/x5rbGbBykEIqbn8OP7"
    "lu/Ss6vdu9wWVUd807uIyaILzSfpLhAWGqI0306onzgdg6w7E0NLE1JLdZR+nqZxQufr+e"
    "G7puPNgTA0oaLsOEynQpYbo04MRFb78yXDFqFSlcniCyuMlSGarTN7f6GqpF1RMbIbJvxZ"
    "QArVrfZV7fJrTtB8OaTZbQXsqwKzHC2omXR0kKpGKx67afJiyzWCDLI4W2lmzfLDyyNcNl"
    "5fRRbSUD+/CgtjzeFXFG0VcQHBrd5nVTH+AjG8IcWZaCKzdcGsL3DK7HCJ2sImC8Zu+jgF"
    "U2piJfnOmKh0zzyOkDsep4Ha1rOq18oNaM0aFYKwyuvuitpqC5qZRnSMM26/5AyK55ZzUF"
    "ynAoYyK0BDFUBqFBoJcagsQlkwPn0L6h3ZWAZ2lQowB8bng/tQXJsZeTqW5od4cixTq65P"
    "3UGikLsRc+fNWxroZuT3VFyy+4iJLC6iWguuWeejeWMcd6XZmCpBKDBwAWK25Yx+m1SSod"
    "qHRzaGKYmk6v0yJUydkUS6hyKFB5cwxVZT5JRU6FckvP5xNzu3sn4+qnI/phTwPJWLMWsr"
    "DG9eaxaDPvTjMr3gxu2xwz4EwFip0yUOweWbakX3uApIZZdM5fv85jsX39Ot1iy+9FqmCY"
    "UiWdvOY1RPcslz38LMMefha3h/OqEYnlXNIdgwMkp3cLfhy3ksIcgGMW01MGTv/1/5lV1i"
    "M="
)

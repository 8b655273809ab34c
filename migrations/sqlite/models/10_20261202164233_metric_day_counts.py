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
        DROP TABLE IF EXISTS "metric_stale_days";
        DROP TABLE IF EXISTS "metric_day_counts";"""


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
    "kbzzwh0nZMU19P+PzmV9j3JDfYBvPHciR/i3bS3MSWy+nafxRF+9GCagwLLzAJjkNOgOOE"
    "x+LBqgd3wP1bM6wEr9r3PC15ivu3TxGBU2Qyr6B4mgHX1eDzZa8Dboaddve26+kNNmeuuC"
    "k2hj907Jo5h51WL6YRYyhJ6sN8CqVBz6FBtyC5k5XMfJo6eZkUIZjdoXVK9ZV0zWKQphyq"
    "xVrlw7GQju59x5Lcm3SIas+NujqiUhH7NNmEm0sEl+JEgKsvtZzlscSdpVvizmKWuLKndU"
    "qA2rQMtjjRTBLyxs1wcDO45Ymc/B5EGtzOzYhfg5qGTMqvXXXabAvm12ZI43lIS5Lvib0N"
    "nu1ZLD1IqbQ1ZdbWWAjacmlctxS12++OEk6vggvS0a+vSVDlTavbqCdsp7G8af7JJxtSEq"
    "NTISVxqTSku80NbICmTmJ+cZq/mBI8P7qJtGrqpoIsr72OEyp4dwZEuYs+QVEiG6pzYxxP"
    "Y1WCWJ3Q5rg7CiowF0+Hbclmbl5o4+s2N77ebloAxK1tT7VGOXz+7AZ6y20VAHK9w/lijG"
    "mpwvmuEftK7Qqu24YjPiHujhBu0cz0SxBtJzO4Zrg4hEpkEXXTcf5kA0EI5oYlyjtfIvw7"
    "GwXAumwCtyIL4BVZANt2wR1iF6Eo7QwIXiypvga/2QSa9tKgz9yXecYo7d/A78Y0qhM80W"
    "PHRHSNZgDT52MyJi6g9gX4be4QgvTfwBO+ybFXcJUVrF9I3SezJ4GxCAO64Ia2cQP8XTx1"
    "7li8nDUFbGktEBCJ2RjhwxIR4D3taXNMfjORYeqIP0D8Ib7EpsiKPeTvwDJ09FR8nkc1oQ"
    "aFeiLtdC3eArHGxnxM+N+Rnn5hf5sunPwud03yX4w3ZRjr66fPQYs1fgAPmC4F7VXr6+S6"
    "NfzUGYoXIYYPvc3A3DwHYD5aK5MvoefgCrLZB23E1h5eLJBlA56qEmACvMnIIGIfw4cD8M"
    "pha/Yy7CuAtuS1uFwY2JvpMwB1fh1ux4s/68kKLyyRwhicvXj6C7AdbQmg/xpcDAc6vkdA"
    "JKdhI+y+nEsPF2xbSK8v7r6fmJVQbKOBgkP8J49bVBXHKxGduh1KCdcEj0K5JuSxpMAERo"
    "MrAVN0FjAp5Dek+asgyFl229aok172TM42ESKrnYGieIOsZFB6oeHopVr2xUedJljVUk+0"
    "JHua0k/yK5xZcva0n4VJa2hKqa7pxLWYlcWbXfAzt5zXZqJiI1WO3LTII0duWfd8cmQrJG"
    "O4rL1g82fAxkRDnD9/gFsG/cmDhSllMhMTaGYxOYLLKE0hDXIhxdzIDE/jxSlO+eA8OW7C"
    "ooXKaaOkhlLuvUpqKIXUUJIjZOBQochKOjw29zKPDSPY6phZxFTg0ikDl9LTJu32d61CCq"
    "VGazjqtnudyc3n248XwLfFmI69HJPWl9bwatJu9XrsjlhkGtT1KAfyOPsrxTTJypZ+fm0I"
    "yjwcex5fb/I4Pr5J93t8E3N7VJWVSxpJAp0ZRomBJBmjEqApx5DUKm/QapttNO+IBEjUgB"
    "Q+IGUPU0moNWPBOZWEv3E1bL0fXQBBOya37Y+dq8+i9LjNLbKOzsNTbjt91sRGhJa5OPnm"
    "hfdQE0ZpTxKwckoWt+pawtBAs4m4zxhvyVQ8UpnHVxWfVMUnywumKj55HBufCpGrWbCUCp"
    "H7EUc9T4icqrp0ukAYVbemJnVrRLBMgmXJD6JJtyoJ5+ziTUrf+BpfGpYHFp6hlWlQUVQp"
    "yfP328aUsdWN+Cn5Ih25Fz1HvvDF8GG/beJR3GP0MJmxF5WuhKOMXMrIla0p63e40osgrh"
    "H752d2BnYH/QvAHmnzFmMyeP++M7wAxnzubpKPrxETr+KiuefAhHsocZ0Rtj0Pf+22O1xN"
    "ad1jDfFEOx+7nV8710J5yWQvjO7Ryqvn8fhjo0yPR61UNDVmCQxPeq0Xv30twM0SFY5R6o"
    "XChZSB129fDqtVrSy7ZbdaJQyJ6Ux1USdb1nR18/my1739KNKr+X2MyXVr1BbX3BzT7Ep7"
    "0B+12iLlGi/pxBhgfrXf+TAYdVujbv8DP9UXBsWQzYfFmNx2P4hcbDaTjXjLXqt/xX/rkH"
    "0G76/n5nTT9E1OuEc/TsS7TOQzeUXpahcuc5R8Xp6gwZfL3qxVtI9Trjho75PMsHXrpjIU"
    "1GNy0+lficVjIjITC2fY+UfHXWcW+h1ptCyLw4Oax9XKrI0ImVoaeZaGbTiWhia2xnCRAT"
    "tKV2JZozTRZcpmkg59NbXnymbyI456HpsJ+m5i1tseox6mVK4v5Rnk+NqOKtElDtAE0vqd"
    "ocUrisI2A8mlFSNWq6vMq8sbrn2LOCaQ18aPp4iSISErXk7rWohGJT9IcoyCKxPiBZF0lQ"
    "hTKUeJOLAh+3J+nUCAqBbGgsgBm+d8TT9eE8sTRiGP4y3tiDLcdFQxtPP6ooTmWcgPZciO"
    "wWG3PWok7L0FIJvTxaequIbOm91pQv1ttABg24GuqrXx5vafCp850t5TsTS4gSqhYfAvPf"
    "r3n4ZIF8kN03HfVCOtyYwOJ4hw0zefFKiKzM4QTubSoMaB+HBHuxveT50mk5THYtB7RbtD"
    "CeKyj+eAoJHB/rMb1dGmp5pMuz3cOt1ZleLbuZly2Q6ek+0UV5lDKiaTpDtV2pSx2Qskqw"
    "uMkBUjpzwu0JEcmG/z2IjP32ZkwXwbs6YZhPIQ0XR/yRRRO0JXQ6nwCMHa+E+Z8Dm/udIQ"
    "JSgy7pHFXeeS5+xuR5QA+Sl9UFynkYYcxo240wl3S3GdUrgDyq/dzhfufsI1tex39/bTV/"
    "YT23diI5Sd93l2mfQ9JrbD8FM5ubxShttvgKYQe06JtvHirTlMCtLuJsiyknQhGVt4mKx2"
    "nj7HOS85aPt5n4Qolc2szDYz5WOUvsaq6W2Sx8dIvkrdoeXpSje4RaeNMHUDzpCkeTRCpZ"
    "DdHfB82tp0ZQM3r65eqiqdPwuVeWkXrJH1mgztI8WPO/ay5bquNJJUjYHbzUxlI2sY8oHJ"
    "Vx6NWmsAKU8ix8U2kRye98RENRFBC+jSMpzFUtzg2eIJ0uNp6g/pqGDVpsoyz++dIsu8N4"
    "hy8tyGRGnjcmjjmOSbXGYpdYoHKGrjA1cYr8fAWdkLmQm7paid7uEoUUYPiC1xOmGYye7N"
    "UcojecbVdZveDsEcE6hPsuKNkwcgSle7CX8ErabSwfyAOhiPoU1UGGTtcGG6OqkMTrDDZT"
    "qvClyL0C0weWW47a1ig5HfhTU4D8smCl/qhnbXSBGE3ZvNnWLwlLfLX9vNlUrAF9TmBdao"
    "oc+AY4uCyyKThKg2DdklZIEnr16evThjQu2c/Zw1wasXL168BFM4A4aJCJ6B58+fP+V5K+"
    "5ZY4tX1UKzxLJup3hmYnI43qU39gFxjKsNeP1qkbNNuRY9omuREquPn+MrMNklYI6Q1Y5B"
    "Poo1uiIqjNJvGErq+LGljsCxnddGaSv7pIR90rGVIS2HIc0urRHtCq7bvAxyI0V42NzfLT"
    "/M4HoiSirnlCFuAoYuxsG72ywwiDB2XSL8O7eIsU6bouiyG0PYBDy7LoDs/67SjQG+RKyV"
    "vZwaDJCfbGATaNpLg8YFiGM/cEzG5Mu2lDRvR/BiSfU1+M1v9IxD9YwX0f4N/G5M2aM1xE"
    "QWXqh6CVlfiFKdl6SGwg7IexdP5eWp2J9Y18fELT/tyToPS6yjC0+AsZvgDwcjCpaGY7Ef"
    "FtIQw9t++gtryatXP2C6dD/oqvV1ct0afuoMgc1exvuoNZOl2AMMxrKxKdoEtsEIV9i2PW"
    "S4qMVPC6DjewTYSmUCEi+wzd5taTwQwL7gT2QZ6XKUV9TXCwj1OZZILu2DRCllyjyVKVPV"
    "c872jvTqOSdE6Sfz9jvj9FMY/DrIULlEqAwJKipApedvT0a4Cjnb9wS3+Ex98mayGhvIil"
    "e0JMTnp55oSbGoP66gEg6AW5nOnhJ/mLSGIn9FRPxUn/6YRPp4ApRv+kqRnwKWsR3iky+Y"
    "5BKe0kc6ke32jzcNMlFUMOeeRBpltf/b2H56w7SwwcQZN9hskxXOrU/DEzGyQbTZ62xw2j"
    "gtBz+H55MTH+stn4agZV/Hf4AvHzvDji/j/B385AXC/eS67AbeRdMhW2piSUo93aPL/wZ2"
    "4A2+RTmvgC7wP5ECPnIFepSUciopRXGCx8zZ7O8nuY1uPkEN4S3eVYpP6ji66aVI/PblKE"
    "XCH1ubUiSPKLmXLB608BR7oVC9AMsRxjg7m2mQ7nTi0OvjnpxFpDGtYgmdopIp3PpX7MCV"
    "kfhJx+R9q9vj1T3mEOu8Asjn/rDTYtPyste5AIEK12PSbvXbnZ5orHGYdB2VpBbIfomeC8"
    "3wXLozub7W7H1TPasczymbow5tKp9fI0xVO4XmUUJcfPE9qXBzVj2vIFX9mKd3eQ6Ed+kH"
    "wruEymkbNYnkoRCmVGlMyqbyVM5sP/rxr0ol1W3UExZ7LNmvcmFULowndmH0X6AoH8Zghm"
    "/uOGatM6rWSCWxDqf5qAH08mmsJU2WXq2JBGvltgpFuqHSVWc+Yl5mWf1rsS5TZco2WYTe"
    "Nd1qJv6VwNlvr8w6Ocw6OrpPC1XbrZLdEB8L6gLmdONmOPi12293LoBpGfeYfceYtLujrx"
    "dAw3TNi5h/7otf3F28DMlsTWjxrNey20uE7EgaikrvMhKuOvFKNQfyBxJVasq2B6UyB9HE"
    "lgXUAakrPGwHnc8Pg+eWd3FjGXOsV1EuzgWTW/7kwHmUu/JJJSHiws+BAOWUD8upNT21jG"
    "Lq6y/si4VGJEFQ2d5uZksrvO7Wg2iZMyZttESA23fcHBLQ9WihPNkEzxqBZjziSvTXFCFh"
    "S+MBsM9YgxWybfYxNnhg/AAwHApszvXEY9CO8YAD5Ck3F4YMy7OlqJ9MVRCnny5WuWO8hw"
    "Y3RFhDBW51FbZxPb3yOD2WlMYdd+LIZjs/+DQ/vONDSWImQhx1wuke5bjTj3fB3k9Mt2n+"
    "vFUG0TCyFugnm/19j3hpMXHUwnuI2bhjHdN1YvKp3ISq7lzJkkNBE2p7OJUG6U7oVFrS/S"
    "PkifaQFPt9aRg6giTFCe0hMf57ymiOheTmymkZlsvBoBfiVS67kaiV/ufry87wyZk4+Vgj"
    "7JrSUhzUoG3jxX5sYxK9cu0pM/OoOZZQKbtKGTnDfyLtkVJCV84DICGYQ07wDRHVkFcvOJ"
    "LDdkxk3WPbkPReidGpCZxQf+nxnYIqzzFmuARZG1eIA52Ctj4VFdsa0vS+zVha5MCmGPIL"
    "GrKjcNhtjxopu0IB6NZLpR6FNrYRhuBlbwH6n3s9udxxu7ze/Er3R/Z5e9S9Iy/+cg5vh+"
    "lEnCn/lCn6p2NQ2EjSioRbNDP1In7byR+8cV7NiKYh082Hh55xOQBs+gELCzLwRFY812xB"
    "ZsDP6wueeNm4F/ge2YAYYAp1Pm1A66b7NEGRcrzn7MrcrdJ1l0UjU7Vc0idjwo+STdpCK/"
    "Y4L6Q250wO0dRGd15gAVQVi6FiMVQshorFKD1nejLLnucClsC9bp3D0rnWgBfaUUMLvjU2"
    "hjwPQz/rcCDfV/wG30k2qPv8o2IYT8UwVjGNiTPVsb1E/qDnd57/fNnr3n7k6UY2fYzJdW"
    "vUFtdWkGriSnvQH7XaI5GWxCCULRh+td/5MBh1WyOR+ISghUExpG7yk+6HPm/sWoPGpNfq"
    "X/HfTIqaif56g1vRmailFBXccnGvhSc4ER8r6itK+eVHyE4WKlHZfMlMrCIML2TKoBwiUn"
    "kw8uTBEJB5GTHjUkMGzB7NgdnTy6kKTcI3IXm62JcmTLqwk3TzWVlEwnRqpuaZqZY4NeI4"
    "Z7vMbKlqZLYrwmPGBYYhtVolOjFm2J1jlLWbwK9zTeDXGRP4dXwCH+A2ozxmSquTiXvMzL"
    "Fl8xBMwQHvMdhJ9GrEyzzijK9nwruIf5Ed7AipUr+WZeDzJEBSaa9+xFFXppa6jXoeU0tU"
    "SZvXBTZCViMppDDbZUiVnRPXEI2yZCmf4kfxKeazUH7eKrfXnNZXd5Er++su+2toM0y2wC"
    "YeZadDtmQnWF5go6d3isdrfNstAFnlqj3Kl8PRz0QRx1wqNdMS0mu3pxphHpqa6B6RYtLq"
    "dO5RJXksiewx4VMoDpqkZ/q+aa0q4ZkeYGqO7ZkenH+pjj2b6bnLu2eyXRJ5QvW5VK5jgg"
    "AjstYX4GFpgBmesX8hbbL/ItIEc8tY8SLo2hII3R6ghvuz6RY7h4AYNCEPT+G95/E8CgVm"
    "unUUt7UZmSy89VNRhQVVYcEy7+zH9vvhC2+S5fSVYssJk9WvYkjxSIe2ndyBGIZCWa6mty"
    "HnwOa3V6b+PKZ+9ihkEZiQUzkzJUmQTKUlkUhLogxx6bO9miaZXOXnNCqbzCFIokwx8YW0"
    "T5aXw7O7lG7NHFetTTfRJweqCGuX47gZUSyEptZuxbZY3UqpvQPU4B5YQAqH4nQ7AvYEpY"
    "4/HOnanE067CNHaoVU1pbhJoQMqka4/iTMUsRJVKTWSSO1VuZEPql0iKgQebKGaaUDaaTh"
    "HhiHiBTGuzBmX2lIIhwgUfjuwtffzveJ5/RpTxfXp2GK/0REUkfSaHdH3X93+qLsEacfk8"
    "HwQ6vfvW2NugN22bAWkGBbGAHH5Lbd7fRH3Vteol7DiFBsU3Z11Hr//gKIbMdj0rq67jJC"
    "OFthEjVqPJJqq/Slwk6k2nqZJyrzZXpU5stYVGZwekht9RG62kFd/HZEMU3bj9LEcHrcTa"
    "hG83iG2X5mcmOrDMJhKgXzTpin2KLLyRrBBKE8O2wzTFkjTV0RoZvCTIASK63943bQz7At"
    "+ERRPTfWKPgf0PHxSq81/jZ3iFtcaOpgnWJiP+fP+79jze0MWDlIIRW3P4efXLf+FZ3e7d"
    "7gMqq75h1cRk0QXmk/yfCAMNWRJnr1xPlAbJ3hWBqa2BqS26yjdPUzChe/X88NXTce7IkB"
    "JQ2XYUJlupQwXRpw4qK3XxmuGLWKFC5PEFncZKkM1embW30N1aLqiY0Q2bdiSoBWre8yr2"
    "8T2vaDYc0mS2gvZdiVGGHtxMujJAVSsdh1208TllkskOWRQltLtm8WHtma4bJy+qi2koF9"
    "eFBbHu+KOKPoKwgOjW7zuqkP8JENYY4sS8GVGy4N4XsG12OETlYRMF6z91HAKhtTkS/OdM"
    "VDpnnk9IFYdbyO1jWdVj5Qa8boUKwVBldf9FZT0NxUyjOkYZt1fyBk17yzmgJlOJQxEVqC"
    "GCqD0CDQSw1B4pLJgXNo39DuSsCzNKhRAD43vJ/aguTYy8lUN7S7Q5FiHV3yfmqNlIXYCx"
    "++6lhXQ7enuqLlF1xESWH1ElDdck+9G8uYY72uTEFSicEDAIsVN6zj9NoklQ5Uujk0MUxN"
    "p9dpEarkbIolVDkUqLw5hqoyn6Qip0K5pefzibndvZNx9dMR/bCngWSsWQtZWON681i0mX"
    "enmRVvBrdtjhlwpgLFThkodo8sW9KvPUBSwyw6569f57HYvn6dbrHl9yJVMEypkk5e8xqi"
    "e5bLHn6WYQ8/i9vDedWIxHIu6Y7BAZLTuwU/jltJYQ7AMYvpKQOn//p/bHXMqg=="
)

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# Every change that can alter a counted day of the dashboard's funnel (posts, their ticket timeline, accepted
# matches, a deleted ticket) or registrations (people) notes that Beijing day in metric_stale_days, so the day is read live
# until the nightly snapshot-metric-days job counts it again (server/services/metrics/snapshots.py).
STALE_TRIGGERS = """
CREATE OR REPLACE FUNCTION kjy_stale_posts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status
       AND OLD.review_state IS NOT DISTINCT FROM NEW.review_state AND OLD.region_id IS NOT DISTINCT FROM NEW.region_id
       AND OLD.kind IS NOT DISTINCT FROM NEW.kind AND OLD.created_at IS NOT DISTINCT FROM NEW.created_at THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO metric_stale_days (metric, day) VALUES ('funnel', (OLD.created_at AT TIME ZONE 'Asia/Shanghai')::date);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO metric_stale_days (metric, day)
        SELECT 'funnel', (NEW.created_at AT TIME ZONE 'Asia/Shanghai')::date
        UNION ALL SELECT 'funnel', (o.created_at AT TIME ZONE 'Asia/Shanghai')::date FROM matches m
        JOIN posts o ON o.id = m.supply_post_id WHERE m.demand_id = NEW.id AND m.status = 'accepted';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER kjy_stale_posts AFTER INSERT OR UPDATE OR DELETE ON posts
    FOR EACH ROW EXECUTE FUNCTION kjy_stale_posts();
CREATE OR REPLACE FUNCTION kjy_stale_ticket_events() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tid INT := CASE WHEN TG_OP = 'DELETE' THEN OLD.ticket_id ELSE NEW.ticket_id END;
BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'funnel', (p.created_at AT TIME ZONE 'Asia/Shanghai')::date FROM tickets t JOIN posts p ON p.id = t.post_id
    WHERE t.id = tid
    UNION ALL SELECT 'funnel', (o.created_at AT TIME ZONE 'Asia/Shanghai')::date FROM tickets t
    JOIN matches m ON m.demand_id = t.post_id JOIN posts o ON o.id = m.supply_post_id
    WHERE t.id = tid AND m.status = 'accepted';
    RETURN NULL;
END $$;
CREATE TRIGGER kjy_stale_ticket_events AFTER INSERT OR UPDATE OR DELETE ON ticket_events
    FOR EACH ROW EXECUTE FUNCTION kjy_stale_ticket_events();
CREATE OR REPLACE FUNCTION kjy_stale_tickets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'funnel', (p.created_at AT TIME ZONE 'Asia/Shanghai')::date FROM posts p WHERE p.id = OLD.post_id
    UNION ALL SELECT 'funnel', (o.created_at AT TIME ZONE 'Asia/Shanghai')::date FROM matches m
    JOIN posts o ON o.id = m.supply_post_id WHERE m.demand_id = OLD.post_id AND m.status = 'accepted';
    RETURN NULL;
END $$;
CREATE TRIGGER kjy_stale_tickets AFTER DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION kjy_stale_tickets();
CREATE OR REPLACE FUNCTION kjy_stale_matches() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.status = 'accepted' AND (TG_OP = 'DELETE' OR NEW.status <> 'accepted'
       OR NEW.demand_id <> OLD.demand_id OR NEW.supply_post_id IS DISTINCT FROM OLD.supply_post_id) THEN
        INSERT INTO metric_stale_days (metric, day)
        SELECT 'funnel', (p.created_at AT TIME ZONE 'Asia/Shanghai')::date FROM posts p
        WHERE p.id IN (OLD.demand_id, OLD.supply_post_id);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.status = 'accepted' AND (TG_OP = 'INSERT' OR OLD.status <> 'accepted'
       OR NEW.demand_id <> OLD.demand_id OR NEW.supply_post_id IS DISTINCT FROM OLD.supply_post_id) THEN
        INSERT INTO metric_stale_days (metric, day)
        SELECT 'funnel', (p.created_at AT TIME ZONE 'Asia/Shanghai')::date FROM posts p
        WHERE p.id IN (NEW.demand_id, NEW.supply_post_id);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER kjy_stale_matches AFTER INSERT OR UPDATE OR DELETE ON matches
    FOR EACH ROW EXECUTE FUNCTION kjy_stale_matches();
CREATE OR REPLACE FUNCTION kjy_stale_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.role IS NOT DISTINCT FROM NEW.role AND OLD.region_id IS NOT DISTINCT FROM NEW.region_id
       AND OLD.created_at IS NOT DISTINCT FROM NEW.created_at THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO metric_stale_days (metric, day) VALUES ('people', (OLD.created_at AT TIME ZONE 'Asia/Shanghai')::date);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO metric_stale_days (metric, day) VALUES ('people', (NEW.created_at AT TIME ZONE 'Asia/Shanghai')::date);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER kjy_stale_users AFTER INSERT OR UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION kjy_stale_users();
"""


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "metric_day_counts" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "metric" VARCHAR(16) NOT NULL,
    "day" DATE NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "key" VARCHAR(32) NOT NULL,
    "n" INT NOT NULL,
    "computed_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_metric_day__metric_bca68b" UNIQUE ("metric", "day", "region_code", "key")
);
COMMENT ON TABLE "metric_day_counts" IS 'One figure''s count for one Beijing day, region code and key, as the nightly `snapshot-metric-days` job';
        CREATE TABLE IF NOT EXISTS "metric_stale_days" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "metric" VARCHAR(16) NOT NULL,
    "day" DATE NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_metric_stal_metric_c17ed7" ON "metric_stale_days" ("metric", "day");
COMMENT ON TABLE "metric_stale_days" IS 'A counted day that changed since it was counted (written by database triggers only, one row per change).';
        CREATE INDEX IF NOT EXISTS "idx_matches_created_34ce74" ON "matches" ("created_at", "demand_id");
        CREATE INDEX IF NOT EXISTS "idx_users_created_c5cd7c" ON "users" ("created_at", "region_id", "role");""" + STALE_TRIGGERS


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TRIGGER IF EXISTS kjy_stale_posts ON posts;
        DROP FUNCTION IF EXISTS kjy_stale_posts();
        DROP TRIGGER IF EXISTS kjy_stale_ticket_events ON ticket_events;
        DROP FUNCTION IF EXISTS kjy_stale_ticket_events();
        DROP TRIGGER IF EXISTS kjy_stale_tickets ON tickets;
        DROP FUNCTION IF EXISTS kjy_stale_tickets();
        DROP TRIGGER IF EXISTS kjy_stale_matches ON matches;
        DROP FUNCTION IF EXISTS kjy_stale_matches();
        DROP TRIGGER IF EXISTS kjy_stale_users ON users;
        DROP FUNCTION IF EXISTS kjy_stale_users();
        DROP INDEX IF EXISTS "idx_matches_created_34ce74";
        DROP INDEX IF EXISTS "idx_users_created_c5cd7c";
        DROP TABLE IF EXISTS "metric_day_counts";
        DROP TABLE IF EXISTS "metric_stale_days";"""


MODELS_STATE = (
    "eJztXWuT2jjW/isqvkxSRVLpzmWSnt23iqZJwoaGXppMNhu2GGEEeNrIHlvuDrM7//2VZB"
    "t8xwLbbTvaqp00to5sP7qd+/lva6MvkGY975hEVTTUugD/bWG4YX+Eb7VBCxrG/ga7QOCc"
    "E7Wg04hfhHOLmFAh9PoSahailxbIUkzVIKqO6VVsaxq7qCu0oYpX+0s2Vv+w0YzoK0TWyK"
    "Q3vv2HXlbxAn2nnbs/jbvZUkXaIvC26oI9m1+fka3Br/Uxec8bsqfNZ4qu2Ru8b2xsyVrH"
    "u9YqJuzqCmFkQoJY98S02euzt3O/1Psi5033TZxX9NEs0BLaGvF97ny2v9aazYajyey2N5"
    "nNWgIAKTpm4NJXtfjXr9grPDs/e/Xzq7cv37x6S5vw19xd+fkv59F7YBxCDs9w0vqL34cE"
    "Oi04xntQ0XeCTAy1WRy63TU04+ENkYVwph8QxtlD1Qe0C2NFcN7A7zMN4RVZ059vXqWA+m"
    "tn3P3YGT958+ope6BOV4KzRIbunXN+i+G+x5moxFlhWRHeERyFbWQSexf26O5Xbunwnp2/"
    "zYAvbZUIML8XRNiyNxtobkUw9pGUh3KrVQrGL1+8yIAxbZWIMb8XxHiuL2IAntDdIB5gr3"
    "0D0E0Bc9L714T1vLGsPzQ/hk+uO//i8G627p3BaPjBa+7DvDsYXYagtk1NZCq7zRsAdHAa"
    "v840jV+nTOPX0WlMdENVrCi8/7gdDRN24x1FCOGFqhDwP6CpVoS1yA3pvy1trDAYwdxWNa"
    "Ji6zl73v89wlRnCKVP9fCsZpDpFlmZvBfeQXiqow0yKXDKdiY+MHG0cohyHyJLt01FiH/Z"
    "UzRuT8qfOzTRir7RzFJ0QwjkMF1RUEc48dbrsxf0fyXhnQXuZLTDYBv2nK7NNVrMIImCfU"
    "WBIuoGxQMepg1vNS7xc++POrLqJoKLEda27rinMT79697tpHN9E9hvrjqTHrtzHuB8vKuR"
    "kdp1Ar70Jx8B+wn+PRr2wtvSrt3k3y32TtAm+gzrDzO48E1R76qHWpCnMti4HDPuQUo56l"
    "UZdQ8j37Dzt2dKpOWdT+PBLsyhcvcAzcUscMenDoNEWaMY9uPSJXz/aYw0yKGNzgJXmXbN"
    "OjlC+/HI4/+XN+O9q34k9XM9Ccrorc35JnwFYrjin8SezZ7kYtWFGwOqK9yKUUru7rXTtJ"
    "KK20qqJZullrQUCoYQu+kR5MMCVUgX+fI8ix7nPFmNcx5mgLBOhLD12jeOkT/PpFw4T1Eu"
    "nEeVCwo9SY9jMoKUksmoCpORhbX0xm6+jbWkJB4IEbrDZ0P1mYl8ToeIeCxmogoQNdCIkr"
    "NUbBG4XIrNXT+JnLbOtI0IHuFZHMX3vW4iysJ+QlsOc5++E8SxqjOXNR7vOqrZBE4SMuhl"
    "Ez7seOvg0qV/0K9GhCMwpvv0uN+dtKJzNwdgP1voGMN1TVD1L9cAqPQFwPDzYNBKONEksg"
    "eQjRziCfBmUUIwvuREFcSNnsnSUROwi9VArCG5RpYF+dYfVUL4brdT9RC04WzjtKyYLuJS"
    "Xf0o6oh35+cvX/58/uLlm7evX/388+u3L3ZHePRW2ll+2f/AjvMA75RBaYHox5szUxfz9A"
    "mRNZBVPcvCq54lM6tnEW51Y60chARw9tOUqMog6DspR52RP8zeu2f19/HaN0BTVLa/zwYt"
    "VCgo4vppGgB5GU6CtfBjqPHGLLWfydA3V/tpIkU1VISJmAIpTCaVSFHdp8sdiinm/DRHgV"
    "q5tZMzqkRV7pDgbA3QSFQPKzwdwHLQHk12HdUM4KwKpMDUCiiPup3bbueq14rZE8pTy9UV"
    "1sA+eBjW3XEkFZ4HFfTBg1tY31mkTu9KVybI3DgbVUiht7vXTtPmUaBmZNfskCavNcIIUB"
    "J7QwH5yQIPurkARL9D2AJPLAMq6NnvuorR4mkbWDqAgPJdBJoEuBo98OrFC3C364F2oNIZ"
    "ZRPa7hnvRrXomD1vhUawxMdKjWRNNZJsIoupFPYU0pEqJOxGHamcZfJn3FGcEtjpJ2qgTq"
    "EAmNF3MltDay0Es5+ogTDnr7phB0iM5TFZ27sjaAS8ZSt8paYseaY3S1MmEIxQJF/c28zR"
    "YuHgHmGM9zdTOWPkNTuONb5HCtFNsDT1DdDpLYQV+gwTPFlqOiRnb8B8S5D19Bcft0pvLC"
    "xA2U7WPUb3tDVlUB1C6yBTXMgDY9jhbz7GyX1G6z+SR5Y8ch1224LZN289CCDsI2kgxAVk"
    "l5EcchkcsnOaxG3WGJrbeJT3NCGI+clTQ5DTNmA3m8COD6NYXvaHnfHXeEb5Mib7wOXXSa"
    "8jWWXJKj8uq+xmFYlnlb2bB1hlp5laNYfQH4WvLCw4VV1Q4UKld4R4miBV47Sr+TM1VPTC"
    "JMXLs4ftTcQaF2QjAz1UmcVpvR+MRle0L03XF1Pc64wnH//5ufOpdwEQFUrXf9jwDk3xoD"
    "O8uh30r+hlDeKFpdFJRVvf0CvX/S5ta9ALG1WZ4k63Sy8OJxcAKgqfelP8pT+4et8fU+IH"
    "VVssVZPS3k5G4+sLYFEeZTPFo8nH3vgC6HybqQTLZTEBXCUJaf0OTwE/faUnwLhHh99EdP"
    "BH487wAx0kChBe0SH62hsMRl8uwBZpmv4wxZeDz/TuXLPRMUOUxaky2aUy4lC5puyHporF"
    "6vtpqjwmx+6EWYLK3yTHlL+JhJSr7Gm24kX9ZD5xgmSN8xAuJHzfjT3k2r4o2MmJ6MJ0Mg"
    "ldusXkiCR09Olx7mTpEuCOqIHCX02EPQ+TVBdi9N2gDIl1hIwfpJTDXOlhdtPIz9Q4U3Py"
    "7hoik5tr7psr5Z+JHTMmGdnsHXV5KSghHY57JIh/q9Od9H/tMbGIUU9xtzPsUgabcd8K+z"
    "RNQ4tqiD5S65kMfbO0njJHZZNHPeZcdN9epo96jLAUmdjkURKbYJ2ycKdmV93ZXoa8txpu"
    "Yo+S5iQMW5pVa4/sYdvWduYb1WzeYN3ODXATpQB9CSAGu84umNcVgBoySRsgqKyBc6S1+X"
    "WHO/sFqMSi/eNnLFRhqa5sM8kNrLAnSXtctexx9UkGUpoOOmctv8wYW6TKmUC6KxEkFIvs"
    "IykvFPlFpTeIPaD0i2whOPcEEswwmDY22QnJPzU7oiEqCWskrwPRDUNokvooJJxhOCmfRt"
    "m02SZGvkgENEAjIU2AlKl2hQ7/MF15GuGFjkX1wdXgr1zIFNu04v2Lk4NBIqSNmcilxIVE"
    "xsA2iH7UCHiEEv+T8NcQtNDMxkSNqX+ZrgCP7yEHRXg1tXc11HtHzR3umC1VfGxJtvge5K"
    "hXedSlaTN5862nkUvWSHlkbn2vkhfCNkwm89odNiAifwDQifbDQDBRzWDOakUMz7HDmdik"
    "ibZEE22Rhsc+nus2XqSUWAi1aKeZHVWnbXmFFr611hAvtB2/gVnINCQEbQz2r5PiQeZ0qF"
    "5OB7SwjdkdSggbih+CAFHj4vPeZfFPfJfsn/gu4p+oGwiLJc7YU5SmE6xx/OMd/SwRdL32"
    "DTRn5+9cy0NDRdDdERwFb8WYi6JTvtDHkVh8k5PJ+Uga4DWQJrXL6iFl7BhFVA8x4JZlB4"
    "uCnBy44iOpRtAKe2xjglZMpCD1/ihFYohUahLrpEkMSmUiwx6klFaCKlsJXEE7xqXjdgM1"
    "LVGW9tM1xhr78vznNzsZmv1Ik5pvrzuDQVRHHFZfCK6dGHK5gKq8gBQN0jE4yswWoJSjXO"
    "VR1qBFZsg04zyHkrn/IFXj+P/cHLUrkpHuGhJl3YrRnzs32mlq8w1rUoS2/Bslpm+8cIVI"
    "yzYMbTtj85tdod8T32AfzB/Jkfwt3El7F1vOuwua//ediynifxQtfGERN7qprlTsH6SMAE"
    "cJi2LQ6ge3zzdc0c0Yl9v3LGd5gm+4RxGCk6c5r6HsmgLX1ejz5aAHbsa9bv+27yoVdgcy"
    "v8l3jT801bGBjnudQURdRlESVJZ5FFK9nkG9bkJ8Jyq2eTRNckHJQ2q7Q9uE0izJakc/TT"
    "X0jo1KlmMiDd17XieZN+kA1ZEbdX3kqDz2abyLRReIPFXLLtddmkkjk0UjxaARSa5a8ZxP"
    "MVAbpk4XJ1oIQt66GY9uRrcsy5PXA8+R27uZsGtQUZBB2LWrXpduwezaAiksSWlFkkHRt1"
    "EXR6lygpRSlVNlVQ6Vbi2xHK97isbtd4XE2svIg2T0m2svlEnVmjbqMdtpJKmad/KJxptE"
    "6GS8SVQqDSh2MwPro2mSmJ+f5i+iIc+ObiytnLqJIItrr6OEEt6D0VLOoo9RlIjG8dzoxW"
    "msKhDIE9gcD4dI+eZiedhWbOZmhTa6bjPj6+6mOUDc2ffUaJSD589hoPfcVg4gNzvWL8KY"
    "VirW7xrRr1Su4Lar2/wTor4KwRbtVKcF3na2gFuKi42JQIpRJ1fnTxbghGCpm7z28yVSf6"
    "ejAGiXbeCUawGsXAug2y64Q/Qi5HWfAVZXa6JtwW8Whoa11skz52WeUUrrN/C7Pg/rBEt6"
    "7BTzrtECqOT5FE+xA6h1AX5b2hgj7TfwhG1y9BUcZQXtFxLnyfRJYMpjhC6YoW3aAn/nT1"
    "3aJqt1TQBdWisEeNY2SviwRhi4T3vanuLfDKQbGmIP4H/wL7EIMiMP+TswdQ095Z/nUs2I"
    "TqAWSzvf8rdAtLG+nGL2d6inX+jfhgMnu8v8lrwXY00pxtr26XPQoY0fwINK1pz2qvN1dt"
    "0Zf+qN+Ytg3YPeomDungNUNlobgy2h5+AK0tkHLUTXnrpaIdMCLI8lUDFwJyOFiH4MGw7A"
    "yopt6cvQrwDKmhXqcmCgb6YtANTYdbgfL/asJxt1ZfL8xuDsxdNfgGUrawC912BiONDUew"
    "R45ho6ws7LOfRwRbeF5OLjzvvxWQn5NuqrRsR+sqBGWY68FqGr+6EUcE1wKaRrQhZLCoxh"
    "NJgSMEFnAePigQOavxqCnGa37Ux6yTXRxGwTAbLGGSjyN8gKRqznGqteqWWff0hqjFUt8U"
    "SLs6dJ/SS7wpgl+0j7WZC0gaaU+ppOHItZVVzdOT9zy3htKiq2EuXIXYsscuSedc8mR3YC"
    "MobD2nM2fwEsFSuI8ecPcM+gP3kwVUKozEQFmkVEjmAySptLg0xIMXYyw9No5YoyH5wlAU"
    "5QtJAJb6TUUMm9V0oNlZAaKnKEjGzCFVlxh8fuXuqxoftbFZliTAYulRm4lJxT6bC/ax3y"
    "K7U640m/O+jNbj7ffrwAni3GsK31FHe+dMZXs25nMKB3+CJToKaFOZDH2V+JSuKsbMnn14"
    "6gysNx5PH1Jovj45tkv8c3EbdHWXa5opEk0F6oKDaQJGVUfDTVGJJGJRXa7FORZh0RH4kc"
    "kNwHpOphKjGFaEy4JILwt67GnfeTC8Bpp/i2+7F39ZnXJbeYRdbWWHjKbW9Im1gIkypXLt"
    "+98BFqwjBtKQErZbK4ddcSBgaaTsRjxnhPJuORqjy+sjKlrExZXTBlZcpibHwyRK5hwVIy"
    "RO5HHPUsIXKyJFN5gTCyqE1DitrwYJkYy5IXRJNsVeLO2fmblL6xNb7WTRcsdYE2hk54xa"
    "U4z99vO1PGXjfi5esLdeRcdB35gheDh/2+iUtxr6KH2YK+qHCZHGnkkkaudE3ZsMeUXhgx"
    "jdg/P9MzsD8aXgD6SIu1mOLR+/e98QXQl0tnk3x8jRh/FQfNIwcm2EOFi5DQ7Xn8a7/bY2"
    "pK815VEEu087Hf+7V3zZWXVPZS0T3auMU+Hn9spOmx0DJGc30Rw/AkF4Lx2jcC3DRRoYg6"
    "MASuhAy8XvtqWK0aZdmtutUqZkgMe67xItqipqubz5eD/u1Hnl7N62OKrzuTLr/mJKCmV7"
    "qj4aTT5SnXWL0nygCzq8Peh9Gk35n0hx/Yqb7SiQrpfFhN8W3/A8/FZlHZiLUcdIZX7LcG"
    "6Wew/gZOTjdF2+WEe/TjhL/LTDyTV5iuceEyheTzcgUNtlyOZq3CfZS54qB1TDLDzq2Typ"
    "BTT/FNb3jFF4+B8IIvnHHvHz1nnZnod6SQqiwOF2oWVyuyNkJkcmlkWRqWbpsKmlkKxUUE"
    "7DBdhWWNykSXSZtJMvT11J5Lm8mPOOpZbCbou6HS3o4Y9SCldH2pziBH13ZYiS5wgMaQNu"
    "8MzV9RFLQZCC6tCLFcXVVeXe5wHVvhMYa8MX48eZQMCVjxMlrXAjQy+UGcYxTcGFBdYUFX"
    "iSCVdJSIAhuwL2fXCfiIGmEsCB2wWc7X5OM1tnZhGPIo3sKOKONdRzVDO6svSmCeBfxQxv"
    "QYHPe7k1bM3psDshldfOqKa+C8OZwm1NtGcwC26+uqXhtvZv+p4Jkj7D0VSYPrKyEaBP/S"
    "pX//aYw0ntwwGfddqdKGzOhggggnfXOpQNVkdgZwMtY60U/Ehzna3bB+mjSZhDwW/d4ryh"
    "2KEZc9PEcYTXT6n8OoTnY9NWTaHeHW6cyqBN/O3ZRLd/Cc7ae4zBxSM5kk2anSIpTNXiFR"
    "XWCILB855XGBDuXAfJvFRnz+NiUL5tuINU3HhIWIJvtLJojaIboGSoUFBGurf4qEz3nNpY"
    "YoRpFxj0zmOhc/Zw87ovjIy/RBcZxGWmIYt6JOJ8wtxXFKYQ4ov/Z7X5j7CdPU0t/9209f"
    "6U/VuuMboei8z7LLJO8xkR2Gncrx5ZVS3H59NLnYcyq0jedvzaFSkHI3Q6YZpwtJ2cKDZI"
    "3z9CnmvGSgHed9EqCUNrMq28ykj1HyGqunt0kWHyPxKnWnlqer3ODmnTbC0HS4QILm0RCV"
    "RPZwwHO5temqBm5WXb1QVTpvFkrz0iFYQ+s1HtpHih+3rXXHcV1pxakafbfbqcpG2jDgA5"
    "OtPBoxtwASlkSOiW08OTzriYpqPIIWkLWp26s1v8GyxWOkRdPUn9JRzqpNmWWe3Ssjy7w7"
    "iGLy3I5EauMyaOOo5BtfZilxivsoGuMDlxuvR8HZWCuRCbunaJzuoZAoowdElziZUcxE9+"
    "YwZUGecU3dpvdDsFQx1GZp8cbxAxCma9yEL0CrKXUwP6AOxmVoYxUGaTtckK5JKoMSdrhU"
    "51WOax66BSqvjPe91Wwwsruw+udh1UThS01X7loJgrBzs31QDJ6zdtlruzlSCfiCuqzAGt"
    "G1BbAtXnCZZ5Lg1aYhvYRM8OTVy7MXZ1SoXdKfizZ49eLFi5dgDhdANxBWF+D58+dPWd6K"
    "e9rYZFW10CK2rFsZz4xNDse6dMfeJ44xtQGrX81ztknXokd0LZJidfE5vnyTXQDmEFnjGO"
    "RCrNE1UWFUfsOQUsePLXX4ju2sNkpL2icF7JO2JQ1pGQxpVmWNaFdw22VlkFsJwsPu/mH5"
    "YQG3M15SOaMMceMzdFEO3tlmgY65sesSqb8zixjttM2LLjsxhG3AsusCSP/vKN0o4GtEW1"
    "nruU4B+ckCFoaGtdZJVIAo+oFTPMVf9qWkWTusrtZE24LfvEbPGFTPWBHt38Dv+pw+WkFU"
    "ZGGFqteQ9oUI0VhJasjtgKx3/lRWnor+qWraFDvlp11Z52GtaujCFWCsNvjDVhEBa9026Q"
    "8TKYjibT39hbZk1asfVLJ2Puiq83V23Rl/6o2BRV/G/agtlaXoA3TKstEp2gaWTgk3qmW5"
    "yDBRi50WQFPvEaArlQpIrMA2fbe1/oAB/YI/kakny1FuUV83INTjWEK5tE8SpaQpsyxTpq"
    "znnO4d6dZzjonSj+ftD8bpJzD4TZChMolQKRJUWIBKzt8ej3AdcrYfCW7+mfrEzWQNNpDl"
    "r2iJic9PPNHiYlF/XEElGAC3MewjJf4gaQNF/pqI+Ik+/RGJ9PEEKM/0lSA/+SxjB8QnTz"
    "DJJDwlj3Qs2+0dbwqkoihnzl2JNMxq/7e1//SWYao6FWecYLNdVjinPg1LxEgH0aKvs8Np"
    "57Ts/xyWT45/rLt8WpyWfh37Ab587I17nozzd/CTGwj3k+Oy63sXRYN0qfElKfR0ly77G1"
    "i+N/gW5rx8usD/hAr4iBXokVJKWVKK5ASLzNns7SeZjW4eQQPhzd9Vik3qKLrJpUi89tUo"
    "RcIe25hSJI8ouVcsHjT3FHuBUD0fyxHEOD2bqZ+uPHHodbEnZx5pTOtYQievZAq33hXLd2"
    "XCf5Ipft/pD1h1jyVUNVYB5PNw3OvQaXk56F0AX4XrKe52ht3egDdWGEyahipSC+S4RM+5"
    "Zniu3JncXGv2sameZY7nhM1RgxYRz68RpGqcQrOQEJe6+OfVVmns6UfiKmOnFUzzUzWPO3"
    "2XBed3yTi/S8T5CK1ygFLmiamaTll6C/7o/JWsRdW0UY9Z7JFsytJHVPqIluwj6r1AXk6i"
    "/hTqzDPP3KaUBRLKEh7Mo9IA6MXzhAvahN1iHjHm4H2Zj2RLsKMvfsTE16IK7nx90qqUzj"
    "MPxXayWZL/K4Cz117azTLYzTR0n6RrOKzz3hEXBXUOc7p1Mx792h92exfAMPV7lX7HFHf7"
    "k68XQFHJllWJ/zzkv5g/fhWyBRvQZGnFRbeXEFlBGopa7zICvlDRUkAn8gcCZYCqtgclMg"
    "fhzKE5FFppKjx0B10uT4PnlnVxY+pLVaujXJwJJqe+zInzKHNpmVpCxISfEwHKKB9WU2ta"
    "toxiaNsv9Iu5RiRGUNnfbqdLK6yw2QNvmTHob7JGgBnQnCQd0HEZIiybB0vLgRYspI331+"
    "Yxd2v9AdDP2IINsiz6MRZ4oPwA0G0CLMb1RIP8injACfKUk2xEhOXZUzRPpsqJ008Wq5wx"
    "PkKDGyBsoAK3vgrbqJ5euvQWJaUxz6gosuneJR7ND+9ZUpGglABHHXO6hznu5OOds/czw2"
    "maPTGYjhUVmSv0k0X/vkesdhs/auE9VOm4q5pKtrHZvTITysJ+Fcu+BQ2oHOG166cr0Wu3"
    "ovtHwNXvIS64/lLXNQRxgpffQ2yA/ZzSFIXk7kq5DMvlaDQI8CqX/VBY0PDz9WVv/OSMn3"
    "y0keqY0hI8AKFlqavj2MY4eunaU2XmUbFNrlJ2lDJihv9Y2oJybtfOAyAmWkZM8A0QNZBX"
    "zzlUxrINZN6rli7ovRKhkxM4psDV4zsF1Z5jTHEJMneuECc6Be19Kmq2NSTpfduRvNO+TT"
    "HgFzSmR+G43520EnaFHNBtlko9DG1kIwzAS98CDD8PBmLJ+Q55vY0wmuj0PwX7vD3q3pEV"
    "fzGHt9N0Ivacfcoc/dPWCWzFaUWCLdqpehGv7ewP1jirZkRRkOEkHETPmBwAdv2AlQkpeD"
    "ztoGO2wAvgJU4GT9x05yv1HlkA62AONTZtQOem/zRGkVLccw6lRpf50Kuikalbsu7SmPBC"
    "0nWbaEMf58YsZ5zJAZrG6M5zrDArYzFkLIaMxZCxGJXnTEuz7LkuYDHc6945LJlr9XmhFR"
    "pa8K21M+S5GHppnX0J1aI32E6yQ93jHyXDWBbDWMc8MfZcU6018gY9u/P858tB//Yjy+ey"
    "62OKrzuTLr+2gUThV7qj4aTTnfC8LzomdMGwq8Peh9Gk35nwzDIYrXSiQuJkl+l/GLLGjj"
    "Voiged4RX7TaWoBe9vMLrlnfFiVWHBLRP3mnveAP6xvIClkF9+iKy0UInaJqSmYhWmeCFD"
    "BOUAUeOSYBSSaIRD5qYcjUoNKTC7NCemp6+mKjQO35js9HxfmlHpworTzadlEQnSyZmaZa"
    "aa/NSI4pzuMrOnapDZLg+PGQcYitRmE+vEmGJ3jlA2bgK/zjSBX6dM4NfRCXyC24z0mKms"
    "TibqMbNUTYuFYHIO+IjBjqOXI17lEad8PRXeefyL6GCHSKX6tSoDnyUBkkx79SOOujS1NG"
    "3Us5hawkrarC6wIbIGSSG52S4DquyMuAZopCVL+hQ/ik8xm4Xi81a6vWa0vjqLXNpfD9lf"
    "A5thvAU29igrD9mKnWBZgQ2f3gker9FtNwdkpav2JFsORy8TRRRzodRMa0iunZ4ahHlgaq"
    "J7hPNJq9O7R7XksQSyxwRPoShogp7px6a1qoVnuo+pKdoz3T//Eh17dtPzkHfPbL8ksoTq"
    "M6lcUzEClMjcXoCHtQ4W6oL+C0mb/hfhNlia+oZVmVfWgOv2ANGdn22nmjwEWCcxeXhy7z"
    "2L51EgMNMpVLkvfkll4b2fiqzcKCs3VnlnL9rvhy28WZrTV4ItJ0jWvIoh+SMd2HYyB2Lo"
    "EmWxoum6mAOb116a+rOY+umjkIlhTE7l1JQkfjKZlkQgLYk0xCXP9nqaZDLV91OIaDIHP4"
    "k0xUQX0jFZXk7P7lK5NVOsWpvsok9OVBE2LsdxO6RYCEytw4ptvrqlUvsAqP49MIcUDvnp"
    "djjsMUodbziStTm7dNgFR2oFVNam7iSE9KtGmP4kyFJESWSkVqmRWhtjJp5UOkCUizzZwL"
    "TSvjTS8AiMA0QS40MY06/UBRH2kUh8D+HrbefHxHN6tOXF9SkqUf9EWFBH0ur2J/1/94a8"
    "7BGjn+LR+ENn2L/tTPojelk3VxCrFjcCTvFtt98bTvq3kwtgKSrCRLUIvTrpvH9/AXi24y"
    "nuXF33KSFcbFQcNmo8kmqr8qXCSlJtvcwSlfkyOSrzZSQq0z89hLb6EF3joM5/OyIqSdqP"
    "ksRwUuwm1KB5vFDpfmYwY6sIwkEqCfNBmOeqSdazLYIxQnl62GaQskGaujxCN7mZAMVWWv"
    "vH7WiYYlvwiMJ6blUh4H9AU4srvdb629LGTnGhua1qRMXWc/a8/ytqbqfAykAKqLi9Ofzk"
    "uvOv8PTuDkaXYd016+AybIJwS/sJhgcEqQqa6PUT532xdbptKmhmKUhssw7TNc8onP9+vd"
    "Q1TX+wZjoUNFwGCaXpUsB0qcOZg95xZbgi1DJSuDpBZFGTpTRUJ29uzTVU86onFkL42Iop"
    "Plq5vqu8vg1oWQ+6uZitobUWYVcihI0TLwtJCiRjsZu2n8Yss0ggyyOFtlZs38w9sjXFZa"
    "X8qLaKgX16UFsW74ooo+gpCE6NbnO7aQ7woQ1hiUxTwpUZLgWp9xSuxwidrCNgrGbvo4BV"
    "NaYiW5zphoVMs8jpE7HquR1tGzqtPKC2lNEhqpIbXEPeW0NBc1IpL5CiWrT7EyG7Zp01FC"
    "jdJpSJUGLEUBGERr5eGggSk0xOnEPHhnbXAp61TvQc8Llh/TQWJNtaz+aartydihTt6JL1"
    "02ikTERf+PRVR7saOz01FS2v4CKKC6sXgOqWeerdmPpS1ZrKFMSVGDwBsEhxwyZOr11SaV"
    "+lm1MTwzR0epWLUC1nUyShyqlAZc0xVJf5JBQ5FcgtvVzOjP3uHY+rl47ohz0NBGPNOshU"
    "FaY3j0SbuXfaafFmcN+myIAzGShWZqDYPTItQb92H0kDs+icv36dxWL7+nWyxZbdC1XBMI"
    "RKOrnNG4juWSZ7+FmKPfwsag9nVSNiy7kkOwb7SMp3C34ct5LcHIAjFtMyA6f/+n+WM1hQ"
)

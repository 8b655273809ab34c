from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "articles" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "external_id" VARCHAR(64) UNIQUE,
    "title" VARCHAR(128) NOT NULL,
    "summary" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "url" VARCHAR(500) NOT NULL,
    "topics" JSONB NOT NULL,
    "emergency_topics" JSONB NOT NULL,
    "source" VARCHAR(64) NOT NULL,
    "region_scope" VARCHAR(6) NOT NULL,
    "published_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_articles_region__44104a" ON "articles" ("region_scope");
CREATE TABLE IF NOT EXISTS "inbound_messages" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "dedup_key" VARCHAR(96) NOT NULL UNIQUE,
    "openid" VARCHAR(64) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "event" VARCHAR(32),
    "content" TEXT NOT NULL,
    "media_id" VARCHAR(128) NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ NOT NULL,
    "handled_at" TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS "idx_inbound_mes_openid_24c303" ON "inbound_messages" ("openid");
CREATE TABLE IF NOT EXISTS "regions" (
    "code" VARCHAR(6) NOT NULL PRIMARY KEY,
    "name" VARCHAR(64) NOT NULL,
    "level" VARCHAR(8) NOT NULL,
    "parent_code" VARCHAR(6)
);
CREATE INDEX IF NOT EXISTS "idx_regions_level_39138d" ON "regions" ("level");
CREATE INDEX IF NOT EXISTS "idx_regions_parent__22f669" ON "regions" ("parent_code");
COMMENT ON COLUMN "regions"."level" IS 'PROVINCE: province\nCITY: city\nCOUNTY: county';
CREATE TABLE IF NOT EXISTS "users" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "mp_openid" VARCHAR(64) UNIQUE,
    "oa_openid" VARCHAR(64) UNIQUE,
    "unionid" VARCHAR(64) UNIQUE,
    "role" VARCHAR(16) NOT NULL,
    "name" VARCHAR(32) NOT NULL,
    "organisation" VARCHAR(64) NOT NULL,
    "title" VARCHAR(32) NOT NULL,
    "discipline" VARCHAR(32) NOT NULL,
    "interests" JSONB NOT NULL,
    "campaign_id" INT,
    "source_scene" VARCHAR(32),
    "follows_oa" BOOL NOT NULL,
    "oa_followed_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_seen_at" TIMESTAMPTZ,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "region_id" VARCHAR(6) REFERENCES "regions" ("code") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_users_role_35db31" ON "users" ("role");
CREATE INDEX IF NOT EXISTS "idx_users_campaig_48c1a8" ON "users" ("campaign_id");
COMMENT ON COLUMN "users"."role" IS 'CITIZEN: citizen\nORGANISATION: organisation\nSCIENTIST: scientist\nSTAFF: staff\nADMIN: admin';
CREATE TABLE IF NOT EXISTS "campaigns" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "scene" VARCHAR(32) NOT NULL UNIQUE,
    "note" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "created_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "region_id" VARCHAR(6) NOT NULL REFERENCES "regions" ("code") ON DELETE RESTRICT,
    "staff_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE TABLE IF NOT EXISTS "posts" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "offer_type" VARCHAR(16),
    "title" VARCHAR(64) NOT NULL,
    "body" TEXT NOT NULL,
    "tags" JSONB NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "close_reason" VARCHAR(200) NOT NULL,
    "review_state" VARCHAR(16) NOT NULL,
    "review_note" VARCHAR(200) NOT NULL,
    "source_scene" VARCHAR(32),
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ,
    "author_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "campaign_id" INT REFERENCES "campaigns" ("id") ON DELETE SET NULL,
    "region_id" VARCHAR(6) NOT NULL REFERENCES "regions" ("code") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_posts_kind_0e6af5" ON "posts" ("kind", "status", "id");
CREATE INDEX IF NOT EXISTS "idx_posts_author__f3ea3f" ON "posts" ("author_id", "id");
CREATE INDEX IF NOT EXISTS "idx_posts_region__64e2c6" ON "posts" ("region_id", "id");
COMMENT ON COLUMN "posts"."kind" IS 'NEED: need\nQUESTION: question\nOFFER: offer';
COMMENT ON COLUMN "posts"."offer_type" IS 'SERVICE: service\nACHIEVEMENT: achievement';
COMMENT ON COLUMN "posts"."status" IS 'PUBLISHED: published\nMATCHED: matched\nCONTACTED: contacted\nNEGOTIATING: negotiating\nSIGNED: signed\nLANDED: landed\nCLOSED: closed';
COMMENT ON COLUMN "posts"."review_state" IS 'PASSED: passed\nPENDING: pending\nREJECTED: rejected';
CREATE TABLE IF NOT EXISTS "matches" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "origin_post_id" INT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "method" VARCHAR(16) NOT NULL,
    "rank" SMALLINT NOT NULL,
    "keywords" JSONB NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "decided_at" TIMESTAMPTZ,
    "reason" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "decided_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "demand_id" INT NOT NULL REFERENCES "posts" ("id") ON DELETE CASCADE,
    "supply_article_id" INT REFERENCES "articles" ("id") ON DELETE CASCADE,
    "supply_post_id" INT REFERENCES "posts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_matches_demand__db6f4a" UNIQUE ("demand_id", "supply_post_id"),
    CONSTRAINT "uid_matches_demand__288ba0" UNIQUE ("demand_id", "supply_article_id")
);
CREATE INDEX IF NOT EXISTS "idx_matches_origin__e02f01" ON "matches" ("origin_post_id");
COMMENT ON COLUMN "matches"."status" IS 'PROPOSED: proposed\nACCEPTED: accepted\nDECLINED: declined';
CREATE TABLE IF NOT EXISTS "push_requests" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(32) NOT NULL,
    "cause" VARCHAR(64) NOT NULL,
    "data" JSONB NOT NULL,
    "priority" SMALLINT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "due_at" TIMESTAMPTZ NOT NULL,
    "attempts" SMALLINT NOT NULL,
    "last_error" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_push_reques_kind_20230a" UNIQUE ("kind", "cause", "user_id")
);
CREATE INDEX IF NOT EXISTS "idx_push_reques_status_7c9510" ON "push_requests" ("status", "priority", "due_at");
COMMENT ON COLUMN "push_requests"."status" IS 'PENDING: pending\nSENDING: sending\nSENT: sent\nFAILED: failed\nUNREACHABLE: unreachable\nCANCELLED: cancelled';
CREATE TABLE IF NOT EXISTS "staff_profiles" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "capacity" SMALLINT NOT NULL,
    "away" BOOL NOT NULL,
    "last_assigned_at" TIMESTAMPTZ,
    "region_id" VARCHAR(6) NOT NULL REFERENCES "regions" ("code") ON DELETE RESTRICT,
    "supervisor_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "user_id" INT NOT NULL UNIQUE REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "staff_profiles" IS 'A concierge''s coverage and availability.';
CREATE TABLE IF NOT EXISTS "tickets" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "status" VARCHAR(16) NOT NULL,
    "plan_step" VARCHAR(200) NOT NULL,
    "plan_due" DATE,
    "close_reason" VARCHAR(200) NOT NULL,
    "rating" SMALLINT,
    "rating_comment" VARCHAR(500) NOT NULL,
    "assigned_at" TIMESTAMPTZ,
    "first_contact_at" TIMESTAMPTZ,
    "stage_since" TIMESTAMPTZ NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "concierge_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "poster_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "region_id" VARCHAR(6) NOT NULL REFERENCES "regions" ("code") ON DELETE RESTRICT,
    "post_id" INT NOT NULL UNIQUE REFERENCES "posts" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_tickets_concier_ddc775" ON "tickets" ("concierge_id", "status");
CREATE INDEX IF NOT EXISTS "idx_tickets_region__f13b6f" ON "tickets" ("region_id", "status");
COMMENT ON COLUMN "tickets"."status" IS 'PUBLISHED: published\nMATCHED: matched\nCONTACTED: contacted\nNEGOTIATING: negotiating\nSIGNED: signed\nLANDED: landed\nCLOSED: closed';
CREATE TABLE IF NOT EXISTS "ticket_events" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "from_status" VARCHAR(16),
    "to_status" VARCHAR(16),
    "note" VARCHAR(500) NOT NULL,
    "internal" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "actor_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "ticket_id" INT NOT NULL REFERENCES "tickets" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "ticket_events" IS 'A timeline entry: who did what, when, from which stage to which, with a note.';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXWtz4jgW/SsUX3a2KtvVIZ1+pLa2ihCnmxkCWSC9s9OZcim2AG2M7LFN0uxs//eVZB"
    "v8RiLG2I7mw3SQdY05elg699yrP9tLU4eG86Zru0gzYPui9WcbgyX9I37ppNUGlrW9QAtc"
    "8MCM2sCrxArBg+PaQHNJ+QwYDiRFOnQ0G1kuMjEpxSvDoIWmRioiPN8WrTD6YwVV15xDdw"
    "FtcuHb76QYYR1+Jzf3P1qP6gxBQ488LdLpd7Ny1V1brKyP3WtWkX7bg6qZxmqJt5Wttbsw"
    "8aY2wi4tnUMMbeBCenvXXtHHp0/n/9LgF3lPuq3iPWLIRoczsDLc0M99ULdlbVUdjqbqRJ"
    "mqalsAIM3EFFzyqA779XP6CH/rnL778O7j2ft3H0kV9pibkg8/vK/eAuMZMniG0/YPdh24"
    "wKvBMN6CCr+70MbAUNPQ7S2AnQ5vzCyGM/kBcZwDVENA+zBWBOcl+K4aEM/dBfn4/l0OqF"
    "+7496X7vin9+/+Sr/QJCPBGyJD/0qHXaK4b3F2keuNMF6ENwZ7YZvoxEHBFt3tyC0d3tPO"
    "Rw58Sa1MgNm1KMLOarkE9loE45BJeSi326VgfPb2LQfGpFYmxuxaFOMHU08BeEpmg3SAg/"
    "oNQDcHzKny65Teeek4fxhhDH+66f7K4F2u/SuD0fBzUD2EeW8wuoxBvbINka7sV28A0NFu"
    "fM7Vjc9zuvF5shu7poU0Jwnvz5PRMGM23ljEENaR5rb+1zKQk1haFIb032crrFEYWw8rZL"
    "gIO2/o9/3jCF2dIpTf1eO9mkJmOu7cZndhN4h3dbiENgFOW6viDZNmK5uo8CZyzJWtCa1f"
    "thaNm5OKXx3acE6eSHU00xICOW53KKgTK/H2+elb8l9JePPAnY12HGxr9UDG5gLqKnCTYF"
    "8RoFy0hOmAx23jU41v/Cb4o45LdRsCfYSNtd/ueQuf/o0ymXZvbiPzzVV3qtArncjKJyhN"
    "tNTmJq1/9adfWvRj67fRUIlPS5t609/a9JnAyjVVbD6rQA910aA0QC26prJou+zT7lFL2e"
    "pVafUAo1Czs6enJNLsMcR40IIHoD0+A1tXI1dCdBhwtQVMWX5c+obXv4yhARi0yV7gk2k3"
    "9CZ7sB9Hbv8fQY8PSsNImh0zC8rkpWVnGS8BGMzZT6LfTb/Jx6oHlhZAc9xOISU3107yWE"
    "nNryVpyWbRko5GwBBabgYGxSyBKsRFnnV4eJxONo3TiS+AsOkKYRvUb9xCvsNFLnRyyIVO"
    "klzQyJt0v0VG1FIuMqqyyOBZWgZt97BO9aRkvhASdrvfDdVfTBTzdkhsj8VcVBGjBjpRCt"
    "4VOy6YzcT6bthEdluv2yY2HvFenMT32rQhWcL+AtcM5j55JoBTqTN/aTze3KhmHThrk0GK"
    "bfC8WVtHhy75g/xq6DIExmSeHvd703ay7xYA7J0D93Fc1wTV8HCNgEoeoDW8GwzaGW80ie"
    "wOZBMv8Qx4eUgIui55IQVxa3J5OmoC9kEZiD5+MFdYv4GOA9jsn+AhYjVO8tgI5NVVl17l"
    "ipESl2j+WniJT53O2dmHztuz9x/P3334cP7x7eZdnryU91K/7H+m7/XIImo3e6FDfWWpj1"
    "BIjBIxahyL8Ylnufope736KbFgNS2IxXYEW4vS/GQ1Vqw9kp8lgm5Qv4FbrVOeznua3XlP"
    "E50XPkGcwg/lCC4Dg0KklpVCt3iCk3ydm4pvtlItZNIAmrNssdoS6ggI8jNhmwZAXoLC1Q"
    "JrwwQpIGfLo0Im1VBF0a9tjCrKhhpET3tx/TFTSfbXiexfAKwbezV71LKAVq/Ym70mjZwi"
    "G/FaWUA3ckhawhORpLARG3VJNgkRUrEUyz18I8bkiXX/ne2sLMtYqxR1WkJ+T3oFP3CM1Z"
    "GaiiNqKkwbzRHeNBg/wEnDvbw9Vds/F+ykdDTTTpFVXJP1V5b/LLCIwTmjJjV84+fAdTW6"
    "uxwordux0utP+v5SbDPbs4tsyvjDQIGjpztIbDIISoJbjMBCkhIcpIQN8GMS3skSGEbm3B"
    "DYHGpGOIYD+Kzz4f1mNqAf8iaCyU13MEjOBo9w/WzaulAsS9imGru1ZsWwuMBdpTQInT8U"
    "vFomXJlxsYNvXSJZYdkm+VVQF2yC9u14dDuaKFcXreAO97jb6ym3U1oGNA1aLi27Unqk79"
    "IyHWoGwv43HX0mIk+D9L02WFFLucGq2gYrSp8AJ00Qk6fpCiwaxxhKLaqkpzgGlgxzeo2t"
    "nhXmlPbOFFUgJ+yklDO5nI8QW9zAhmyatD8qjjJJMIT86Kbayq6bCbI47Zc0lPDuFHl7gz"
    "6FBhRVzHKKOKs2RfBKZiOTY0Qu2+tOet0rpZ3VicvDtmI9l1vnnRi33PiCbSbAF0IcyinY"
    "aJSj75/dQG9XWwWA3GxVfWJhKqyqP6SLls0hKR7aYG7JdtBuFP4HlYZ/2wgyt8xl4KYl24"
    "iFafuoBoWRoJvAWSu9s2V5Z7Pltru56TpIb9tDhfLMGFLe+Z93ZLfbHw0vWuQrHVrjHo+u"
    "r5XxRcuczbxJ7fgsNHsUD809GyZ6hwpLd8l0Ov7a7ykXLfJKeUIapP6CL33lq3KjDKfUZb"
    "BA8AkufYns8dtG5lM9qPi/+ok+j+RjOYR62gVzsWSUfn3pI85vilfiIw5S0gm2Qfv27nLQ"
    "n3xhXuLgHvf4pjvtsTJPR0hKeqPhtNtjnmMaJUEWrLR0qHweTfvdaX/4mb7V56aLAOkP83"
    "s86X9mLmWH7GVozUF3eEU/G2TDz+438FzTmrFxbR/9dcKeRRV3SMbtpFuSxy1pwycEn1U6"
    "XPZeWsXvUeaIA84+mozuxFNkMOt7fKsMr9jgsSDW2cAZKz8r3jiz4X8gHWbVGBw+1KJpo2"
    "JmcmjwDA0vba4qnv8sZlfhvcaecB8gTFCqIxrmJ5fqiNfY6jzqCPjdQuRue7R61FIqCqvT"
    "yMmxHSG2OQnqiI2UaaQoCIIku4KZDaNWUjsg8xrykZk8XGZ+XsMcfYZMwsfrfhVNwufNow"
    "Ugy+nVriuukffNbsGAFsqD/kJgwynV6zXx8mIbe+e8IA2fL+8o9UiAuvToNGWsPDvhpZkL"
    "w75N7RGm7FMCKEcYTk3yv92ATjd3ahCiIiKdlbMYQ6YxaKdpdUKXT3IlO6Sians1D5JZIV"
    "BwaGDlsBmc/GOnpUz4FnYy2ci0kcscrzq5Jdmhiol2ZEZIeq2MjJAymd4hedxg0HB77QKD"
    "BsJbvBaEduokutnyhKB+NeQJjUo4Fp7xo82Rn6UhbFcexXV+2Cm9iDQNddR7eO5iwS7dTr"
    "qbJ0GJEyqZso/uPb7u9gfUFT0DyKDu6rvhWOmS/ns5UC5aK2xDoC3o77jHve6wpwxYZY3C"
    "ZBhVcVz7i6JE6+5IIbCxki6eqrD/PI494LpwaaUlz8+fHMN25U2Ob6s/ORrAcVVo22msXv"
    "biKmolVR8yT4OcsKQS4XW0Oo8SIWB2Ek2e+YIKWUj/9O4Q7JXvP5JuqDxXSahTpTuhjhNW"
    "6btVU8jarcM1m6f1fJZHPHdHI88kxET59Rt33kshpxNm86nsXwGcg/qS8OMg/Az4BI19OZ"
    "GNcYXP2KH5Eb/2hzTc0bLNJ4RpvGOvP/33RUtD7pqGvNwN2SdzhX3/imCr8Bz/kH34Q8rR"
    "DzbErio6vcTMDiQKr/Usk1hI8KgDIsfO7+/vFhBkVG0O4tIGlHeWYS3hyTi2VASeCb3FrW"
    "3OEFeulVrC5MkhXtiPuJUQtYSILuZfCFCzcskc9NDQyKBL2anEB2X2fsU7ktfyqvJtW9pd"
    "GoWrIWjP4V8c8vcTaa45bAGst8ATQKShkEEWMW/iqxYhw4KPHn0tKpODZYfRgAW0PRy/Yb"
    "sSHb81cG6AZ5CC5qVpGhDgDEeRbxID8oHYHArJTUm54oXL0WgQoVMv+/E8Fnc3l8r4p1O2"
    "uN4e25HhRAKOlwxgD6o7zV4GYVWH3066NWRUy6H4sIg8neZpckSD3RJ2MiwrOWVVwENT+8"
    "WMDME6QgjWdnSX5/+q2FzAC21iIiwgueguF2QQt3FgB+RR547DuB9ftF33qZ+UjfqWFMre"
    "oofYpwPna93szoPzMz116e+J5KzBBbkFL3MLXkepsEwN93IRsUUeTnVcaAk53sJGUgPJo4"
    "FkkOmrFP8mJQhyYPZt8kiB2q5j0vClm3yZvvCIPdVms5koFbu1atCeuwgm1gOGILUM0ktz"
    "k0YJy8Z14HOuDnye04HPkx34BXSsZGJrxMTOkO1Q9Q9bme3R2Gn2ssWr3OJkm0H2jw7yty"
    "AijR0zlUEFVWl4nlASGUD0GltdBhA1rdV5AojiPCEnzxc3a9AupDDPH20pUd9fxEbGZ8k0"
    "l0cRBIgf7/rSc12bx/7n+Ky9QV6eV7VqfZfXrReZDDmSWwbvpPKQrdgbjBfY+Ns7w12dnH"
    "YLQFbqLKZ8SUPhE8TFBCooT7CWSwcBPX50ck2CJqiW2DdQqBZqiZ1nORetlvD6X6ZkYtM9"
    "d+km1O2Q4IlsoJtNA2HYIkb2+qL1vDBbOtLJv8A9If+H+KQ1s80l+RNpixajrFqu6X0kFZ"
    "C7aIEWPXEoLfyh4LsXHCMhk3HSazIZZ6m7kOLlEnQAqXlamQxXQ9SsecdXHeAIXHMPnCNG"
    "EuXdKIueetfY4+4O4okmXwVtDFKyTeRGYoXNZDSWQDSW9BNl9/Z6egy4MmNqrvCpWCET6S"
    "lIDiR/eyOEacRGegp2s65ZB2EIM1iNy/5wEiMIIl1rN+/KRrfkXHed1BSaAwsIDyqOo2Gw"
    "p5AzQXNkszKbRCHHSY8nA1MOEJiytFTTgljMvRoxKmQfWKXkg4WnxDPBHhhHjCTGuzAmv9"
    "IURDhkIvHdha9tGhlMxu7wtcC2tKSObQ256L8QC3Ib7V5/2v9NGbJEjtT+Ho/Gn7vD/qQ7"
    "7Y9IsWnPAUYOc8Ld40mvrwyn/Qk99UJDELvIcUnptHt9fdFiyZnucffqpk8Mgb5EOO5UOB"
    "IlVfnkpyVRUsUfJRXuHkJTfcyucVAXPx25yM2aj7K2z+5hJ6EG9WMdkfnMos5OEYSjVhLm"
    "nTAzHhqmJjnNPh8tYlSNQ9Lo9zXmkLQqH1dfv31nKLbIXNkaVB0Nis0qcbvmeR2Ln1hmpm"
    "GYz45qppy8mOsZixpK35iAb4xs1z309vKPJa1lpGR1gmhkxJz0hNJbsGyiDoR430ykIVs5"
    "vqs8vmVsZNPGN09s5JFCzSo2jg9/SMoxo0wqBvbLg0x43MnJhUv5Z9DUBPjYhDCDti3h4o"
    "SLZfYj360hJzhIb3+sbujNGgqUPNooH56Vs1BtSB745TCRW429OzUVrSAZMUwLCzrcaVB1"
    "HHeb/GPlngpVR6jkuVmcEKnlx+3WpT8JqRhjJ9sF51pl4xqE+L7amU1Q99mFNtLoli6h/P"
    "SvnORpP8G2jhR/ltX0hxZ/PkHbEdSqhEwaGNHaOT/n4DtIreyMv/RaLGGqJZT926/eQHRP"
    "uYIAT3OCAE+TQYA0wWhq5t9sDUXIpHwFxXEY+MK0Egkyr8wghh//B7OuUnk="
)

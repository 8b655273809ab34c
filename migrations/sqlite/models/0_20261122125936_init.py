from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "articles" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "external_id" VARCHAR(64) UNIQUE,
    "title" VARCHAR(128) NOT NULL,
    "summary" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "url" VARCHAR(500) NOT NULL,
    "topics" JSON NOT NULL,
    "emergency_topics" JSON NOT NULL,
    "source" VARCHAR(64) NOT NULL,
    "region_scope" VARCHAR(6) NOT NULL,
    "published_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_articles_region__44104a" ON "articles" ("region_scope");
CREATE TABLE IF NOT EXISTS "inbound_messages" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "dedup_key" VARCHAR(96) NOT NULL UNIQUE,
    "openid" VARCHAR(64) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "event" VARCHAR(32),
    "content" TEXT NOT NULL,
    "media_id" VARCHAR(128) NOT NULL,
    "payload" JSON NOT NULL,
    "received_at" TIMESTAMP NOT NULL,
    "handled_at" TIMESTAMP
);
CREATE INDEX IF NOT EXISTS "idx_inbound_mes_openid_24c303" ON "inbound_messages" ("openid");
CREATE TABLE IF NOT EXISTS "regions" (
    "code" VARCHAR(6) NOT NULL PRIMARY KEY,
    "name" VARCHAR(64) NOT NULL,
    "level" VARCHAR(8) NOT NULL /* PROVINCE: province\nCITY: city\nCOUNTY: county */,
    "parent_code" VARCHAR(6)
);
CREATE INDEX IF NOT EXISTS "idx_regions_level_39138d" ON "regions" ("level");
CREATE INDEX IF NOT EXISTS "idx_regions_parent__22f669" ON "regions" ("parent_code");
CREATE TABLE IF NOT EXISTS "users" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "mp_openid" VARCHAR(64) UNIQUE,
    "oa_openid" VARCHAR(64) UNIQUE,
    "unionid" VARCHAR(64) UNIQUE,
    "role" VARCHAR(16) NOT NULL /* CITIZEN: citizen\nORGANISATION: organisation\nSCIENTIST: scientist\nSTAFF: staff\nADMIN: admin */,
    "name" VARCHAR(32) NOT NULL,
    "organisation" VARCHAR(64) NOT NULL,
    "title" VARCHAR(32) NOT NULL,
    "discipline" VARCHAR(32) NOT NULL,
    "interests" JSON NOT NULL,
    "campaign_id" INT,
    "source_scene" VARCHAR(32),
    "follows_oa" INT NOT NULL,
    "oa_followed_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "last_seen_at" TIMESTAMP,
    "updated_at" TIMESTAMP NOT NULL,
    "region_id" VARCHAR(6) REFERENCES "regions" ("code") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_users_role_35db31" ON "users" ("role");
CREATE INDEX IF NOT EXISTS "idx_users_campaig_48c1a8" ON "users" ("campaign_id");
CREATE TABLE IF NOT EXISTS "campaigns" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "scene" VARCHAR(32) NOT NULL UNIQUE,
    "note" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "created_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "region_id" VARCHAR(6) NOT NULL REFERENCES "regions" ("code") ON DELETE RESTRICT,
    "staff_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE TABLE IF NOT EXISTS "posts" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* NEED: need\nQUESTION: question\nOFFER: offer */,
    "offer_type" VARCHAR(16) /* SERVICE: service\nACHIEVEMENT: achievement */,
    "title" VARCHAR(64) NOT NULL,
    "body" TEXT NOT NULL,
    "tags" JSON NOT NULL,
    "status" VARCHAR(16) NOT NULL /* PUBLISHED: published\nMATCHED: matched\nCONTACTED: contacted\nNEGOTIATING: negotiating\nSIGNED: signed\nLANDED: landed\nCLOSED: closed */,
    "close_reason" VARCHAR(200) NOT NULL,
    "review_state" VARCHAR(16) NOT NULL /* PASSED: passed\nPENDING: pending\nREJECTED: rejected */,
    "review_note" VARCHAR(200) NOT NULL,
    "source_scene" VARCHAR(32),
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP,
    "author_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "campaign_id" INT REFERENCES "campaigns" ("id") ON DELETE SET NULL,
    "region_id" VARCHAR(6) NOT NULL REFERENCES "regions" ("code") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_posts_kind_0e6af5" ON "posts" ("kind", "status", "id");
CREATE INDEX IF NOT EXISTS "idx_posts_author__f3ea3f" ON "posts" ("author_id", "id");
CREATE INDEX IF NOT EXISTS "idx_posts_region__64e2c6" ON "posts" ("region_id", "id");
CREATE TABLE IF NOT EXISTS "matches" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "origin_post_id" INT NOT NULL,
    "score" REAL NOT NULL,
    "method" VARCHAR(16) NOT NULL,
    "rank" SMALLINT NOT NULL,
    "keywords" JSON NOT NULL,
    "status" VARCHAR(16) NOT NULL /* PROPOSED: proposed\nACCEPTED: accepted\nDECLINED: declined */,
    "decided_at" TIMESTAMP,
    "reason" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "decided_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "demand_id" INT NOT NULL REFERENCES "posts" ("id") ON DELETE CASCADE,
    "supply_article_id" INT REFERENCES "articles" ("id") ON DELETE CASCADE,
    "supply_post_id" INT REFERENCES "posts" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_matches_demand__db6f4a" UNIQUE ("demand_id", "supply_post_id"),
    CONSTRAINT "uid_matches_demand__288ba0" UNIQUE ("demand_id", "supply_article_id")
);
CREATE INDEX IF NOT EXISTS "idx_matches_origin__e02f01" ON "matches" ("origin_post_id");
CREATE TABLE IF NOT EXISTS "push_requests" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(32) NOT NULL,
    "cause" VARCHAR(64) NOT NULL,
    "data" JSON NOT NULL,
    "priority" SMALLINT NOT NULL,
    "status" VARCHAR(16) NOT NULL /* PENDING: pending\nSENDING: sending\nSENT: sent\nFAILED: failed\nUNREACHABLE: unreachable\nCANCELLED: cancelled */,
    "due_at" TIMESTAMP NOT NULL,
    "attempts" SMALLINT NOT NULL,
    "last_error" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_push_reques_kind_20230a" UNIQUE ("kind", "cause", "user_id")
);
CREATE INDEX IF NOT EXISTS "idx_push_reques_status_7c9510" ON "push_requests" ("status", "priority", "due_at");
CREATE TABLE IF NOT EXISTS "staff_profiles" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "capacity" SMALLINT NOT NULL,
    "away" INT NOT NULL,
    "last_assigned_at" TIMESTAMP,
    "current_ticket_id" INT,
    "region_id" VARCHAR(6) NOT NULL REFERENCES "regions" ("code") ON DELETE RESTRICT,
    "supervisor_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "user_id" INT NOT NULL UNIQUE REFERENCES "users" ("id") ON DELETE CASCADE
) /* A concierge's coverage and availability. */;
CREATE TABLE IF NOT EXISTS "tickets" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "status" VARCHAR(16) NOT NULL /* PUBLISHED: published\nMATCHED: matched\nCONTACTED: contacted\nNEGOTIATING: negotiating\nSIGNED: signed\nLANDED: landed\nCLOSED: closed */,
    "plan_step" VARCHAR(200) NOT NULL,
    "plan_due" DATE,
    "close_reason" VARCHAR(200) NOT NULL,
    "rating" SMALLINT,
    "rating_comment" VARCHAR(500) NOT NULL,
    "assigned_at" TIMESTAMP,
    "first_contact_at" TIMESTAMP,
    "stage_since" TIMESTAMP NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "concierge_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "poster_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "region_id" VARCHAR(6) NOT NULL REFERENCES "regions" ("code") ON DELETE RESTRICT,
    "post_id" INT NOT NULL UNIQUE REFERENCES "posts" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_tickets_concier_ddc775" ON "tickets" ("concierge_id", "status");
CREATE INDEX IF NOT EXISTS "idx_tickets_region__f13b6f" ON "tickets" ("region_id", "status");
CREATE TABLE IF NOT EXISTS "chat_messages" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "sender_role" VARCHAR(16) NOT NULL,
    "msg_type" VARCHAR(16) NOT NULL,
    "text" TEXT NOT NULL,
    "media_id" VARCHAR(128) NOT NULL,
    "source" VARCHAR(16) NOT NULL,
    "delivery" VARCHAR(16) NOT NULL,
    "channel" VARCHAR(16) NOT NULL,
    "error" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "delivered_at" TIMESTAMP,
    "recipient_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "sender_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "ticket_id" INT NOT NULL REFERENCES "tickets" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_chat_messag_deliver_f45f5c" ON "chat_messages" ("delivery");
CREATE TABLE IF NOT EXISTS "ticket_events" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "from_status" VARCHAR(16),
    "to_status" VARCHAR(16),
    "note" VARCHAR(500) NOT NULL,
    "internal" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "actor_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "ticket_id" INT NOT NULL REFERENCES "tickets" ("id") ON DELETE CASCADE
) /* A timeline entry: who did what, when, from which stage to which, with a note. */;
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXWtz4jgW/SsUX3a2KtvVIZ1+pLa2ihCnmxkCWSC9s9OZcim2AG2M7LFF0tnZ/u8r+Q"
    "F+I4ExtqP5MB1kXWOOpGvp3Nef7aWpQ8N507UJ0gzYvmj92cZgyf6IXzpptYFlbS6wBgIe"
    "XKE28Dq5jeDBITbQCG2fAcOBtEmHjmYjiyAT01a8MgzWaGq0I8LzTdMKoz9WUCXmHJIFtO"
    "mFb7/TZoR1+J3e3P9oPaozBA098rRIZ9/ttqvkxXLb+phcux3Ztz2ommmslnjT2XohCxOv"
    "eyNMWOscYmgDAtntib1ij8+ezv+lwS/ynnTTxXvEkIwOZ2BlkNDPfVA3bW1VHY6m6kSZqm"
    "pbACDNxAxc+qiO++vn7BH+1jl99+Hdx7P37z7SLu5jrls+/PC+egOMJ+jCM5y2f7jXAQFe"
    "DxfjDajwO4E2Boaahm5vAex0eGNiMZzpD4jjHKAaAtqHsSI4L8F31YB4Thb04/t3OaB+7Y"
    "57X7rjn96/+yv7QpOuBG+JDP0rHfcSw32DM0HEW2G8CK8FdsI2MYmDhg26m5VbOrynnY8c"
    "+NJemQC716IIO6vlEtgvIhiHRMpDud0uBeOzt285MKa9MjF2r0UxfjD1FICnVBukAxz0bw"
    "C6OWBOlV+n7M5Lx/nDCGP40033Vxfe5Yt/ZTAafg66hzDvDUaXMahXtiEylf3uDQA6Oo3P"
    "uabxec40Pk9OY2JaSHOS8P48GQ0ztPFaIoawjjTS+l/LQE5ia1EY0n+frbDGYGw9rJBBEH"
    "besO/7xxGmOkMof6rHZzWDzHTI3Hbv4t4gPtXhEtoUOO1FFR+YNFk5RIUPkWOubE1o/7KR"
    "aJxOKn53aMM5fSLV0UxLCOS43KGgTuzE2+enb+l/JeHNA3c22nGwrdUDXZsLqKuAJMG+ok"
    "ARtITpgMdl46rGF34T/FHHrboNgT7Cxos/7nkbn/6NMpl2b24j+uaqO1XYlU5k5xO0JkZq"
    "fZPWv/rTLy32sfXbaKjE1dK63/S3NnsmsCKmis1nFeihKRq0BqhF91QWG5ddxj0qKUe9Kq"
    "MeYBQadvfpGYk0ewwxHqzhAWiPz8DW1ciVEB0GiLaAKduPS1/w+pcxNIALbXIW+GTaDbvJ"
    "DuzHkcf/RzDjg9YwkmbHzIIyeWnZWcZbAAZz9yex72bf5GPVA0sLoDlup5CS62sneayk5v"
    "eStGSzaElHo2AIbTcDgWK2QBXiIs86PDxOJ5vG6cQ3QNgkQtgG/Ru3ke9wkQudHHKhkyQX"
    "NPom3W2TEZWUm4yqbDJ4tpbB2D28pFpSMl8ICbnt74bqbyaKeTskjsdiJqqIUAONKAWfih"
    "0CZjOxuRsWkdPWm7aJg0d8FifxvTZtSLewv8AXF+Y+fSaAU6kzf2s8Xt+oZhM465BBm23w"
    "vN5bR5cu/YP+akhcBMZUT4/7vWk7OXcLAPbOgbsYrmuCani5RkClD9Aa3g0G7Yw3mkR2C7"
    "KJl3gGvDwkBNuX7ElB3Jpclo6agH1YBmIByA10HOCq/iQJEbp8kstD0I7q0utZMS7iEs1f"
    "Cx3xqdM5O/vQeXv2/uP5uw8fzj++Xb/Ck5fy3uWX/c/sdR7ZO3GQFpD+eFu1TTFPn5hYA7"
    "eqpzx71dPszeppYre6dOYeQgI4h2VKpDII/E7KoTOKhzl4dl5/n6B/A5iisv19llBHQPCI"
    "G5ZpAORlOAnWwo+hxoqZ7ozQExRzwwzLlOfBYNHXLkOqpkDTHSfGUMhHMCTSPG1ROMDQtk"
    "1bBN61QOPAlXYSaSeJ9NvdTuLr+p3GPS5bwMhXkwOp+kCneN0kR9qGGrIQxETMqBAXk4aF"
    "pD3MZwzEjDVhmZ1ArZyWLBhVgrRHKDhbIzIS1e1GMA+wAiwK0/WNagYwr1EhMrUiBoVed9"
    "LrXintFJ1QnqmmrrBG9OB2WNevI2kE22q0jb64hW1gh7Tz9PGDucJ6jqkn1uMkz9qDvL7S"
    "4HPyug0+OtRXlvoIBdmukFDjvFU/8fAwn7J5mE8JHsa0IBajxTcSpbGJ5Xl9FR579kh/lg"
    "i6QX9Jh/OQiE+pW4ccEjEQKCSlRqXQLd6RnX4dScU320IZEmkATSuNlMc2OxzCSGmBF8ME"
    "KSBnh8GHRKoR/c6+tjHR7/RoA9HTTpx1TFQaK6rCYfMYKxYA68ZOwx6VlIaKqhkqBOKDD0"
    "lLeMHCKWzEOoo4m4QIRSsXyz18o8L0iXX/ne2sLMt4URnqrIX+nvQOfoJAt4+MnT1i7Kxp"
    "oznC6wHjBzgpeCiLRv3gDocmm3aKB9k13X9lmd4CiRicMyZSwzd+DlxXo7vLgdK6HSu9/q"
    "Tvb8XW2t696KqMPwwUBPR0B4lDBkVJ8IgRSEhSgoOUsAF+TMI7WQLDyDbL+zJNsnGedT68"
    "X2sD9iFPEUxuuoNBUhs8wpdn09aFcpaFZapxWmtWrjICyCplQJj+UPBqmbDWxYNafekSyQ"
    "rLNumvgrrgELRvx6Pb0US5umgFd7jH3V5PuZ2yNqBp0CKs7Urp0bnL2nSoGQj733R0TUSf"
    "Buk7+oKFJeUBq2oHrCh9Apy0wOe82P1AonGMofSllfQUx8KS6exe46inqFP/6ZPvTNFMMw"
    "k56Vmb3M5HiC1uYEMyTTofFUeZJBhCfnRTZeXUzQRZnPZLCkp4t/oxe4s+hQYUdQrlTNZR"
    "NRXB6xUaUY4cXsybuVgethWbudyezIl1y40v2FR82hPiUO2oRqMcff9sB3qz2yoA5GY7ji"
    "c2ppXyHHd1SIqFNtAt2QbadSang7qGf1s7ZG6Yy8BMS48RCzOIdQgaI8nVAmOttM6WZZ3N"
    "drfdzk3XwfW2PVQYz4wh453/eUdPu/3R8KJFv9JhPe7x6PpaGV+0zNnMU2rHZ6HdR/HQ3H"
    "FgoneosOsuVafjr/2ectGir5QnpEFmL/jSV74qN8pwykwGCwSf4NJ3kT3+2Mi6eQd1/q9+"
    "Qbcj2VgO4T1NwFys6JjfX9qI84fildiIg9JDgmPQvr27HPQnX1wrcXCPe3zTnfbcNs+PkL"
    "b0RsNpt+dajlmUBN2wstah8nk07Xen/eFn9lafmwQBOh/m93jS/+yalB16lmE9B93hFfts"
    "0AO/e7+BZ5rWjLVp++ivE/dZVHGDZFxOmiV5zJI2fELwWWXLZeetVfweZa444Ozik9GdeB"
    "4ZrvQ9vlWGV+7i8ROO3eOx8rPirTMb/geyZVaNxeFDLVoeJCYmlwbP0vDSCqridW5ichU+"
    "a+wI9wHCBKV3RMPs5NI74jWOOo93BPxuIXq3HUY9Kik9CqszyMm1HSG2OQnqiIx000jxIA"
    "iKKQpWsIpKSd8BWb+Kj8zk4TLz61fl+GfIYkv8ebvEii15erQAZBueaC7yvtnuMKCF6t3u"
    "CWy4dG69FC8vtrF3zh7llnz3jlJLP9dlRqd5xsoa2ftWqNqeCzWAcoTh1KT/2w4odzLUOi"
    "Eq4qSzchZj6PoYtNN8dUKXT3JddmhH1fZ6HiSzQuDBoYGV42pw+o+dljLhW9jIZCPTRsQ1"
    "vOr0lvSEKua0IzNCsmtlZISUyfQOyeMGi4bbahcINBDe4n1B2KROopvtnhD0r4Z7QqMSjo"
    "U1fnQ48rM0hOXKo7jOD6vSi0jTUEd/j53qU7WT5uZJ0OKEWqbuR3KPr7v9ATNFzwAymLn6"
    "bjhWunT+Xg6Ui9YK2xBoC/Y77nGvO+wpA7ezxmAyjKoYrv1NUWJ0t6QQWEtJE09V2H8ewx"
    "4gBC6ttCLJ+coxLFeecnxbfeVoAIeowuXOolLS60PmaZAKS3oivI5R5/FECJidxJBnvqBC"
    "EtI+vT0Ee+XIekfbTSWhSZVuhDpOWKVvVk0hazcG12ye1rNZHrHujkafSYiJ8vs3rt5LAV"
    "b8kxw+1f1XAOegvyT8OAg/Az5lFZDezomshStcY4flR/zaH7JwR8s2nxBm8Y69/vTfFy0N"
    "kRcW8nI3dD+ZK+zbVwRHhaf8Q3bxh5TSDzaroCaqXmJiB3IKr7WWSWwkeLwDAj+DPe3dAg"
    "4ZVdNBXL4B60wHu0PUsDQ4cfJ5NtsPngm7xa1tzhBXrpVawuS5Q+w5jxpXFjZxptwToGbl"
    "khFzvRE8o0QWXcpJJb4os88rrgZQLa8r37Gl3WVRuBqC9hz+xaF/P9HhmsMWwHoLPAFEBw"
    "oZdBPzJr5rERIsuPToa/EyOVh2GA1YQNvB8BuWK9HwWwPjBngGKWhemqYBAc4wFPkiMSAf"
    "qMyhkFy3lOu8cDkaDSJ06mU/nsfi7uZSGf906m6uN2U7MoxIwPGSAexAdafJyyCs6vDbSb"
    "OGtrLdU2ekUD1v0FCarAwdkqFD5ZGOkRgAlgzLEY0oTMjJCZycwBUwg9V+xyjj3I4Q57ZZ"
    "3eUZGSumC3ihTSjCAjK4brPzBsExB7byHlV3HMbGuxcn4vNrKWzIhnnL5kFCFN+Bk+KuKZ"
    "CgSKnnwvt7IgNucEHyHGXyHHX0x5b59/b31Lbow6kOgZaQdTMsJB1NeRxNXcj0VYoRmbEw"
    "OTD7MnnMS233MWn4MiZF5og84ky1XW0myndvpBp05i6C7vaAoUgtgxze3KRRQrJxE/icaw"
    "Kf50zg8+QE3oPzlnR3jejuGbId5mLl7sx2GOw0eTniVR5xesyg50cH+UcQkcGOicrIjaoM"
    "PE+8jozSeo2jLqO0mjbqPFFacZ6Q134dE2vQKaQwyx8bKVHbX0RGBsFJh4CjOASI19Ddt3"
    "hu89j/HJu1t8jLs6pWbe7ymvUiypAjg2jwTioP2Yq9wXiBjb+9M8zVSbVbALLSz2LKl5l1"
    "CR2HHqL3Db1aAHLj3alBmEemJnyCuJiwGeUJ1nKPJRAdEn0LJUETdCvZNWytFm4lWyuLF+"
    "1W4s2/TN+S9fTc5mCibpYET5wNO5UbCMMWFbJfLlrPC7OlI53+C8gJ/T/EJ62ZbS7pn0hb"
    "tFxur0VM7yPtgMiiBVqs/lVaME7Bdy84YkemhmXXZGrYUo9rxfuVsAWk5jkVZdhkomLNK6"
    "Z2gILM5g44R4QkyttRFq3B2Njiiwcx2dOvgjYGKblPcuMCw2IyNlAgNlAa1LJnez1NK1x5"
    "WjUiXKMtJCJNKsmFtEuo5f4hlpVbM4elp7PKsghTfY3LRXISIwgiU2s7Qe2ubklOb6sbFt"
    "KBBcRRFcfRuLCnkDPBcGSzMuu0NcdJ1igjeA4QwbO0VNOCWMwOHREq5BxYpVSYhSdoNMEO"
    "GEeEJMbbMKa/0hREOCQi8d2Gr20aGUzG9ji/QLa0FKNtDRH0X4gFuY12rz/t/6YM3bSiTP"
    "4ej8afu8P+pDvtj2izac8BRo5rhLvHk15fGU77E1aDRUMQE+QQ2jrtXl9ftNxUYfe4e3XT"
    "p4JAXyIcNyociZKqfCrekiip4gubhaeHkKqPyTUO6uLVEUEkSx9lHZ/JYZVQg+axjqg+s5"
    "ixUwThqJSEeSvMLg8NU1PuZlfriwhVo2Qf+77GlOyLlaTm9SOPSh2I86zfuTMUhGWubA2q"
    "jgbFtEpcrnlWx+IVy8w0DPPZUc2UOqC5lrGooLSNCdjG6HHdQ28n+1hSWoaUVifaSIYWSk"
    "sou4Wb29aBEO+aFzckK9d3lde3DCJt2vpOGfaEB/6RYvIqto4PX7LnmOE4FQN7/2gcHnNy"
    "cuNSfkWkmgAfUwgzaNsSLm64NIieKFzHiPmqI2AOy50vA+Q40XIzbNLv1pATVA3dHa8bdr"
    "OGTitZxy0fnpWzUG1IH3h/mOitxt6dmopWkBQcpkWdHa70XR3X3ToPYLkl8OoIlSwSyAmR"
    "Wn5YeF3mk5CTbKyMZ1DELxvXIIL81Wo2QbfiLrSRxhiDhGOxf+Ukz7UYbPpI3+Kyhv7Qvs"
    "VP0HYEXaFCIg0MmO6cn3PQabRXduZtdi2WuNgSysLvd28guqdcMaanOTGmp8kYU5boNzUD"
    "d7aLTkikfAed4xh4CnPFSXDFZcbI/Pg/bwE4HA=="
)

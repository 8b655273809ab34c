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
CREATE TABLE IF NOT EXISTS "reply_windows" (
    "openid" VARCHAR(64) NOT NULL PRIMARY KEY,
    "opened_at" TIMESTAMP NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "sent" SMALLINT NOT NULL
) /* The last user action that opened a window, and how many messages went out since. */;
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
CREATE TABLE IF NOT EXISTS "push_blocks" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "channel" VARCHAR(16) NOT NULL,
    "template_id" VARCHAR(128) NOT NULL,
    "errcode" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_push_blocks_user_id_5006dd" UNIQUE ("user_id", "channel", "template_id")
) /* A channel WeChat told us is closed for a user (43101 refused, 40003 bad openid ...): never retried. */;
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
    "claimed_by" VARCHAR(96),
    "claimed_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_push_reques_kind_20230a" UNIQUE ("kind", "cause", "user_id")
);
CREATE INDEX IF NOT EXISTS "idx_push_reques_status_7c9510" ON "push_requests" ("status", "priority", "due_at");
CREATE TABLE IF NOT EXISTS "push_attempts" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "channel" VARCHAR(16) NOT NULL,
    "errcode" INT NOT NULL,
    "errmsg" VARCHAR(200) NOT NULL,
    "wechat_msgid" BIGINT,
    "final_status" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "request_id" BIGINT NOT NULL REFERENCES "push_requests" ("id") ON DELETE CASCADE
) /* One try at sending one push request through one channel. */;
CREATE INDEX IF NOT EXISTS "idx_push_attemp_wechat__dec452" ON "push_attempts" ("wechat_msgid");
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
CREATE TABLE IF NOT EXISTS "subscribe_quotas" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "template_id" VARCHAR(128) NOT NULL,
    "remaining" INT NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_subscribe_q_user_id_f9d17f" UNIQUE ("user_id", "template_id")
) /* Accepted one-time subscribe grants per user and template (WeChat gives no balance API). */;
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
    "eJztXWtz4ji6/isuvpyeqmxXQjrdPamtrSKE7maWQDaQmTnTOeUStgCdGJmxRdKc3fnvR/"
    "IFfEcC29iO5kNPkPXK9qOL3/v779bS1KFhv+9YBGkGbF0r/25hsGR/RC+dKS2wWu0usAYC"
    "pg5RC7idnEYwtYkFNELbZ8CwIW3Soa1ZaEWQiWkrXhsGazQ12hHh+a5pjdGfa6gScw7JAl"
    "r0wvf/oc0I6/AHHdz7uXpWZwgaeuhpkc7u7bSrZLNy2vqYfHE6srtNVc001ku867zakIWJ"
    "t70RJqx1DjG0AIFseGKt2eOzp/Pe1H8j90l3XdxHDNDocAbWBgm87lTdtbVUdTiaqOPeRF"
    "VbAgBpJmbg0ke1nbefs0f4W/viw6cPny8/fvhMuziPuW359Jd76x0wLqEDz3DS+su5Dghw"
    "ezgY70CFPwi0MDDUJHS7C2Alwxshi+BMXyCKs49qAGgPxorgvAQ/VAPiOVnQnx8/ZID6a+"
    "eh+63z8O7jh5/YDU26E9wtMvSutJ1LDPcdzgQRd4fxIrwlOAjb2CL2G3bo7nZu6fBetD9z"
    "4Et7pQLsXAsjbK+XS2BtRDAOkJSHcqtVCsaX5+ccGNNeqRg718IYT009AeAJPQ2SAfb7Nw"
    "DdDDAnvd8nbOSlbf9pBDF8d9f53YF3ufGuDEbDr373AObdwegmAvXaMkSWste9AUCHl/EV"
    "1zK+yljGV/FlTMwV0uw4vL+MR8OU03hLEUFYRxpR/qMYyI6xFrkh/ffZGmsMRmW6RgZB2H"
    "7P7vePEyx1hlD2Uo+uagaZaZO55YziDBBd6nAJLQqctlHFJyaJVk5R7lNkm2tLE+JfdhSN"
    "O5Py5w4tOKdPpNqauRICOUpXFNQxTrx1dXFO/ysJbx6409GOgr1aT+neXEBdBSQO9i0Fiq"
    "AlTAY8Shs9ajzi9/4fdWTVLQj0ETY23rxnMT79u9540rm7D503t51Jj11phzgfvzU2U9tB"
    "lN/6k28K+6n8MRr2osfStt/kjxZ7JrAmporNVxXogSXqt/qohXmqFZuXQ+Y9TClnvSqz7m"
    "MUmHbn6ZkSafYc0HiwhinQnl+BpauhKwF1GCDaAiawHzce4Zd/PkADONDGV4GnTLtjgxyg"
    "/Tjx/P/lr3i/NYik2TbToIxfWraX0RaAwdx5JXZvdicPqy5YrgCa41aCUnJ77SxLK6l5va"
    "RasllqSVujYAixmz5BPixQhXSRl20ePU47XY3TjjJA2CRC2Pr9G8fIt7mUC+0M5UI7rlzQ"
    "6Jf0MCYjTCmZjKowGTyspT93002iJSX1gxCj2/9tqD4zkc/XISYei5moQkQNNKLkLBXbBM"
    "xmYms3SCKXrbtsY4JHdBXH8f1iWpCysP+EGwfmPn0mgBNVZx5r/LAdqGYLOE3IoM0WeN3y"
    "1uGtS/+gbw2Jg8ADPacf+t1JK752cwD20YaHGK5rgmpwu4ZApQ+gDB8Hg1bKF00iuwfZ2E"
    "c8BV4eJQTjS45UQdybXJaOmoBdrAZiAcgdtG3gHP1xJUTg8lmmHoJ2VJduz4rpIm7Q/K2o"
    "I35uty8vP7XPLz9+vvrw6dPV5/PtJzx+KetbftP/yj7nId6JQ2kB6ctbqmWKefpEyBrIql"
    "7w8KoX6czqRYxbXdpzFyEBnIM0JaoyCPxBylFn5A+z/+y8/j5+/wZoisr291lCHQFBETdI"
    "0wDIy3ASrIUfQ40PZsoZoRco5oYZpCnPg2FFP7sMqZoCTTlOjKGQj2CApHmnRe4AQ8syLR"
    "F4twSNA1faSaSdJNTvcDuJd9YfNO9R2hxmvpo6kKpPdILXTXymLaihFYKYiBkVomTSsBC3"
    "h3kaAzFjTZDmIFArd0rmjCpB2jMUXK0hGonqfiOYC1gOFoXJdqCaAcxrVAgtrZBBodsZdz"
    "u3vVbCmVCeqaausIbOwf2wbj9H0gi212gb/nAL28CKtPP08dRcYz3D1BPpcZZl7UFuX2nw"
    "OXvbBh8d6uuV+gwFtV0BosZ5q/7Mo4f5OV0P83NMD2OuIBZTi+8oStMmluf1lXvs2TN9LR"
    "F0/f5SHc6jRHxJZB0ylIg+QS4pNSqFbv6O7PR2JBHfdAtlgKQBalpppDy12aEII+UKbAwT"
    "JICcHgYfIKlG9Du7bWOi36loA9HLQTrrCKk0VlRFh81jrFgArBsHTXuYUhoqqmaoEIgPLl"
    "It4QYLJ2gjtlHE6UqIQLRyvrqH75SYPrHufbPt9WplbFSGOmuh75PcwUsQ6PSRsbMnjJ01"
    "LTRHeDth/ADHCYuyaNQP7mBosmkleJB9ofxXmunNp4jAOWMkNfziZ8B1O3q8GfSU+4detz"
    "/ue6zY9rR3LjpHxp8G8gN6OoOYkEFREhQxfAqplOBQSlgAP8fhHS+BYaSb5T2aJtk4L9uf"
    "Pm5PA/Yj6yAY33UGg/hp8Aw3r6alC+UsC9JUQ1prVq4yAsg6YULY+dHD62XMWhcNavWoS1"
    "RWrCyTvhXUBaegdf8wuh+Ne7fXij/CE+50u737CWsDmgZXhLXd9rp07bI2HWoGwt6dTn4S"
    "0adB+oG+YEFKKWBVTcAKq0+AnRT4nBW771M0TmMofWmleopjY8l0dm9x1hOOU+/p499M0U"
    "wzMTrpWRtn50OKLW5gAzRNko/yU5nENIT86CbSyqWbCrK42i9OKOHd68fsbvoENaCoUyhn"
    "so6qHRG8XqGhw5HDi3m3FsvDtmIrl9uTObZvufEFu4pPR0IcqB3VaJTD35/9QO+4rRxAbr"
    "bjeIwxrZTnuHOGJFho/bMl3UC7zeRUqGv4961D5k5z6ZtpqRixMP1YB78xlFzNN9ZK62xZ"
    "1tl0d9v9uuk6uN62hj2mZ8aQ6Z3/9Uil3f5oeK3QW9qsxxMeffnSe7hWzNnMPdROr4V2Hs"
    "VF88CJCY9QYdddepw+/Nrv9q4V+kl5QRpk9oJv/d6vvbvecMJMBgsEX+DSc5E9/dzIunmF"
    "Ov9Xv6DbiWwsRXhPEzAXKzrm9Zc24uypeCM2Yr/0kOActO4fbwb98TfHSuyP8YTvOpOu0+"
    "b6EdKW7mg46XQdyzGLkqAMK2sd9r6OJv3OpD/8yr7qc5MgQNfD/AmP+18dk7JNZRnWc9AZ"
    "3rLfBhX4nfEGrmlaM7am7ZN/TpxnUcUNklE6aZbkMUta8AXBV5Vtl4NZq+gYZe44YB/ik9"
    "EZux4ZDvUTvu8Nb53N4yUce8IPvV967j6z4P9Cts2qsTk8qEXLg0TI5Nbg2RpuWkFVvM5N"
    "hK7CssaBcBcQJii9IxpmJ5feEW9x1nm8I+CPFaKjHTDrYUrpUVidSY7v7ZBim1NBHaKRbh"
    "oJHgR+MUXBClZhKuk7IOtX8SkzeXSZ2fWrMvwzZLEl/rxdYsWW3HM0B2Qbnmgu9L3Z7zCg"
    "BerdHglssHRuvQ5eXmwj35wjyi157h2lln6uy4pO8oyVNbKPrVC1PxeqD+UIw4lJ/9kPKH"
    "cy1DohKuKks7YXHULgcpXsqxO4fJbpskM7UgHQ6cnnutOi80MfeaMAotiuglcxaRMbSbGg"
    "4/agkIVlrucL54JXhOF9VOV71EAyg2RNM0jWpYpHaVJBIXU8NLrTBSTaAEV5eoLzYtd5br"
    "IsBWdpz0UW7I5CmoZ4TEOv0K0mac9Fz+YoZUG6mKYe07spmCEMDDXLSSR5AqJ0jVvw+Xug"
    "SeNcOvT1NNPwGOc8hjZRJZp1woXpmqTFL+GEy1SXOrjmoHxistbDbrSaTQa/0jS4DpO1ey"
    "eKV6H43xim9txKEYTdi2d7xeAp68cpBHd8aVT5DbKa2QoxDV1Z2wqyPfc/ZWZaCqBN0FLe"
    "fbi8OL+gQu2M/tTPlA/n5+eXyhToipu5XXn//v1PzNnwhXa2IJ0xqMfl5ZLumZggkQ3pzX"
    "1AHGNqA4OudZkC8dRBNlKsLqE09G6xC8AcIWscg1xIQvCaqDAqf2BIqeNtSx2BzzbnPgpQ"
    "yH20X4xY27IE3X7hIbCoqiY5+JJbiuwQEOz2SA+egFRIenI/DFoDFEmHR/cAjTLd34ORWh"
    "YyLUSc6EWdDknPb7HId2kUK8soJitSFRkM4W8absHIJ2ggvPmrs9mijqObHuPr969GjG+j"
    "qvYET/zwdGSnOg/Slcf0XRV7pOeR67yOQdOuJ43gkm7FYzbHfosdaJk4P8kT/tLpD1g85w"
    "wgg8V8Pg4feh26fm8GvWtljalEpS3YezzhbmfY7Q2czhqDyTCqEv3pMUWx2d2Th3tLJUXh"
    "OonCQSc3kcMxSNcY55g8DkcD2ESFlpXkGp/OXIWpGqcNLSbZuQHocZKcWi8rg0OQqnlh0/"
    "kXXvYRO0BHGqKUoZRVDqWUmvC3+PmXwfFNm/WEzR6L4ZH2D2n/qLf9IxiPZqAXaG3UdElG"
    "JCQtEiLUEOTFItME7UVeZHSCqWgXM51uJXLDjovPj5xq40n2qMgQIJL9KQ4U0k5r5sk7EP"
    "8sw5rj/F8AZ7+/NDdwmBsM+JLm5rZfI7slLgrqHNY0K3H4a3/IMhavLPMFYZayuNuf/Pe1"
    "oiGyYVkrH4fOL3ONPeuu4KzwOGylu2vFnLVWwIKYqKLHS4SsIAVFrU+ZGOPFwyf4qQKO5A"
    "8EcipU7QziCu/fFis4goVqViWbqOlrNjsOnjEb4t4yZ4irXEotYXIzGhy5jriTGdQSIib8"
    "HAlQs8rBFCyjrIzNb/SNHYVIgqCyu3yWLa2wLDGvTk/OmJjJAirMvOPGnwDX04KwQBUWcQ"
    "J1BSjueGcKwLqyMF8V+hobZQltm76MrbxSfkAx10SxGdcTD4Ap4gZHyFNuHI0Iy7OjaJ5M"
    "lROnny5WuXN8gAI3RNhA/W199bVxNb30hCxKSrO9Cjcivg8+zZv3exAQxIr8uIc46oSve5"
    "TjTv+8O+y9unK78se8mlhD0JrD/7Lp3y909ufQ+dSCF4DovCMDkU1i4Co3Yc6Jnd6KA3tx"
    "gaVgBbQDfEqDdCX6lFb0/Ag5or2CBDRvTNOAAKf4oHkkESCnlKYoJLct5TIsN6PRIMSr3P"
    "SjdaYe7256D+8unC8f7YRcU1qKfxqw3WI9B7CNSfTSs6fKzKO2thyVsquUEUzqnUQrU3vL"
    "1N7lWRRDOXpZsUpbNON/jE4u4PgCroBPUO05xgyPIJmHntcrSDQP/W5354Bus1TqUWhjB2"
    "EOFdb3Ob35yasLdnk76dlRjMPbcTqR9ZS9yhT+a20S0ErSioR7nGXqRfy+6p+sM69mRNPg"
    "ik4hS1P9NyYHKNtxlLkFKHgKXY+e2QLrip8TSHnnZfKaoxdoK9hUpsBgy0bp3Pd/SlCkFH"
    "effVm/ZKqvqmhk6paHqjQmvJBMVBZc0tt5EbWcKzlE0xjdeX4MuAzFkKEYMhRDhmJUnzMt"
    "zbLnuYAlcK8757B0rjXghVZoaMH31taQ52Ho5big/b6H5Vn/guQNy+QN65iwZD01kL2A4m"
    "XnH28G/fE3p/K8P8YTvutMuk6bW7dLZ/7yw0nHrT5PZ4MAVn7+CQ97X0eTfmfipDjBcG4S"
    "BIib5qT/dcg6u4afJzzoDG/Zbyow6c54g5FT7t5NuRyV0bgY1dxTmVDOHqs2gSsRiSBEJD"
    "Mx8GRicCDT1wlxDoxxzYDZo8liWWurjUvCl3GcsewKdL+olMG1k9TDWXkswnRypfKsVMs5"
    "zeI4Z3tt7KgaZDnKw2nDBYYitVwm+tFlmD5jlI1bwFdcC/gqYwFfxRfwEZ4b0mmjsmqBuN"
    "PGDFk2iwJ0OLMDJjuJXs54lWecihlUfnRCMEQnO0IqNYBVmXieFDwy8dJbnHWp7W/arPNo"
    "+6N6Ql4vzAhZg6SQ3MxnbKZETSkhGmlMkW6tJ3FrZatQfN1Kz0tOA6C7yaUJcJ8JMHQYJh"
    "sBEz9l5SFbsS8YL7DRr3eK02X82M0BWektPOFLI+gnQ4hjLpQdaAHInTtSgzAPLU34AnE+"
    "mV16L7CWPJZAApPwVygOmqBz9KGZlWrhHB1gaop2jg6uv1Tfku3y3Odgou62BE+0OJPKDY"
    "ShQomszbXyujAVHen0/4Cc0X8hPlNmlrmkfyJtoTi6PYWY7k/aAZGFAhRskoRUMLmPnnPc"
    "uaydxq7J2mnlOkDn7lfCNpCa5VSUYpMJkzWv9kQB1aXNA3AOEUmU96PMjnsRgP3+0mTPY7"
    "Knt4IWBgnpeTOzWwTJZIYLgQwX0qCWvtrraVrhKmSmEdG8AEESaVKJb6RDEoYcnyikcnum"
    "WPU02QYyHKnqa1y63LOIgiC0tPYrqJ3dLZXTe0ANnoE5ZAPIT0fjwJ6gnPGnI10rs82sfJ"
    "p6IjKCp4AInuVKFc8rHCLKRQ5sYGbhQCZhcADGISKJ8T6M6VuagggHSCS++/C1TCNFk7E/"
    "zs+nLa0KTktDBP0fxIK6jVa3P+n/0Rs6lW8Y/RMePXztDPvjzqQ/os2mNQcY2Y4R7gmPu/"
    "3ecNIfsyLlGoKYIJvQ1knny5drxUl4+4Q7t3d9Sgj0JcJRo8KJVFKVrxZVkkrqss0B7WU7"
    "FVp2KXLOB5aH0FEfoWsc1PkfRwSRtPMoTXwmxR5CDVrHOqLn2YoZO0UQDlNJmPfC7OihYW"
    "JVqF/Go2GG8toniipSkUaU/ygGKq5MVOvvszV2C6FM18ggCNvv2f3+UdQkZIDOQArpUH2w"
    "3911fo/OQ3cwuokqR9kAN1Edt1eGTNCPPExVkM6zfnJnIAjLXFsaVG0Nip0qUbrmWR3zP1"
    "hmpmGYr7ZqAkHLWJhQ2sYEbGNUXHfRO6xkUIxahpRWJ9pIhhZKSygbwqnQYEOID63uEKCV"
    "+7vK+1sGkTZtfydMe8wD/0QxeRXbx8VXlT5lOE7FwD4+GofHnBxnXMov2l0T4CMHwgxalo"
    "SLGy4NohcK1ylivuoIGKt3eRKwqsZUcKHlZNik99aQTYc/Eq87NlhDlxVji46E59CAuFrA"
    "s7YX6tQwtedjQaID3bBxGo2UBekDH7+g6FAP7khNRcsvAgST4vMEoIpW1W3gCZVU9uYIwG"
    "IFd5q4vLZZJgPZ14+NFG/o8ioXoVqupliEdVlJB+qynoRcsEPJJneFztNx9fMTvNmvgaDT"
    "egdaSGP6qJjbunflLMtxHez6SM/1sqa+aM/1F2jZgo52AZIGhuO3r644lLW0V3ped3Ytkh"
    "Z7JVTjweveQHQvuCKYLzIimC/iEcwsjXRifvd0B7AASfnuX6cxH+bm6BWzRJQZgfXX/wM9"
    "JChd"
)

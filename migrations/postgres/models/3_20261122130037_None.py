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
CREATE TABLE IF NOT EXISTS "reply_windows" (
    "openid" VARCHAR(64) NOT NULL PRIMARY KEY,
    "opened_at" TIMESTAMPTZ NOT NULL,
    "kind" VARCHAR(8) NOT NULL,
    "sent" SMALLINT NOT NULL
);
COMMENT ON TABLE "reply_windows" IS 'The last user action that opened a window, and how many messages went out since.';
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
    "current_ticket_id" INT,
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
CREATE TABLE IF NOT EXISTS "chat_messages" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "sender_role" VARCHAR(16) NOT NULL,
    "msg_type" VARCHAR(16) NOT NULL,
    "text" TEXT NOT NULL,
    "media_id" VARCHAR(128) NOT NULL,
    "source" VARCHAR(16) NOT NULL,
    "delivery" VARCHAR(16) NOT NULL,
    "channel" VARCHAR(16) NOT NULL,
    "error" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "delivered_at" TIMESTAMPTZ,
    "recipient_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "sender_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "ticket_id" INT NOT NULL REFERENCES "tickets" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_chat_messag_deliver_f45f5c" ON "chat_messages" ("delivery");
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
    "eJztXWlz4jga/isuvuxsVbarQzp9pLa2ihDSzU4CWSA9s9OZcilGgDbG9tgiaXa2//tKsg"
    "2+kcA2tqP5MB1kvT4e3c97/dlamlOoO286NkaaDlsXyp8tAyzpH9FLJ0oLWNb2Ai3A4JEJ"
    "tYBbiRWCRwfbQMOkfAZ0B5KiKXQ0G1kYmQYpNVa6TgtNjVRExnxbtDLQHyuoYnMO8QLa5M"
    "K330kxMqbwO7m599N6UmcI6tPQ26IpfTYrV/HaYmV9A1+zivRpj6pm6qulsa1srfHCNDa1"
    "kYFp6Rwa0AYY0ttje0Vfn76d96X+F7lvuq3ivmJAZgpnYKXjwOc+qtuylqoOhhN13Juoak"
    "sAIM00KLjkVR329XP6Cn9rn7778O7j2ft3H0kV9pqbkg8/3EdvgXEFGTyDSesHuw4wcGsw"
    "jLegwu8Y2gbQ1SR0uwtgJ8MbEYvgTD4girOPagBoD8aK4LwE31UdGnO8ID/fv8sA9Wtn1P"
    "3SGf30/t1f6QNNMhLcITLwrrTZJYr7FmeMsDvCeBHeCOyFbawT+wVbdLcjt3R4T9sfOfAl"
    "tVIBZtfCCDur5RLYaxGMAyLlodxqlYLx2du3HBiTWqkYs2thjB/NaQLAEzIbJAPs128Auh"
    "lgTnq/Tuidl47zhx7E8Kfbzq8M3uXau3IzHHz2qwcw794MLyNQr2xdpCt71RsAdLgbn3N1"
    "4/OMbnwe78bYtJDmxOH953g4SJmNNxIRhKdIw8r/FB05sa1Fbkj/fbYyNAqj8rhCOkaG84"
    "Y+7x9H6OoUoeyuHu3VFDLTwXOb3YXdINrV4RLaBDhtrYo3TJKsbKLcm8gxV7YmtH/ZSjRu"
    "Tsp/d2jDOXkj1dFMSwjkqFxRUMd24q3z07fkv5Lw5oE7He0o2NbqkYzNBZyqAMfBviJAYb"
    "SEyYBHZaNTjSf8xv+jjlt1G4Lp0NDXXrtnbXz6t73xpHN7F5pvrjqTHr3SDu18/NJYS21u"
    "ovzSn3xR6E/lt+GgF52WNvUmv7XoO4EVNlXDfFHBNNBF/VIftfCeyqLtsk+7hyVlq1el1X"
    "2MAs3O3p6SSLOnAONBCx6B9vQC7KkauhKgwwDWFjBh+3HpCV7/PII6YNDGe4FHpt3Sm+zB"
    "fhy5/X/4Pd4vDSJpts00KOOXlu1ltAQYYM4+iT6bPsnDqguWFkBzo5VASm6unWSxkppXS9"
    "KSzaIlHY2AIbTd9AXy2QJViIs8a/PwOO10Gqcd3QAZJhbC1q/fuI18m4tcaGeQC+04uaCR"
    "lXS/TUZYUm4yqrLJ4Nla+m33uE7UpKQuCDG53WtD9TcT+awOseOxmIoqJNRAJUrOp2IHg9"
    "lMrO8GRWS3dbtt7OAR7cVxfK9NG5It7M9wzWDuk3cCRiJ15m2NR5sb1awDpx0ySLENXjZ7"
    "6/DQJX+Qr4aYITAi8/So35204n03B2DvHbiP4romqAaHawhU8gLK4P7mppWyoklkdyAbW8"
    "RT4OUhIei+5EAK4s7k0nTUBOxiGYgFwLfQcQCb+uMkRODySSYPQSqqS7dmxbiISzR/LXTE"
    "p3b77OxD++3Z+4/n7z58OP/4drOExy9lreWX/c90OQ/tnThIC0g+3lZtU8zSJyLWwK3qKc"
    "9e9TR9s3oa260unbmLkADOQZkSqQwMv+Ny6Iz8Yfbfndfex6/fAKaobHufJZwiIHjEDco0"
    "APIyjARrYcdQ44mZ7IzQMxQzwwzKlGfBYJFllyJVU6DJjtMwoJCNYECkebNF7gBD2zZtEX"
    "g3Ao0DV+pJpJ4kVG9/PYk31+/V7lHZHFq+mhxI1Rs6weom3tI21JCFoIHFlApRMalYiOvD"
    "PMZATFkTlNkL1MrNkjmjipH2BAV7a0hGorpbCeYCloNGYbK5Uc0A5lUqhLpWSKHQ7Yy7na"
    "teK2FOKE9VU1dYQ/Pgblg3y5FUgu1U2oYXbmEdWJF6nr7xaK6MaYaqJ1LjJEvbg9y6UuFz"
    "8roVPlM4XVnqExRkuwJCjbNW/cTDw3xK52E+xXgY04KGGC2+lSiNTSzP6it337Mn8lki6P"
    "r1JR3OQyI+J24dMkhEXyCXkBqVQjd/Q3byOJyIb7qGMiDSAJpWKimPrXYoQklpgbVuggSQ"
    "093gAyLV8H6nj22M9zs52kD0vBdnHRGVyoqqcNg8yooFMKb6Xs0elpSKiqopKgT8g4ukJV"
    "xn4QQ2YuNFnE5CBLyV8+UevhFh8sZTb812Vpalr1WKOi0h35NcwQsQyOpI39kj+s6aNpoj"
    "Y9Ng/ADHBYvSaNQP7qBrsmknWJBdk/1XmurNl4jAOaMiNVzxM+C6Gt5f3vSUu1Gv2x/3va"
    "3YZrZnF9mU8YeOfIeezk3skEFQEjxi+BKSlOAgJWxgPMXhHS+Brqer5T2ZJuk4z9of3m9m"
    "A/ojayIY33ZubuKzwRNcv5j2VChmWVCmGqe1ZsUqwwCvEhqEzh89Y7WMaeuiTq2edIlkhW"
    "Wb5KvgVLAJWnej4d1w3Lu6UPw7PBidbrd3N6FlQNOghWnZVa9L+i4tm0JNR4b3pKPPRORt"
    "0HRPW7CgpDxgVe2AFaZPgJPk+Jzlu+9LNI4xlLa0kp7iGFgynN1rbPWE6dR7+/iaKRppJi"
    "YnLWvj2/kQscUNbECmSeej/CiTGEPIj26irOy6qSCL035xQQnvTjtmd9An0ICiRqGcwTqq"
    "NkXwWoWGJkcOK+ZtXywP24r1XG5L5ti45cYXbDM+HQhxIHdUo1EOrz+7gd7utnIAudmG47"
    "GNaaUsx9kckqCh9eeWdAXtJpJToabh3zYGmVvm0lfTkmPEwvR9HfzCUHA1X1krtbNlaWfT"
    "zW13c9N1ML1tDXqUZzYg5Z3/dU9Ou/3h4EIhj3RojQdjeH3dG10o5mzmTmrHZ6HZq7ho7t"
    "kw4TtU2HSXTKejr/1u70IhS8oz0iDVF3zp9772bnuDCVUZLBB8hkvPRPb4bSPz5hVq/F/9"
    "hG5H0rEUYT2NwVws6ZhXX+qIs5vileiI/dRDgm3Quru/vOmPvzAtsX+PB+O2M+myMteOkJ"
    "R0h4NJp8s0x9RLgmxYaemg93k46Xcm/cFnuqrPTYwA6Q/zB2Pc/8xUyg45y9CaN53BFf2t"
    "kwM/u9+Nq5rW9I1q++jLCXsXVVwhGZWTakketaQNnxF8Uelw2XtrFb1HmSMOOPvYZHTGrk"
    "UGk34w7nqDKzZ4vIBjD8ao98+eO85s+B9Ih1k1BocHtWh6kIiYHBo8Q8MNK6iK57mJyFX4"
    "rLEn3AW4CUrriIbpyaV1xGtsdR7rCPjdQuRue7R6WFJaFFankeNjO0RscxLUIRlpppFgQe"
    "AnUxTMYBWWkrYDMn8VH5nJw2Vm56/KsM+QyZb443aJJVty59EckG14oLnQerPbYEAL5Ls9"
    "ENhg6tx6Tby82EbWnAPSLXnmHaWmfq5Lj06yjJU5sg/NULU7FqoP5dCAE5P8bzeg3MFQ64"
    "SoiJHOylmMILMxaCXZ6gQun2Sa7JCKqu3WLCSygm/BoYGVw2Zw8o+dFDLhW1DJZCPTRpgp"
    "XqfkluSEKma0IyNC0mtlRISUwfSK5HH9QcOttfMFGghv/rYgtFPH0U03T/DrV8M8oVEBx4"
    "Izfrg5sqM0BOXKo7jOi53S8wjTUEd7j73yU7Xi6uaxX+IESibsJ34wrjv9G6qKngGkU3X1"
    "/WDU65D+e3nTu1BWhg2BtqDf8WB0O4Nu74ZV1ihMul4VxbW3KYq17o4QAhspqeKpCvvPo9"
    "gDGMOllZQkOXtyDMqVNzm+rf7kqAMHq8LpzsJS0upDxmmQE5a0RHgdrc5jieAzO7EmT12g"
    "AhJSP73bBXvlyHxHu1UlgU6VrIQ6jlulp1ZNIGu3Ctd0ntbVWR4x745G3kmIifLqNy7fSw"
    "5a/JMMPpX9K4CzX18SfhyEnw6f0xJI7+ZENsIVzrFD4yN+7Q+ou6Nlm8/IoP6O3f7k3xeK"
    "hvCaurzcD9gvc2V4+hXBVuFJ/5Ce/CEh9YNNM6iJTi8RsYKMwms9y8Q2EjzWAb6dwYH6bg"
    "GDjKrNQVy2AZtIB/tD1LAwOFHyeTY7DJ4xvcWdbc4QV6yVWsLkmkMc2I8alxY2dqY8EKBm"
    "xZIRM70RPqNY+voX8sXsgJ9wUNlePsk+rVATsxdWk+/M0posoEIJVoW2uAJcXSdeAKzQ5I"
    "ZwqgDFvd+JAoypsjBfFPIZa8XPSKq8kP2AYq6w4tBdz5vo1qaQBxxwnjp+kscqnaly2uln"
    "pAhhbbwHIRkSbCAfWV/+MU47S1ukok5pTmLSyWzto5OcdfL1aR4FDmJFLu6hHXXC6h7dca"
    "cv72x7r1puVc71vUNDbGgI2nP4F4f8/Uxafw7ZUgueASLtjnSE1/F1W0Qw57zir8WEtLDQ"
    "bxqwgLaHVVdQrkSrrorOHyFTkBeQgOalaeoQGClWIJ5IBMhHIlMUkpuScjcsl8PhTWivct"
    "mPBqm6v73sjX46ZSvfNidXioUIcNxIP3tsG5PkpYd1lTeP2spmlLJLygh6BCfJSr9g6Rdc"
    "nkYx5OBHI106ouECYnKyA8c7cAVsXGq/Y5RO7EdwYt+O7hzQbRalHoU2NhHmEJ59lxGX7/"
    "lasAnXUeeOYgy4DuJEPOVZAhuyVaul8yAB/V3BEe83FIifgdz1z/k9Ft7evyB5jjJ5jjo6"
    "W8nguoe7YVnk5VQHQ0vkOBMSkl4kPF4kDLLpKsFCjLIwGTB7MlnMS233MUn4UiZFBoA+Yk"
    "+12WwmyndvpRp05s6D7naBIUgtl4kayAzSKCbZuA58ztWBzzM68Hm8Ax/AeUu6u0Z09wzZ"
    "DrWfZjuzPRo7SV62eJVbnBwzyPmRGa+JNnZEtIFmUDV1y+RxxpUu2K+x1aULdtNaPWGSj5"
    "nLR3lCXv11RKxBp5DcNH+0pUR1fyEZ6eEuDQKOYhAQyJct0G+lzppTZ+0O8vK0qlXru7xq"
    "vdBkyBEe3F+TykO2YisYL7DR1TtFXR2fdnNAVtpZTPjCrvtuZHHMhfyqFwDfundqEOahrg"
    "mfoZGPT2zvGdZyjyXg+hleheKgCZqV7OuTXguzksCmphyzErf/pdqWbLrnLgMTdTskePxs"
    "6KlcRwZUiJC9vlBeFqYyRVPyL8An5P/QOFFmtrkkfyJtoTBuT8Gm+5NUQHihAIUmt0xyxs"
    "n57jl77Mi47/SajPte6nEtf7sSOoDULKOiFJ1MWKx5mVLzRxqbe+AcEpIo70ZZNMFyYzMr"
    "F6KyJ4+CtgESAptl+gUGxaRvoIBvoFSopff2eqpWuIKwa1g4AWtARKpU4gNpH1fLw10sKz"
    "dmiqWn03KuCVN9jQs0dhIhCEJdazdBzUa3JKd3JQUNzIE5+FHlx9Ew2BPIGb850lmZTUy6"
    "40Rilh48BXjwLC1VPCJbSCiXc2ADY7IFYrCBPTAOCUmMd2FMvtIURDggIvHdha9t6ilMxm"
    "4/P1+2tPjhLQ1h9F9oCHIbrW5/0v+tN2Axw6n8gzEcfe4M+uPOpD8kxaY9BwZymBLuwRh3"
    "+73BpD+mCdY0BA2MHExKJ53r6wuFhQp7MDpXt30iCKZLZESVCkeipCofZ78kSir/rKXB7i"
    "E01UfkGgd1/tMRRjhtPko7PuNiJ6EG9eMpIvOZRZWdIgiHpSTMO2FmPDRMjKefnoo3JFSN"
    "fLz0eY3Jx+vngRC0Iw9LFcR51u/cGXDCMle2BlVHg2KzSlSueVrH/CeWmanr5oujmglJvj"
    "M1Y2FBqRsT0I2R47qL3n7B1mPS0qW0Ot5G0rVQakLpLVhsWwdCY9+4uAFZOb6rPL6lE2nT"
    "xndCs8cs8I/kk1excVx8Pr5juuNUDOzDvXF41MnxjUv56Q5rAnxkQphB25ZwccOlQfRM4D"
    "qGz1cdAaOZgo4CVtU2FVxosQib5NkacvyU4PvjdUtv1tBuJZO0ZsOzchaqDckLHw4TudXI"
    "vVNT0fKDgsMkr7Pi8trWcdxt4gCWm9+2jlDJDMCcEKnlu4XXpT8JGclGcnT7SfzScfU9yF"
    "/tzCZoVtyBNtIoYxAzLPaunGSZFoNtHWlbXFbTF21b/AxtR9AUKiDSQIfp9vk5B51GaqVH"
    "3qbXIoGLLaEo/F71BqJ7yuVjeprhY3oa9zGlgX4TI3Cnm+gERMo30DmOgic3U5wYV1ymj8"
    "yP/wPes8D/"
)

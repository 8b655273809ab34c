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
    "eJztXW1zmzoW/isePt2d6XYSJ25yMzs7QxyScq+Dszbp3m2zwygg22ywoCDSeu/2v68kwO"
    "bVBgfbmKpfGgsdEI+ko6PzHB3+FOa2AS3vvehiU7egcNX5U0BgTv9IX3rXEYDjrC7QAgye"
    "mZAAgkqsEDx72AU6JuUTYHmQFBnQ013TwaaNSCnyLYsW2jqpaKLpqshH5lcfatieQjyDLr"
    "nw5d+k2EQG/E5uHv50XrSJCS0j0VrToM9m5RpeOKxMRviWVaRPe9Z02/LnaFXZWeCZjZa1"
    "TYRp6RQi6AIM6e2x69Pm09aFbxq9UdDSVZWgiTEZA06Ab+HY6z5rqzJB05Shqo0lVdOECg"
    "DpNqLgkqZ67O2ntAl/7Z6eX5xfnn04vyRVWDOXJRc/gkevgAkEGTyKKvxg1wEGQQ2G8QpU"
    "+B1DFwFLy0O3PwNuPrwpsRTO5AXSOEeoxoAOYWwIznPwXbMgmuIZ+fnhfA2on8RR/6M4+u"
    "XD+V/oA20yE4IpooRXuuwSxX2FMzZxMMPKIrwU2ArbzCCOClbormbu3uE97V6WwJfUKgSY"
    "XUsi7PnzOXAXVTCOiewPZUHYC8ZnJyclMCa1CjFm15IYP9tGDsAq0Qb5AEf1W4DuGjBV6Q"
    "+V3nnueV+tOIa/3It/MHjni/DKYKjcRdVjmPcHw+sU1L5rVRnKYfUWAJ0cxr1Sw7i3Zhj3"
    "ssMY246pe1l4fxsPlQJtvJRIIWyYOu78r2OZXsa0qA3pv018pFMYO8++aWETee/p8/5+gK"
    "FOEVo/1NOjmkJme3jqsruwG6SHOpxDlwCnL7TqHZMny7uo9i7ybN/VK9kvK4nW6aT6rUMX"
    "TkmLNE+3nUogp+V2BXXGEhd6pyfk357wLgN3MdppsB3/mczNGTQ0gLNg3xCgsDmH+YCnZd"
    "OqJhR+H/1xjKa6C4ExRNYi7Pd1ho98L41V8f4hoW9uRFWiV7oJyycqzfTU8iadf8rqxw79"
    "2fk8VKS0WlrWUz8LtE3Ax7aG7G8aMGJDNCqNUEvaVA7tl236PSnJe70pvR5hFOt21nrqRJ"
    "q8xDwetOAZ6C/fgGtoiSsxdxjA+gzmmB/XoeDt7yNoAQZtdhSEzrR7epMtvB8H7v8f0YiP"
    "SuNI2l27CMrspXl3ni4BCEzZK9Fn0yeFWPXB3AHmFAk5TsnltXfrvJJ6WIu7JdvllvR0Ak"
    "YlczMSqMcEapAv8qxbxo/TLXbjdNMGELJxJWyj+q0z5LulnAvdNc6Fbta5oJOVdDsjIynJ"
    "jYymGBllTMuo754XuUxK4YKQkdu8NjTfmKhndchsj6tRVAmhFpIoNe+KPQwmk2pjNy7Ch2"
    "0wbDMbj/QozuJ7a7uQmLC/wwWDWSZtAijXdRaaxqPljY5sABdtMkixC74tbevk1CV/kLeG"
    "mCEwInp6JPdVITt2awD20YPbENdHgmp8uiZAJQ3oKI+DgVCwonFkNyCbWcQL4C3jhKB2yR"
    "tdEA92KabjSMDeqQci8NbkuB+Wbpxi30PMXVSv5+ELESYtNsLB5PmOYy00OjBoCXmf/Aph"
    "hBarw50XB3Re2K45NdGyw8oDnBXcyqzahtBpPNxx3xBZfXLWJMsGRYZqJJGCc0JFjteOyo"
    "PrZvh4PZA6DyOpL4/lkAlebpTZRaYyvlpmZFGJgxTAc6KJ7Ep7rZVECzdap2V2WqfFW63T"
    "zF7LBeglC+94DiyrUDdEMrvSCIfYaZ11Lz4stQH9sU4RjO/FwSCrDV7g4pvtGpWCRuIyPF"
    "gk4WGrJVgEA+zndAjVHxLy55k9Q9qrEErv0d/suDZ5K2hU7ALhYTR8GI6lm6tOdIcnJPb7"
    "0oNKy4CuQwfTshupT8YuLTOgbpkofNLBNRFpjWls5axOStbgrG7mdqTpvukcAjzrnCbbUy"
    "/P87TOeRpJcNKHkz6c9OHxRD9HrxfFE+WtmVWpvowc50yy5nzCsVUa2JhMm/ZH9blMMh7C"
    "8ujmyvKhWwhydbdfVpDDu5FNDSZ9DdRUSbakaSqiLDeVUI4JXqovjvvijSQUDeL9YduwkV"
    "uaUM3M29L4gtWR+zdCHDu832qUk+vPZqBX1hanrzeqiJRhWpm+3iVFy3RIDkMb6ZZignZJ"
    "pe80MPyL8GIGC9HKcxnRtGQbMbPdENWoMBHdEpG1nJ3dFzsb9dY2vulItsksl6BI1M+MIP"
    "U7/+OR7HbloXLVIY/0aI0nNLy9lUZXHXsyCZTa4b3QrCkBmlt2TPIOtaQj2VHvjKXRJ7kv"
    "XXXIkvJq6pDyBR9l6ZN0LykqpQxmJnyFcxhM3MP3DU9cstOTv83PqHEgjmUXOTUwmFbL+h"
    "DW5xzx+q74STji6Ox3xT4QHh6vB/L4I2OJo3s8oXtR7bOyII6QlPSHiir2GXNMegcTg5WW"
    "KtLdUJVFVVbu6Ko+tbEJyHiYPqGxfMcoZY/sZWjNgajc0N8W2fCz+w0Calq3ltT2wZcT1h"
    "atOiGZluO0ZBla0oWvJvym0emytWmVvsc+ZxzwtonJEMdBRAaTfkIPknLDJo8DkcEmzkj6"
    "TQrmmQv/A+k0a8bkCKGuej4zJcanRpmpEeSn0aofNE7JNXivsSXc9R845tERxdAfJ0/Ooy"
    "N+xl4vEx0BvzsmudsWvZ6U5BGFzenk7NxOOLZLOqgTMjxMIyeCIMpmUzGFQFKKxw7wBAL7"
    "SiDAT7sf4LR7oEdrQLYkq32suCbWm80BA3os4dgbgY3nLjsuxVv6xHtyzXnDefcwvGOvuf"
    "eOZUTnRcbyJIV7ThHw4HuzEWT0uZAXhhK7/G5tNAqpqLlBzZ0kDYiCE3Tge0w5kf/cvGwA"
    "X+L8iWvarokZp2iQW5LNV7V4lGtz+rOEpPza7Z6dXXRPzj5c9s4vLnqXJ0u7NHtpnYF6Ld"
    "9RGzVhWb0lcKXglOsRBKs0x0UZTZrShFQk0EJ46w9zoIM6i24x8x7VbwbzTh/bGuY9rvGT"
    "3bE+AUFcbn/em95uVXodGQiOMZQhYEIrM6sZJnUclXixEpX9xE/oVpQHlGWdANOiTOyjMp"
    "JEMn6vB9JVx0cuBPqMvscT6otKXxqwyjqFybKawsmGRlGmdzecjl9KcfaiKY7tMpwVwBjO"
    "nbwEbOuVY1xuf8rxpPnK0QIe1qDr5jmsio2rpBQPaOApCLjC4iT7z9HrZUj2yLOT6fLCBS"
    "omwanXzaeL/ZAa4QzLOhYgNqjy+ZXDnBgMGcMcZ+2KSyz20wZ03AE/KKOTNlXyRIX1W/fl"
    "k1oy3Bf7U9n/FXCO6nOHXwmHnwVfYcEHbDf7RJbCe/ueYXWkaeq/T7JCT/I5rv1qInqUry"
    "+r/7rq6CZe0NMcjwr7Zfso5Fcq9kqZj2QXfyI784FsB7gQYa2qekmJ7Sje+ai1TMaQKEN8"
    "Jz5dtj2VWyHWoGk6qBTtvb98+EcJDzXB3ghPu5Jb7DQWgEGVY1dGEBZblct+4h8pPKo94j"
    "oDcu5otgNRtajShFAti2mTLPba7UgbbIFxQohjvAlj8pZ2RYRjIhzfTfi6dlEGjRKnb+3d"
    "JtPIftmd7F7M/0JUlRsmWx/5s6Sw3Q+Vf0LD0Z2oyGMxyD9ju1OATA8EOWjGfVlSVHlMqW"
    "LdJPsL08OkVBVvb0kJ/VDVExJv7mUiCIy5iZrBBTffY7AnAqv++Kv48Kik6lNyrYO6fnV0"
    "DBl9jnYcGybRZw79wkMVhJNSHOaNMJPnQBfmegaKgwoTQs2ILGxVTp8mH188vn0nT1XBU1"
    "U0yh95pPEUZaJoWLyZByHaot/TsjxxQXMCZ3i8VPvnd5l4qQOd/2/YPG738f+Ggf320//V"
    "zlFH5sf+aeUjAT6lECbQdTlcJeFih841+p0AL4qN2x6rth0+59EK5eFJn4F/A0zJc/dtQW"
    "uX0QsidE19JuTEL4RX3q2LYACrOjyEYW8m245DGF6h61VkXGIiLYyE7fZ6ZY5m9XrFR7Po"
    "taRTiU6qCgiH1VuI7mmpg2+naw6+neYcfLMRDj+XUZYJiInsnwc4jKemNo9/hWDX+hezH/"
    "8HTrV5ag=="
)

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
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
    "eJztXG1zmzgQ/isePrUzvU7jJmkmc3Mz1CEJbYJTm+R6rW8YGWRbFywoiCS+Xv77SQKMeU"
    "uAYgd7+BQjaSXxrHa1Wj3kpzC3DGi6b3tgbgM0xcJx56eAwRzSH6m6Nx0B2HZUwwoIGJu8"
    "sR604qVg7BIH6IRWTIDpQlpkQFd3kE2QxQbBnmmyQkunDRGeRkUeRj88qBFrCskMOrTi+9"
    "+0GGEDPkA3fLRvtQmCphGbLzLY2LxcIwubl8mYnPKGbLSxplumN8dRY3tBZhZetkaYsNIp"
    "xNABBLLuieOx6bPZBa8avpE/06iJP8UVGQNOgGeSldcda1GZoGlKX9WGkqppQgmAdAszcO"
    "lUXf72UzaF37p7+x/2j94f7h/RJnyay5IPj/7QETC+IIdHUYVHXg8I8FtwjCNQXZ2Ckca1"
    "NwNONrBLgQS2dNJJbEMkmwvuHDxoJsRTMqOP77tPIHkjDnrn4uDV++5rNqBFl79vGEpQ0+"
    "VVDOwIXGyRUtiG7euBNiyIsI2MdQmksBFou+/eFcCWtsoFl9fF0dUdyNDQAEljfEJrCJrD"
    "bJzjkgm0jUD0bfhjXdivc2HTFzT62FwEBvUE+Kp8KQ1V8fKKDTd33R8mx09UJVbT5aWLRO"
    "mrw4Selp10/pTV8w577HzrKxKH13LJ1OEjRu3UbwKbE/CIpWHrXgPGiu2HpSFqmVofL7RS"
    "G0JK7vm9IUPRwQwbo+dadocIXAdO6Qwygc33WjGhzbmuje0LhwVcV9IgIsd1mHRbLgGTSb"
    "m1uyrSLlt/2bIwcXKbGdP4CzKN76nlQBrCfoYLDrNM5wSwnrXjBqHxYNnRli3gx3AFhaXR"
    "GnDA/TK2jpsu/UHfGhKOwID66YHcU4X02q0B2GsXFvELDVu2RVFdNdcYqHQCHeX64kLI2d"
    "FaZJ9BNrWJ58DLnMMY6Lf3wDG0HC/B4hI3jfjHQOz08wCagAT2nw32Fe1id8DmqFldawWt"
    "GI7pqnl3niwBGEz5K7Gx2UirUGVkH0II8zMPSz2tNevwXbilT2wYamHE4wPSJUZbfWfx6M"
    "xyghUXFsZcJyts8xabzFuE2koHqRL25ilnGcM4lG1yrCooknRCBSE0RvjLNd2N5b5y3KFD"
    "uqzFCPdPT6XBcceaTHyHXzaq3SsS1u7lx7V7qcCWT8VHs6Ji4j1UUs9mfC3dagY3ck867t"
    "Dt9g7pcITF3rks3UiXkqIed4A+Q/AOzqFvuC+vG4KIWSoVtRRospFUPdDtFznR7ecf6faT"
    "8I4tIyN4U+FDjpcP2+8EuE8ll6SvaiyvFIL46lL8+jqWW7roK2dh8xXQexf9j8m1DKYZcd"
    "unYV/JWcpB+2SeD+mk81/HRIViuGrZ1d8nHtYZnp2xh0yCsPuWjffHurKuT6iC4fO0KpKo"
    "v4nn7lgHSVVEsVIVdx9JbzDhbXtjqoIZNErqQLi6/nghD8/ZrrzsY4QvRbXHy+aA6Lyk11"
    "dUsaeyMqodQgNWVqpIZ31VFlVZOWO7+tQiiB4u8HSEh/KZwhq79JzHWl6Iygl7NgF9Ddbf"
    "RX/IOzMtN5j1i28nfC4aPYy5WXmW/F0lKddedBS56HDgHYL3GjOXyqFVso9NWhxw3QrmJg"
    "75svelR/hKUk648dgQG9xwBtInybczB/4DmZk1wzgCqMte/iXEWtMoYhqu5Tk61MrfYifk"
    "GnzWaMxtdnvfmg/97t63erZRUetxyVbrTdF6iNGK2oPZR1qHDzaivVXQelyyBq03zMtur5"
    "LTth1LbBdMUMdkKl1GN86MayZRhFTJkvyUuFR7zd+yUzbFTmmpFC9ApfD9aA3IFrzx31Zc"
    "Y/tNDNeeOOyJJ5KQ6XxrAHaVGL9djrcwnSK+55QmU6yTMBA4jAzKQORK8kkDvjW+4McKOp"
    "1Tqcxo0H7nWPW1sCfzeQD8bwmcw/a7GAnUfq1pwjtoVs04L4XXBXUNa1q4GvRvZIVd5NuO"
    "dYcwu8nvyepfxx0dkQW7zLlW+JPlYbKokl8+KqCUo1ydHCVVYgMHYqKVdS8JsTWlO7fay6"
    "Si4CIkwthncdWJhCVCjab5oFw2YWzVboxruZXweDSE/0V4dov3u1YqKocqI64MIcyPKpd6"
    "aj+A3bIkUn4AObc1y4a4XFIpJlTLZtqkiL32ONICFTCOCbUYP4cxfUurJMIrIi2+z+HrWH"
    "kE2gLkG2u9XNoUzgI9vaB/IRbKgS3Qo4/8TVL46YfJj3B/cCYq8lD06eeWMwUYucCnoA97"
    "sqSo8lA97rg6oucL5BJaqoqnp7SEfQQ1wuLJpUwFgTFHuMrxqX56TvMzBhsi5NTPEFldHq"
    "VcfUJu56Cu3x1tA6F/a9exgag/s01UjlMWl2phfhZmOg50YGZmIJ/NHxNqKf2s51op/U1m"
    "L2zfubNlqrZM1UblI7eUs1iEqWoCl2guhLiC3pOyLW+xybzFlpO8a/ZdhJP8QvS/htnxbr"
    "P/Ggb2r5P/yv1PmjD82Py18pYAn3AIE+g4LVztJXwTr5lF6CB9JmRcNAc1b566agZRm/au"
    "eWN765rvmu+g45ZMja+I7CBlsXtwUOSb4IOD/G+CWV389M+MqgTCQfMdRHev0BfXe098cb"
    "2X8V+XLUyCf2tUNGW7IrL5hO3LHKlrS82WYCXWv5k9/g8Sw+sV"
)

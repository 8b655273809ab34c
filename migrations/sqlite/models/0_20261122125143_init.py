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
    "eJztXW1z2joW/isMn+6d6XYSkjRtZmdnDHFS30sgC6R7t82OR9gCvDGy65ek7N3+9yvJNv"
    "gVJGLAOOqXBknHL4+ko6NzHh3/2ZxbOjTd95LjGZoJm1eNP5sIzMkf6ap3jSaw7VUFKfDA"
    "mAo1QdCIFoKx6zlA83D5BJguxEU6dDXHsD3DQrgU+aZJCi0NNzTQdFXkI+O7D1XPmkJvBh"
    "1c8e0/uNhAOvyBLx7+tJ/UiQFNPfG0hk7uTctVb2HTMgV5N7QhudtY1SzTn6NVY3vhzSy0"
    "bG0gj5ROIYIO8CC5vOf45PHJ04VvGr1R8KSrJsEjxmR0OAG+6cVed6yuypqq2uuP1KE8Ut"
    "UmB0CahQi4+FFd+vZT8gh/a52eX55/PPtw/hE3oY+5LLn8Gdx6BUwgSOHpjZo/aT3wQNCC"
    "YrwCFf7woIOAqeah25kBJx/elFgKZ/wCaZwjVGNAhzBWBOc5+KGaEE29Gf754XwNqF+kQe"
    "ezNPjlw/mv5IYWngnBFOmFNS1aRXBf4ewZXjDDWBFeCmyFbWYQRwUrdFczd+/wnrY+MuCL"
    "WxUCTOuSCLv+fA6cBQ/GMZH9odxs7gXjs5MTBoxxq0KMaV0S47Gl5wA8wtogH+CofQ3QXQ"
    "PmSP5jRK48d93vZhzDX+6kPyi880VY0+33bqPmMcw73X47BbXvmDxDOWxeA6CTw/iCaRhf"
    "rBnGF9lh7Fm2oblZeH8b9nsF2ngpkUJYNzSv8f+GabgZ06I0pP8+8ZFGYGyMfcP0DOS+J/"
    "f7xwGGOkFo/VBPj2oCmeV6U4dehV4gPdThHDoYOG2h8ndMnqzootK7yLV8R+OyX1YStdNJ"
    "5VuHDpziJ1JdzbK5QE7L7QrqjCXevDg9wf/2hDcL3MVop8G2/TGemzOoq8DLgn2NgfKMOc"
    "wHPC2bVjWh8Pvoj2M01R0I9D4yF2G/rzN8lDt5OJLu7hP65loayaSmlbB8otJMTy0v0viX"
    "MvrcID8bX/s9Oa2Wlu1GX5vkmYDvWSqyXlSgx4ZoVBqhlrSpbNIv2/R7UlL0elV6PcIo1u"
    "306YkTafIU83iQgjHQnl6Ao6uJmpg7DHjaDOaYH+1Q8Ob3ATQBhTY7CkJn2h25yBbejwP3"
    "/89oxEelcSStllUEZbZq3pqnSwACU/pK5N7kTiFWHTC3gTFFzRyn5LLu3TqvpBa2Em7Jer"
    "klXQ2DwWVuRgLlmEAV8kWetVj8OK1iN04rbQAhy+PCNmpfO0O+xeRcaK1xLrSyzgUNr6Tb"
    "GRlJSWFkVMXIYDEto74bL3IjKYULQkZu89pQfWOinNUhsz3mC1ElhGoYRCl5V+x6YDLhG7"
    "txETFsg2Gb2XikR3EW3xvLgdiE/R0uKMwKfiaAcl1noWk8WF7oyAZw0SYDFzvgZWlbJ6cu"
    "/gO/NfQoAgOspwdKZ9TMjt0SgH1w4TaB6yNBNT5dE6DiB2j0HrrdZsGKJpDdgGxmES+Al8"
    "UJQeySV7og7i2mSMeRgL1TD4SCxpaP9DvouoBq/4wfItXi3TpvhBG0VedB44o5JdrG9K34"
    "JT61Wmdnl62Tsw8fL84vLy8+nizX8mzVukW9rdySdT1hRG32XuhQ9231CXKRURJCtfNifG"
    "IxVz8V26ufMgarZUPEtyNYSewtTnbEjLUn/Fo86Ebta7jVOmUZvKfFg/c0M3jhM0Q5/qE1"
    "hMtIoBSqZaXQLd/BiW/n5eJbzFSLidTAzblvstoc6gbg9M/EZWoA+R4YrjZYmBbIAbmYHh"
    "UTqQYrity2NqwoB2rQeN7K158SFc7+Y3L2zwDSza26PSlZQq9XbGU/kk7OoY0EvczBG9ml"
    "WyIgkeR4I5bskmInRIzFUq7v4RsWxk+sh2u269u2uVAJ6qQEv09+g/DgGG0jOBUH5FRYjj"
    "E10LLD2AHOCm4V7ana/rnkIKWrWU4OreIG219F8bNIIgXnhIgc4Yq/Bq7r/kO7KzfuB3JH"
    "GSqhKbbU9rSSqozvphEFeqRuZpOBUeLcYkQSwinB4JRwAHrKwjucA9Ms1A2RzK40wiECwG"
    "etyw9LbUB+rFMEwzup281qgye4eLEcnessS1ymGru1ep1h8YDn53QI0R8y8ueZUGaa7BBK"
    "79FZYTsWfiuoc3ZB837Qv+8P5eurRnSFRyR1OvL9iJQBTYO2R8qu5Q4eu6RMh5ppoPBOB9"
    "dE+GkMfasNVlJSbLCqtsFKuk+Am0eIWcfpiiRq5zEUXFThnmKYWOKY01vs9aJjTnlrJi8D"
    "OSMnqJxZcz7h2GIGNiZTp/1ReS6TjIeQHd1cWTF0C0Hmd/tlBQW8G0newaTPcQPyMmYZSZ"
    "xVUxGslNmEckzQZTvSsCNdy82iQbw/bCs2cpl53pl5y4wvWGUCfCXEsZyCtUY5uf5sBnpl"
    "bZUAcr1Z9RnDlJtVv8sQLdUhORHaSLcUB2iXDP+dUsO/LQmZK89lFKbF24iZ5YSoRoWJQz"
    "dRsFZEZ/cVnS2m2272TR8D9bbZk4mfGUHid/7nA97tKv3eVQPf0iUtHlH/5kYeXDWsySRQ"
    "aof3QtNHCdDcsmOSV6gwdRer08EXpSNfNfCS8mxokMQLPivyF/lO7o1IyGBmwGc4Dymyh+"
    "8bkU91p+T/6if6PFCMZRfsaQ9M+ZJRhu1FjHh9V7yRGHGUko6zD5r3D+2uMvxMo8TRNR7R"
    "nTTq0LKAR4hLOv3eSOrQyDE5JYENVlLak2/7I0UaKb1bsqpPLc8AeDxMH9FQuaUhZRfvZU"
    "jLrtS7Jr9NvOGn1+sGoWnNXIa2D76c0GdR+QOSaTkRlmQJSzrw2YAvKpkuW5tW6Wvsc8YB"
    "dxtOhjQMGBlU+hHdy71rOnlsiHQ6cQbyb3Iwzxz4X0imWTUmRwg1b9qolJiYGixTI0ibq/"
    "LnP0vJVXivsSXcOzgmKNgRNYuTC3bEW+x1FnYE/GEb+Gpb9HpSUjAKq9PJ2bmdcGwzOqgT"
    "MoKmkcMgiJLscmY2TEoJ7oDIa8jmzGTxZa7Pa7iGnyGS8LGGX3mT8AV6tARkGaPax4prYr"
    "3ZTBjQYnnQXwlsPKX6cSleVmxTa84r0vCF9I69fhLgWEZ0HjNWfDthz5kL7313NoA0fN7M"
    "o6HEqt+tZaPghqoTtNxJ0oCInKAB36XKCf/n5GUD+BaPnziG5RgejSnq+JJ488XHRxHJDk"
    "ndPpIdijxxu3RRRpOGOSAVCdQQ3vJpDmRQZ9EtjrxH7asRea9VLq24xk92x/oEBHG5/Xlv"
    "Lnar0svIQHCMVIYgEsodWc1EUodRiRsrGdGf3iO6kZQuibJOgGGSSOxDbyBLePy2u/JVw0"
    "cOBNqMvMcj6ki9jtyljTUCk2lWJSYbGkWZ3t1wOn4pJaIXVXFss8SsgOfBuZ2XF369cozL"
    "7U85nlRfOZrA9VToOHkOq2LjKiklCA0iBYFQWCLI/jZ6nSXIHnl2Ml1euEDFJETodfPpYj"
    "8MjYgIy7ooQGxQ5cdXDnNiMIwY5jhrV7HEYj9tEI474CdlNPxMXJ6osH3tPmVSyof3iv2p"
    "9H8OnKP2wuHH4PAz4TM0t/WJLIUr/PkYkvrvi9IjJ/lsx3o2EDnK11FG/75qaIa3IKc5Hn"
    "r0l+WjML7C2SssXzYo/q5BzlcNHIg8lVe9pMR2xHc+ai2TMSRYAt+JL6pvH8rl4BpUTQcx"
    "hb3395m+o4SHmGCvhKdeyS12ygWgUOXYlRGExVblsp+q85nCtxK231kmibmt8n8bLyFUym"
    "JaJYu9dDvSAltgnBASGG/CGL+lxYlwTETguwlfxyrKoMFw+tbabTKNDM5NvHsx/gcRb2wY"
    "b32Ur3KP7n6I/CPqD26lnjKUgvwzljMFyHBBkINm2FHk3kgZklCxZuD9heF6uHQk3dzgEv"
    "L97EckXd8pWBDocwNVIxZcfY/BngJY5fOv4sODS9Wn5GoHdfnq6Bgy+hztONYNrM9s8oUH"
    "HoSTUgLmjTDj+0AH5noGikmFCaFqMAtrldOnyscXj2/fKVJVHEKxTCzTtF5c1cqhK7ctbI"
    "wDlA92UjAF9RhL7kqtLEv2q0Ha/X43oUHaSjoD28NdW8YWNkV/9cG57PjG2/UAva14LFlp"
    "kTqgOtSVLGNJ8NSKldtxMpZYeGqU0elCiLbo97SsmN9Vnt+CkVi3+c3CSDxQho2KzeN6J9"
    "ioGNivz6/Bl6kgMj/2T9w4EuBTCmECHUfAxQgXTeugki9xuBH7dHus6pbeQfCB2OFJZ5l4"
    "BUzJzBZ1QWuX/CAJOoY2a+YwhMKad+s4QmDVRpCE9may7Zgk9AwdlzOmGROpIde8dXHBcv"
    "jx4qL48COpS7oQyaTiQDhsXkN0T5mOlp6uOVp6mnO01EJe+EEa1lhbTGT/kbbDeGpKi6lx"
    "0MnLX8x+/gUoidJg"
)

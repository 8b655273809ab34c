from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "push_requests" ADD "channel" VARCHAR(16) NOT NULL DEFAULT '';
        -- Chat messages are delivered by the dispatcher now: give every message with a recipient the push
        -- request that holds its delivery (messages the relay had already notified have theirs), then drop
        -- the relay's own state. Messages still pending are sent by the dispatcher.
        INSERT INTO "push_requests" ("kind", "cause", "user_id", "data", "priority", "status", "due_at", "attempts",
                                     "last_error", "channel", "created_at", "updated_at")
        SELECT 'concierge_message', 'chat:' || m."id", m."recipient_id",
               json_object(
                   'ticket_id', m."ticket_id", 'post_id', t."post_id", 'sender', m."sender_role",
                   'preview', substr(CASE m."msg_type" WHEN 'image' THEN '［图片］' WHEN 'voice' THEN '［语音］'
                                     ELSE m."text" END, 1, 20),
                   'sent_at', m."created_at",
                   'custom', json(CASE WHEN m."msg_type" IN ('image', 'voice') AND m."media_id" <> ''
                       THEN json_object('msgtype', m."msg_type", m."msg_type", json_object('media_id', m."media_id"))
                       ELSE json_object('msgtype', 'text', 'text', json_object('content',
                           '【' || CASE m."sender_role" WHEN 'concierge' THEN '科服保姆' ELSE '服务单发布者' END
                           || ' · 服务单#' || m."ticket_id" || '】' || CASE m."msg_type" WHEN 'image' THEN '［图片］'
                           WHEN 'voice' THEN '［语音］' ELSE m."text" END)) END)),
               -1,
               CASE m."delivery" WHEN 'sent' THEN 'sent' WHEN 'failed' THEN 'failed'
                                 WHEN 'unreachable' THEN 'unreachable' ELSE 'pending' END,
               CASE WHEN m."delivery" IN ('pending', 'sending') THEN strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')
                    ELSE m."created_at" END,
               CASE m."delivery" WHEN 'sent' THEN 1 ELSE 0 END,
               m."error",
               CASE m."delivery" WHEN 'sent' THEN 'oa_custom' ELSE '' END,
               m."created_at", COALESCE(m."delivered_at", m."created_at")
        FROM "chat_messages" m JOIN "tickets" t ON t."id" = m."ticket_id"
        WHERE m."recipient_id" IS NOT NULL AND m."delivery" <> 'notified'
        ON CONFLICT ("kind", "cause", "user_id") DO NOTHING;
        DROP INDEX IF EXISTS "idx_chat_messag_deliver_f45f5c";
        ALTER TABLE "chat_messages" DROP COLUMN "delivered_at";
        ALTER TABLE "chat_messages" DROP COLUMN "error";
        ALTER TABLE "chat_messages" DROP COLUMN "delivery";
        ALTER TABLE "chat_messages" DROP COLUMN "channel";"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "chat_messages" ADD "delivered_at" TIMESTAMP;
        ALTER TABLE "chat_messages" ADD "error" VARCHAR(200) NOT NULL DEFAULT '';
        ALTER TABLE "chat_messages" ADD "delivery" VARCHAR(16) NOT NULL DEFAULT 'pending';
        ALTER TABLE "chat_messages" ADD "channel" VARCHAR(16) NOT NULL DEFAULT '';
        UPDATE "chat_messages" SET
            "delivery" = CASE WHEN p."status" IN ('pending', 'sending') THEN 'pending'
                              WHEN p."status" = 'sent' AND p."channel" = 'oa_custom' THEN 'sent'
                              WHEN p."status" = 'sent' THEN 'notified' WHEN p."status" = 'unreachable' THEN 'unreachable'
                              ELSE 'failed' END,
            "channel" = CASE WHEN p."status" = 'sent' AND p."channel" = 'oa_custom' THEN 'custom'
                             WHEN p."status" = 'sent' THEN 'template' ELSE '' END,
            "error" = p."last_error",
            "delivered_at" = CASE WHEN p."status" = 'sent' THEN p."updated_at" END
        FROM "push_requests" p
        WHERE p."kind" = 'concierge_message' AND p."cause" = 'chat:' || "chat_messages"."id"
          AND p."user_id" = "chat_messages"."recipient_id";
        UPDATE "chat_messages" SET "delivery" = 'unreachable', "error" = 'no recipient' WHERE "recipient_id" IS NULL;
        -- The relay sends what is still pending: the dispatcher must not send it as well.
        DELETE FROM "push_requests" WHERE "kind" = 'concierge_message' AND "priority" = -1
          AND "status" IN ('pending', 'sending');
        ALTER TABLE "push_requests" DROP COLUMN "channel";
        CREATE INDEX "idx_chat_messag_deliver_f45f5c" ON "chat_messages" ("delivery");"""


MODELS_STATE = (
    "eJztXXlz2kja/yoq/plMFUn5iHN49t0qjEnCDgYP4MnOxltsIzXQY9HNSC07zO5897dbB+"
    "hGDRKW5J6qSYLUT0v69fXcz38bS6JB3XzTMihSddi4VP7bwGDJ/xG+1VQaYLXa3uAXKJja"
    "RA3gNLIvgqlJDaBSdn0GdBOySxo0VQOtKCKYXcWWrvOLRGUNEZ5vL1kY/WHBCSVzSBfQYD"
    "e+/ZtdRliD31nn7s/Vw2SGoK4F3hZp/Nn29Qldr+xrXUw/2Q3506YTlejWEm8br9Z0QfCm"
    "NcKUX51DDA1AIe+eGhZ/ff527pd6X+S86baJ84o+Gg3OgKVT3+dOJ9trjcmkPxhPRp3xZN"
    "IQAEglmIPLXtW0v37OX+H12enb928/nL97+4E1sV9zc+X9X86jt8A4hDY8/XHjL/s+oMBp"
    "YWO8BRV+p9DAQJ/EodteACMe3hBZCGf2AWGcPVR9QLswlgTnJfg+0SGe0wX7+e5tCqi/to"
    "btL63hq3dvf+QPJGwlOEuk7945s29x3Lc4U0SdFZYV4Q3BXthGJrF3YYvuduUeHd7Tsw8Z"
    "8GWtEgG27wURNq3lEhhrEYx9JMdDudE4CsbnJycZMGatEjG27wUxnhItBuAx2w3iAfba1w"
    "DdFDDHnX+Oec9L0/xD92P46qb1Txve5dq90xv0P3vNfZi3e4OrENSWoYtMZbd5DYAOTuOL"
    "TNP4ImUaX0SnMSUrpJpReP8xGvQTduMNRQhhDalU+Z+iIzPCWuSG9N9mFlY5jMrUQjpF2H"
    "zDn/f3Z5jqHKH0qR6e1RwyYtK5YfdidxCe6nAJDQacup6ID0wcrRyi3IfIJJahCvEvW4ra"
    "7Un5c4cGnLM3mpgqWQmBHKYrCuoIJ964OD1h/x0J7yxwJ6MdBntlTdnaXEBtAmgU7GsGFE"
    "VLGA94mDa81bjEb7x/VJFVNyDQBlhfu+Oexvh0bzqjcevmNrDfXLfGHX7nLMD5eFcjI7Xp"
    "RPnaHX9R+E/lX4N+J7wtbdqN/9Xg7wQsSiaYPE2A5pui3lUPtSBPteLjss+4BynlqJdl1D"
    "2MfMNuvz1XIs0efBoPfmEK1IcnYGiTwB2fOgxQdQFj2I8rl/DTz0OoAxva6CxwlWk3vJM9"
    "tB/PPP5/eTPeu+pHkpyRJCijt5Zny/AVgMHc/iT+bP4kF6s2WK4AmuNGjFJyc6+ZppVU3V"
    "ZSLVkvtaSpMjCE2E2PIB8WqES6yPOzLHqcs2Q1zlmYAcKECmHrta8dI3+WSblwlqJcOIsq"
    "F1R2ku7HZAQpJZNRFiYjC2vpjd10HWtJSTwQInS7z4byMxP5nA4R8VjMRBUgqqERJWep2K"
    "RgNhObu34SOW2daRsRPMKzOIrvJ2JAxsL+DNc2zF32TgDHqs5c1ni46ahiEzhJyGCXDfC0"
    "4a2DS5f9g301pDYCQ7ZPD7vtcSM6d3MA9s6E+xiuK4Kqf7kGQGUvoPTver1Gwokmkd2BbO"
    "QQT4A3ixKC8yUHqiBuSSZLR0XALlYDsQD0BpomsLf+qBLCd7uZqodgDSdLp2XJdBFXaP5S"
    "1BEfz87Oz9+fnZy/+3Dx9v37iw8nmyM8eivtLL/qfubHeYB3yqC0gOzjjYlBxDx9QmQ1ZF"
    "VPs/Cqp8nM6mmEW12acwchAZz9NEdUZVD4nR5HnZE/zN67Z/X38drXQFN0bH+fJdQQEBRx"
    "/TQ1gPwYToKV8GOo8MYstZ/J0NdX+2lAFa0QxFRMgRQmk0qkqO7T5Q7FFHN+mr1ALd3ayR"
    "lVitQHKDhbAzQS1d0KTwewHLRH401HFQM4qwIpMLUCyqN2a9RuXXcaMXvC8dRyVYU1sA/u"
    "hnVzHEmF504FffDgFtZ3FqnTuybqGBpLZ6MKKfQ295pp2jwG1IRumu3S5DUGGCqMxFoyQH"
    "4wlSdiaAolDxCbyitzBVT4+neCMNR+bComUYDC+C4KDKq4Gj3l7cmJ8rDpgXWA2IyyKGv3"
    "2u4GmWzM3jRCI3jEx0qNZEU1knwii6kUthTSkSok7EYdqZxl8mfcUZwS2OknqqFOoQCY4X"
    "c6WQBzIQSzn6iGMOevuuEHSIzlMVnbuyGoBbzHVvhKTVnyTK+XpkwgGKFIvriznEJNc3CP"
    "MMbbm6mcMfSa7ccaP0KVEkOZGWSpEHYLYpU9w1BezXQC6Ok7Zbqm0PzxJx+3ym5opsLYTt"
    "49ho+sNWNQHUJzJ1NcyANj2OFvPsbJfUbj35JHljxyFXbbgtk3bz0IIOwjqSHEBWSXkRzy"
    "MThk5zSJ26wxMNbxKG9pQhDbJ08FQU7bgN1sAhs+jGF51e23hr/FM8pXMdkHrn4bd1qSVZ"
    "as8vOyym5WkXhW2bu5g1V2mqGyOYS+FL6ysOBUpDHhArE7QjxNkKp22tX8mRomemGa4uXZ"
    "wdYyYo0LspGBHsrM4jQ+9QaDa9aXToh2jzut4fjLL3etnzuXCmRC6eIPCzzAe9xr9a9Hve"
    "41u6wDrJk6m1Ss9S27ctNts7YrdmGJ1HvcarfZxf74UgGqak+9e/y127v+1B0y4iekazNk"
    "MNrReDC8uVRMxqMs7/Fg/KUzvFSIvc2UguUyuQCOaEJav91TwE9f6gkw7LDhNyAb/MGw1f"
    "/MBokBhOdsiH7r9HqDr5fKGuo6ebrHV707dneqW3CfIcriVJnsUhlxqFww9kNHYrH6fpoy"
    "j8m+O2GWoPJ3yTHl7yIh5Yg/zVK9qJ/MJ06QrHYewoWE77uxh7a2Lwp2ciK6MJ1MQpduMd"
    "kjCR17epw7WboEuCGqofBXEWHPwyTVhRh+XzGGxNxDxg9SymEu9TC7aeQnKM7UnLy7hsjk"
    "5pr75sr4Z2rFjElGNntDfbwUlIANxyMUxL/Rao+7v3a4WMSp73G71W8zBptz3yr/NF2HWj"
    "lEH6n1TIa+XlpPmaOyzqMecy66by/TRz1HWIpMbPIsiU0wYSzcodlVN7aXvt1bBTexZ0lz"
    "EoYtzaq1RXa3bWs98Y1qNm+wdutWcROlKGSmAKxsOrvkXlcK0KFBmwoE6kJxjrSmfd3hzn"
    "5SEDVZ//g1D1WYobllJLmBFfYkaY8rlz2uOslAjqaDzlnLLzPGFqlypoDtShQKxSL7SI4X"
    "inxS6g1iCyj7IksIzi2BBDMMpoUNfkLan5od0RCVhDWS14GS1UpokvooJJxhOBmfxti0yT"
    "JGvkgENEAjIU2AlKt2hQ7/MN3xNMIawaL64HLwVy5kqmWY8f7FycEgEdLaTOSjxIVExsBa"
    "UbLXCHiEEv+D8NchMOHEwhTF1L9MV4DH95CDIryc2rsK6r2j5g53zGYI71uSLb4HOeplHn"
    "Vp2kzefKtp5JI1Up6ZW9+q5IWwDZPJvHa7DYjQHwB0oP0wEExUMZizWhHDc2x3JjZpoj2i"
    "ibZIw2MXT4mFtZQSC6EWzTSzI3LaHq/QwrfGAmBN3/AbmIdMA0rhcsX/dlI8yJwO5cvpAD"
    "VrNXmACWFD8UMQIKpdfN7HLP6JH5P9Ez9G/BPJCmKxxBlbiqPpBCsc//jAPksEXa99Dc3Z"
    "+TvX2qGhIuhuCPaCt2TMRdEpX9jjaCy+ycnkfCQ18BpIk9pl9ZBj7BhFVA9ZgTXPDhYFOT"
    "lwxUdSjqAV/tjaBK0YUIXocS9FYohUahKrpEkMSmUiwx6klFaCMlsJXEE7xqVjtAS6nihL"
    "++lqY409P3v/biND8x9pUvPoptXrRXXEYfWF4NqJIZcLqMwLSNUBG4O9zGwBSjnKZR5lHZ"
    "h0Ag0jznMomfsPUtWO/8/NUbskGeluAFUXjRj9uXOjmaY2X/ImRWjLvzFi9saaK0Sa1mql"
    "ryd8fvMr7HviG2yD+SM5kr+FO2luYsvFdO0vRdFeWFANMdAcYf84ZAQ4SlgUD1Y9uH3u3y"
    "oxYrxqP/G05Anu3x5FCE47k3kFxdMUuK4Hd1e9jnI77LS7o66rN9icufZNe2P4Q0eOmXPY"
    "afUiGjGGkqA+zKOQGvQMGnQD4AdRycyjqZOXSR6C2QNcJ1RfSdYs+mnKoVqsVT4cA+rw0X"
    "MsybxJB6j23KirIyrlsU/jTbi5QHApOnZF7qNZLTIZLVJsFpH8qSVP6xQD9cogbHFCTRDy"
    "xu1wcDsY8UROXg92GtzO7ZhfA6oKV5Rfu+602RbMr2lQ5XlIS5Lvib0N0vbS1gQppbamzN"
    "oaAwJTLI3rlqJ2+10h4fQyuCAZ/fqaBGXetLqNesx2Gsmb5p18oiElEToZUhKVSgO628zA"
    "+mjqJObnp/mLKMGzoxtLK6duIsji2usooYR3Z0CUs+hjFCWioTq3pDiNVQlidQKb4+4oKN"
    "9cPB62JZu5WaGNrtvM+Lq7aQ4Qt7Y91Rrl4PmzG+gtt5UDyPUO54swpqUK5xtY1E7r1Yhx"
    "RNjca6b5IhB/K1kSr0oMQFNJ9hZIjlXarWSuQtxSozUcd9u9zuT2bvTlUvE2wJVlLu5x62"
    "treD1pt3o9dsdeZCrQ9XIolSmicUdbSlVgj6DMw7GnujH/ylyynElJzbfA0hCMtd6mjIqP"
    "phxDUqtgneU2xD/riPhI5IDkPiBltw3HJHg0wIwKwt+4HrY+jS8Vm/Yej9pfOtd3dr0fU1"
    "1AzdK5TXhkl0o17TKp5a0ItHnhPawcYdqjWImPyeJW16oRNWbxibjPGG/JpBNAmcdXZnyX"
    "Gd/LC6bM+F4IrNIvJRnqanooSL+UlzjqWfxSZKpTWc+vhNalcieLtC3UMZYlz3KdbFXiq7"
    "eQ+Fa2xhfEcMFCGlyuCLUzmfI0gdHgVc+UsdWNeHGwoY6ciwacs7cKXQwe9tsmLsUjgk8T"
    "jb2ocPpJaeSSRq50TVm/w5VeGHKN2C937AzsDvqXCnukyVvc48GnT53hpUJmM2eTfH6NmP"
    "0qDpp7DkywhxIn92Pb8/DXbrvD1ZTGI1Ihj2750u382rmxlZdM9kLwES7dJHrPPzbS9Fho"
    "etAp0WIYnuQEi177WoCbJioUkV+RgrmQgddrXw6rVa0su2W3WsUMycqa6nZxGlHT1e3dVa"
    "87+mLHNHp93OOb1rhtX3MSu7Ar7UF/3GrbcY48jypjgPnVfufzYNxtjbv9z/xUnxOKAJsP"
    "83s86n62AyBNJhvxlr1W/5r/1gH7DN5fzwmkVPVNIOazHyf2u0zEw+fCdDKILksQnStopB"
    "T/273Wwn0cc8UBc58I4tbIiR+2qe/xbad/bS+eFcSavXCGnX90nHVmwN+hSsuyOFyoRes0"
    "h8jk0siyNExiGSqcmCrEQmCH6Uosa+wJdwGJxKXNpGbac2kzeYmjnsVmAr+vEOttj1EPUk"
    "rXl/IMcnRth5XoAgdoDGn9ztD8FUVBm4Hg0ooQy9VV5tXlDte+mdNjyGvjx5NHnr6AFS+j"
    "dS1AIzMixDlGgeUKoDkWdJUIUklHiSiwAftydp2Aj6gWxoLQAZvlfE0+XmNzgochj+It7I"
    "gy3HRUMbSz+qIE5lnAD2XIjsFhtz1uxOy9OSCb0cWnqrgGzpsMpXbdbTQHYNu+rqq18Wb2"
    "nwqeOcLeU5HcE77U/EHwr1z6Tz8PoQ4oirVdhEsA1GRGxyWhOipQFZmdAZxWC0LJgfhwR7"
    "tb3k+dJpOQx6Lfe0V9gDHisofnAMMxYX/sRnW86akm024Pt05nViX4dm6mXLqD52Q7xWXm"
    "kIrJJMlOlSZlbPYciuoCQ2S1K9ddSP1St8Zuir9kgqgdoquhVFhAsDb6UyR8zmsuNUQxio"
    "xHaHDXufg5u9sRxUd+TB8Ux2mkIYZxI+p0wt1SHKcU7oDya7fzlbufcE0t+90d/fwb+4nM"
    "B3sjFJ33WXaZ5D0mssPwUzk+p2mK26+PJhd7Tom28fytOUwKUh/Ey/2FyGrn6VPMeclB28"
    "/7JEApbWZltplJH6PkNVZNb5MsPkbiqaGPUNGw0kyatdIJ0KCgeTREJZHdHfB83ITQZQM3"
    "q65eKBW0NwuleWkXrKH1Gg/tM8WPW+ai5biuNOJUjb7bzVRlI2sY8IHZqW5sDDBkaK0VQH"
    "kSOS62KYRd4j0xUc2OoFXowiDWfGHfUBcAY6i/CYtsB3WUs2rzCs1finbz49nZ+fn7s5Pz"
    "dx8u3r5/f/HhZLNlR2+l7d1X3c98+w4wNbt1oO4gislzGxKpjcugjWOSr8pWugBj4qOojQ"
    "9cbrweA2dpzkUm7JaidrqHQqKMniBb4nTCMBPdm8OUBXnG1XWb3g7BDGGgT9LijeMHIExX"
    "uwlfgFZT6mBeoA7GZWhjFQZpO1yQrk4qgyPscKnOqzaueegWmLwy3PZWscHI7sLqn4dlE4"
    "WvdKI+NBIEYedmc6cYPOXtMgrBLU8aVb5CdjoyQZXommKZCjLdTBLKjBgKYJegobx6e356"
    "csqE2hn7qTWVtycnJ+fKFGgKWUGMNOXNmzc/8rwVj6yxAdmIQS0qLx/pmbHJ4XiX7tj7xD"
    "GuNtDZXLdztknXomd0LZJidfE5vnyTXQDmEFntGORCrNEVUWGUfsOQUsfLljp8x3ZWG6Up"
    "7ZMC9knLlIa0DIY0s7RGtGuwbhMLJ1rRNvd3yw8aWDMoLJzVkHbrM3QxDt7ZZhWCbWPXFU"
    "S/c4sY67SprGwWnccQNhWeXVcB7H9H6cYAX0DWylxMCQPkB1MxMViZC0KjAkTRD7zH9/ir"
    "gSiFWJmu7XYYzRdUXyv/8Rq95lC9Zg8x/6P8Tqbs0SpkIgu7oCwA6wtSqrOXegVsOyDv3X"
    "4qL0/F/ol0/R5zxnUOXVnnaYF0eOkKMGZT+cNCkCoLYhnshwFVyPA2f/yJtTTIk/KE6ML5"
    "oOvWb5Ob1vDnzlAx2cu4H7VmshR7AGEsG5uiTcUkjHCJTNNFhota/LRQdPQIFbZSmYDESP"
    "m7LcgTVtgX/AkNkixHsT74PTcg1ONYQrm0DxKlpCnzWKZMdyyjvFQ8+G7zNAaqukdAHKqc"
    "AYqP0o/n7XfG6Scw+HWQoTKJUCkSVFiASs7fHo9wFXK27wlu/pn6xM1kNTaQ5a9oiYnPTz"
    "zR4mJRX66gEgyAW66sPSX+IGkNRf6KiPiJPv0RifT5BCjP9JUgP/ksYzvEJ08wySQ8JY90"
    "LNvtHW8qYKKozZy7EmmY1f5vY/vpjZWBCBNnnGCzTVY4pz4NT8TIBtFkr7PBaeO07P8cnk"
    "/O/lh3+TRsWvZ1/Ify9Utn2PFknP9TfnAD4X5wXHZ976LqgC01e0kKPd2ly/4Gpu8NvoU5"
    "L58u8N+hAj5iBXqklHIsKUVygkXmbPb2k8xGN4+ghvDm7yrFJ3UU3eRSJF77cpQi4Y+tTS"
    "mSZ5TcSxYPmnuKvUCono/lCGKcns3UT3c8ceii2JMzjzSmVSyhk1cyhZF3xfRdGds/6T3+"
    "1Or2eHWPGUA6rwBy1x92WmxaXvU6l4qvwvU9brf67U7PbqxymHQdlqQWyH6JnnPN8Fy6M7"
    "m+1ux9Uz3LHM8Jm6MOTCqeXyNIVTuFZiEhLlXxz6us0tjTj8RVxk4rmOanqh93+jELzh+T"
    "cf6YiPMeWuUApcwTUzadsvQWfOn8laxFVbdRj1nskWzK0kdU+oge2UfUe4G8nET9KdS5Z5"
    "6xTikLJJQlPJhHpQbQi+cJF7QJu8U8YszB2zIfyZZgR1/8jImvRRXc+fqklSmdZx6K7WSz"
    "pP23AM5ee2k3y2A30+Fjkq5ht857Q1wU1DnM6cbtcPBrt9/uXCorgzwi9h33uN0d/3apqI"
    "iueZX4u779i/vjlyFb8AoYPK246PYSIitIQ1HpXUbAFypaCuhA/kCgDFDZ9qBE5iCcOTSH"
    "Qit1hYftoLPZYfCMeBe3BpkhvYpycSaYnPoyB86jzKVlKgkRF34OBCijfFhOremxZZSVvv"
    "7KvtjWiMQIKtvbzXRphRc2e7JbZgz6Gy+gwg1oTpIO4LgMUZ7Ng6flgBoPabP7a9oxdwvy"
    "pLDPWCtLaJrsY0zlifEDCrGoYnKuJxrkV8QDDpCnnGQjIizPlqJ+MlVOnH6yWOWM8R4a3A"
    "BhDRW41VXYRvX00qW3KCmNe0ZFkU33LvFoXrxnSUmCUgIcdczpHua4k493m72frJym2ROD"
    "EawiaMzhDyb79yPktdvsoxY8AsTGHemIrmOze2UmlIX9SpZ9C6yAuofXrp/uiF67Jd0/Aq"
    "5+T3HB9VeE6BDgBC+/p9gA+ymjKQrJzZXjMixXg0EvwKtcdUNhQf27m6vO8NWpffKxRsgx"
    "pSV4AALTRPP92MY4eunaU2bmUbUMW6XsKGXEDP+xtAXl3K6cB0BMtIyY4BsgqiGvnnOojG"
    "mtoPGITCLovRKhkxM4psDV8zsFVZ5jTHEJMjauEAc6BW19Kiq2NSTpfZuRvNO+TTHgFzRk"
    "R+Gw2x43EnaFHNCtl0o9DG1kIwzAy95C6d/1emLJ+XZ5vQ0wHBP2R8E+b8+6d2TFX8zh7T"
    "CdiDXlnzKFv1iEgkacViTYopmqF/HaTv7gjbNqRlQVrpyEg/A1lwOUTT/K3AAMPDvtoGO2"
    "wJriJU5WXrnpzufoEZoKJsoU6HzaKK3b7o8xipTinrMrNbrMh14WjUzVknUfjQkvJF23AZ"
    "fscW7McsaZHKCpje48xwqzMhZDxmLIWAwZi1F6zvRolj3XBSyGe906hyVzrT4vtEJDC741"
    "NoY8F0MvrbMvoVr0Bt9JNqh7/KNkGI/FMFYxT4w11ZG5gN6gZ3eev7vqdUdfeD6XTR/3+K"
    "Y1btvXloCq9pX2oD9utcd23heCKVsw/Gq/83kw7rbGdmYZDOeEIkCd7DLdz33e2LEG3eNe"
    "q3/NfzMpSrP76w1Gdmd2saqw4JaJe809b4D9sXYBSyG//BDZ0UIlKpuQmolVmOEFVyIoB4"
    "hqlwSjkEQjNmRuytGo1JACs0tzYHr6cqpC4/CNyU5v70sTJl2Ycbr5tCwiQTo5U7PMVMM+"
    "NaI4p7vMbKlqZLbLw2PGAYYhtVzGOjGm2J0jlLWbwBeZJvBFygS+iE7gA9xmpMdMaXUyUY"
    "+ZGTJMHoJpc8B7DHYcvRzxMo844+uZ8G7Hv4gOdohUql/LMvBZEiDJtFcvcdSlqaVuo57F"
    "1BJW0mZ1gQ2R1UgKyc12GVBlZ8Q1QCMtWdKn+Fl8ivksFJ+30u01o/XVWeTS/rrL/hrYDO"
    "MtsLFH2fGQLdkJlhXY8Omd4PEa3XZzQFa6ao+z5XD0MlFEMRdKzbQA9MbpqUaYB6YmfIQ4"
    "n7Q6nUdYSR5LIHtM8BSKgibomb5vWqtKeKb7mJqiPdP98y/RsWczPXd590y2SyJLqD6Xyn"
    "WEocKIjPWl8rQgioY09jegTfYnxE1lZpAlrzKvLhRbt6dQ4vxsOtXkgYIJjcnDk3vvWTyP"
    "AoGZTqHKbfFLJgtv/VRk5UZZubHMO3vRfj984U3SnL4SbDlBsvpVDMkf6cC2kzkQg0iUxY"
    "qmEzEHNq+9NPVnMfWzR0EDg5icyqkpSfxkMi2JQFoSaYhLnu3VNMlkqu+nUtFkDn4SaYqJ"
    "LqR9srwcnt2ldGumWLU23USfHKgirF2O42ZIsRCYWrsV2/bqlkrtHaD698AcUjjkp9uxYY"
    "9R6njDkazN2aTDLjhSK6CyNoiTEHJv1chL0YsUFoS1XE3E80UHiHIRFWuYMdqXIRrsgXGA"
    "SGK8C2P2lUQQYR+JxHcXvt5OvU+opkd7vJA9FVH0J8SC6o9Guzvu/qvTtysacfp7PBh+bv"
    "W7o9a4O2CXiTEHGJm2fe8ej9rdTn/cHY0vFVNFEFNkUnZ13Pr06VKxExnf49b1TZcRAm2J"
    "cNhe8Uxaq9JXATuS1uo8S8DleXLA5Xkk4NI/PYS2+hBd7aDOfzuiiCbtR0kSNi12E6rRPN"
    "YQ289W3I4qgnCQSsK8E+YpMuhisoYgRt5Oj8gMUtZICZdHVKZtAYCxRdT+MRr0U8wGHlFY"
    "hY1UqvxP0VFxVdUaf5tZ2KkbNLWQThE23/Dn/b2ouZ0CKwcpoL325vCrm9Y/w9O73Rtchd"
    "XSvIOrsHXBrdon6PkfpCpooldPnPeFzRHLUOHEVKHYZh2mq5+9N//9ekZ0nTyZEwIEbZJB"
    "QmmVFLBKEjBx0NuvwlaEWgYBlyc+LGqNlDbo5M2tvjZou6CJCSHetxiKj1au7zKv7xUwzS"
    "diaJMFMBci7EqEsHbiZSH5fmSYdd3205hlFolReaao1ZLtm8UXvX/OgLWSgX14vFoWx4ko"
    "o+gpCA4NXHO7qQ/woQ1hBg1DwpUZLhWiRwbXc0RFVhEwXo73WcAqG1ORLYR0yaOheVD0gV"
    "h13I7WNZ1WHlBrxuhQpOYGV9/uraagOVmSNagik3V/IGQ3vLOaAkUsypgINUYMFUFo4Oul"
    "hiBxyeTAObRv1HYl4FkQSnLA55b3U1uQLHMxmepEfTgUKdbRFe+n1kgZkL3w4auOdTV0eq"
    "orWl4tRRgXMS8A1Yh76t0aZIb0ujIFcdUDDwAsUrewjtNrky/aV8Tm0JwvNZ1ex0WokrMp"
    "kivlUKCypg+qynwSCooKpI2ezSar7e4dj6uXaejFngaCYWQtaCCV680jgWTunWZaKBnYti"
    "kylkwGih0zUOwRGqagX7uPpIYJcs4uLrJYbC8uki22/F6owMVKqFqT27yG6J5msoefptjD"
    "T6P2cF4QIrZSS7JjsI/k+G7Bz+NWkpsDcMRiesyY6L/+H6TvmLY="
)

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# Every change that can alter a counted day of the dashboard's ticket side (metrics/ticket_days.py: matches, timeline
# steps, services obtained and given, tickets finished, opened and settled) notes that Beijing day in metric_stale_days
# under the metric 'tickets', so the day is read live until the nightly snapshot-metric-days job counts it again. A
# ticket's settling day (the later of its opening and its first landing or closing) can move with any of its finishing
# steps, so a change to its timeline notes its opening day and every finishing step's day; a person's role, region or
# registration notes the days of the sets they are a member of (metric_day_members).
STALE_TRIGGERS = """
CREATE TRIGGER IF NOT EXISTS kjy_stale_side_events_insert AFTER INSERT ON ticket_events
WHEN NEW.kind IN ('status', 'closed') BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'tickets', date(NEW.created_at, '+8 hours')
    UNION ALL SELECT 'tickets', date(t.created_at, '+8 hours') FROM tickets t WHERE t.id = NEW.ticket_id
    UNION ALL SELECT 'tickets', date(e.created_at, '+8 hours') FROM ticket_events e
    WHERE e.ticket_id = NEW.ticket_id AND e.kind IN ('status', 'closed') AND e.to_status IN ('landed', 'closed');
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_side_events_update AFTER UPDATE ON ticket_events
WHEN OLD.kind IN ('status', 'closed') OR NEW.kind IN ('status', 'closed') BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'tickets', date(OLD.created_at, '+8 hours')
    UNION ALL SELECT 'tickets', date(t.created_at, '+8 hours') FROM tickets t WHERE t.id = OLD.ticket_id
    UNION ALL SELECT 'tickets', date(e.created_at, '+8 hours') FROM ticket_events e
    WHERE e.ticket_id = OLD.ticket_id AND e.kind IN ('status', 'closed') AND e.to_status IN ('landed', 'closed');
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'tickets', date(NEW.created_at, '+8 hours')
    UNION ALL SELECT 'tickets', date(t.created_at, '+8 hours') FROM tickets t WHERE t.id = NEW.ticket_id
    UNION ALL SELECT 'tickets', date(e.created_at, '+8 hours') FROM ticket_events e
    WHERE e.ticket_id = NEW.ticket_id AND e.kind IN ('status', 'closed') AND e.to_status IN ('landed', 'closed');
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_side_events_delete AFTER DELETE ON ticket_events
WHEN OLD.kind IN ('status', 'closed') BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'tickets', date(OLD.created_at, '+8 hours')
    UNION ALL SELECT 'tickets', date(t.created_at, '+8 hours') FROM tickets t WHERE t.id = OLD.ticket_id
    UNION ALL SELECT 'tickets', date(e.created_at, '+8 hours') FROM ticket_events e
    WHERE e.ticket_id = OLD.ticket_id AND e.kind IN ('status', 'closed') AND e.to_status IN ('landed', 'closed');
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_side_tickets_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'tickets', date(NEW.created_at, '+8 hours')
    UNION ALL SELECT 'tickets', date(e.created_at, '+8 hours') FROM ticket_events e WHERE e.ticket_id = NEW.id;
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_side_tickets_update AFTER UPDATE ON tickets
WHEN OLD.region_id IS NOT NEW.region_id OR OLD.created_at IS NOT NEW.created_at OR OLD.post_id IS NOT NEW.post_id BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'tickets', date(OLD.created_at, '+8 hours')
    UNION ALL SELECT 'tickets', date(e.created_at, '+8 hours') FROM ticket_events e WHERE e.ticket_id = OLD.id;
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'tickets', date(NEW.created_at, '+8 hours')
    UNION ALL SELECT 'tickets', date(e.created_at, '+8 hours') FROM ticket_events e WHERE e.ticket_id = NEW.id;
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_side_tickets_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'tickets', date(OLD.created_at, '+8 hours')
    UNION ALL SELECT 'tickets', date(e.created_at, '+8 hours') FROM ticket_events e WHERE e.ticket_id = OLD.id;
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_side_matches_insert AFTER INSERT ON matches BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'tickets', date(NEW.created_at, '+8 hours')
    UNION ALL SELECT 'tickets', date(e.created_at, '+8 hours') FROM tickets t
    JOIN ticket_events e ON e.ticket_id = t.id WHERE t.post_id = NEW.demand_id AND NEW.status = 'accepted';
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_side_matches_update AFTER UPDATE ON matches
WHEN OLD.created_at IS NOT NEW.created_at OR OLD.demand_id IS NOT NEW.demand_id
    OR OLD.supply_post_id IS NOT NEW.supply_post_id
    OR (OLD.status IS NOT NEW.status AND (OLD.status = 'accepted' OR NEW.status = 'accepted')) BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'tickets', date(OLD.created_at, '+8 hours')
    UNION ALL SELECT 'tickets', date(e.created_at, '+8 hours') FROM tickets t
    JOIN ticket_events e ON e.ticket_id = t.id WHERE t.post_id = OLD.demand_id AND OLD.status = 'accepted';
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'tickets', date(NEW.created_at, '+8 hours')
    UNION ALL SELECT 'tickets', date(e.created_at, '+8 hours') FROM tickets t
    JOIN ticket_events e ON e.ticket_id = t.id WHERE t.post_id = NEW.demand_id AND NEW.status = 'accepted';
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_side_matches_delete AFTER DELETE ON matches BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'tickets', date(OLD.created_at, '+8 hours')
    UNION ALL SELECT 'tickets', date(e.created_at, '+8 hours') FROM tickets t
    JOIN ticket_events e ON e.ticket_id = t.id WHERE t.post_id = OLD.demand_id AND OLD.status = 'accepted';
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_side_posts_update AFTER UPDATE ON posts
WHEN OLD.region_id IS NOT NEW.region_id OR OLD.author_id IS NOT NEW.author_id OR OLD.kind IS NOT NEW.kind BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'tickets', date(m.created_at, '+8 hours') FROM matches m WHERE m.demand_id = NEW.id
    UNION ALL SELECT 'tickets', date(e.created_at, '+8 hours') FROM tickets t
    JOIN ticket_events e ON e.ticket_id = t.id WHERE t.post_id = NEW.id
    UNION ALL SELECT 'tickets', date(e.created_at, '+8 hours') FROM matches m
    JOIN tickets t ON t.post_id = m.demand_id JOIN ticket_events e ON e.ticket_id = t.id
    WHERE m.supply_post_id = NEW.id AND m.status = 'accepted';
END;
CREATE TRIGGER IF NOT EXISTS kjy_stale_side_users_update AFTER UPDATE ON users
WHEN OLD.role IS NOT NEW.role OR OLD.region_id IS NOT NEW.region_id OR OLD.created_at IS NOT NEW.created_at BEGIN
    INSERT INTO metric_stale_days (metric, day)
    SELECT 'tickets', day FROM metric_day_members WHERE member_id = NEW.id AND metric IN ('acquired', 'supplied');
END;
"""


# Partial indexes on the day markers: a request reads which days are counted (a handful of rows) without walking
# every count row of the period (~35 ms -> <1 ms at 90 days of the funnel).
MARKER_INDEXES = """
CREATE INDEX IF NOT EXISTS "idx_metric_day_counts_marks" ON "metric_day_counts" ("metric", "day") WHERE "key" = '*';
CREATE INDEX IF NOT EXISTS "idx_push_day_counts_marks" ON "push_day_counts" ("day") WHERE "kind" = '*';
"""


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "metric_day_members" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "metric" VARCHAR(16) NOT NULL,
    "day" DATE NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "key" VARCHAR(32) NOT NULL,
    "member_id" INT NOT NULL,
    "registered" DATE,
    CONSTRAINT "uid_metric_day__metric_fb4b13" UNIQUE ("metric", "day", "member_id")
) /* One member of one Beijing day's set, for the figures that count distinct members over a period (the */;
CREATE INDEX IF NOT EXISTS "idx_metric_day__member__531c99" ON "metric_day_members" ("member_id", "metric");
        CREATE INDEX "idx_tickets_created_ad6638" ON "tickets" ("created_at", "region_id");""" + STALE_TRIGGERS + MARKER_INDEXES


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_metric_day_counts_marks";
        DROP INDEX IF EXISTS "idx_push_day_counts_marks";
        DROP TRIGGER IF EXISTS kjy_stale_side_events_insert;
        DROP TRIGGER IF EXISTS kjy_stale_side_events_update;
        DROP TRIGGER IF EXISTS kjy_stale_side_events_delete;
        DROP TRIGGER IF EXISTS kjy_stale_side_tickets_insert;
        DROP TRIGGER IF EXISTS kjy_stale_side_tickets_update;
        DROP TRIGGER IF EXISTS kjy_stale_side_tickets_delete;
        DROP TRIGGER IF EXISTS kjy_stale_side_matches_insert;
        DROP TRIGGER IF EXISTS kjy_stale_side_matches_update;
        DROP TRIGGER IF EXISTS kjy_stale_side_matches_delete;
        DROP TRIGGER IF EXISTS kjy_stale_side_posts_update;
        DROP TRIGGER IF EXISTS kjy_stale_side_users_update;
        DROP INDEX IF EXISTS "idx_tickets_created_ad6638";
        DROP TABLE IF EXISTS "metric_day_members";"""


MODELS_STATE = (
    "eJztXWtz2kjW/itdfJm4iuSNnctkPLtbhTFJmMHgxWSys2GLtEUDGosWI7XsYXbnv7+nWx"
    "d0R40FFkpv1U6M1KclPX079/PfxtKcEsN+0bKYrhmkcY7+26B4yf+I32qiBl6tNjf4BYZv"
    "BVEDu43ERXxrMwtrDK7PsGETuDQltmbpK6abFK5SxzD4RVODhjqdby45VP/dIRNmzglbEA"
    "tufPkPXNbplPwBnXs/V3eTmU6MaeRt9Sl/trg+YeuVuNal7L1oyJ92O9FMw1nSTePVmi1M"
    "GrTWKeNX54QSCzPCu2eWw1+fv533pf4XuW+6aeK+YohmSmbYMVjoc28nm2uNyaQ/GE1uOq"
    "PJpCEBkGZSDi68qi2+fs5f4fnZ6evvX7979fb1O2giXjO48v1f7qM3wLiEAp7+qPGXuI8Z"
    "dlsIjDegkj8YsSg2JmnothfYSoc3RhbDGT4gjrOPaghoD8aK4LzEf0wMQudsAT/fvs4B9Z"
    "fWsP2xNXz29vUJf6AJK8FdIn3vzpm4xXHf4Mx05q6woggHBDthm5jE/oUNupuVe3B4T8/e"
    "FcAXWmUCLO5FEbad5RJbaxmMQySHQ7nROAjGr16+LIAxtMrEWNyLYnxrTlMAHsFukA6w37"
    "4G6OaAOer8a8R7Xtr270YYw2dXrX8JeJdr705v0P/gNw9h3u4NLmJQO5YhM5W95jUAOjqN"
    "3xSaxm9ypvGb5DRm5krX7CS8P90M+hm7cUARQ3iqawz9Dxm6nWAtSkP6bzOHahxGdOvoBt"
    "Op/YI/7x9PMNU5QvlTPT6rOWSmzeaW6EV0EJ/qZEksAE5bT+QHJo1WDVHpQ2SbjqVJ8S8b"
    "itrtSeVzhxaZwxtNbM1cSYEcp9sX1AlOvPHm9CX870B4F4E7G+042CvnFtbmgkwnmCXBvg"
    "SgmL4k6YDHaeNbjUf8wv/jGFl1i+DpgBprb9zzGJ/uVedm1Lq6juw3l61Rh985i3A+/tXE"
    "SAWdoM/d0UfEf6J/D/qd+LYUtBv9u8HfCTvMnFDzYYKnoSnqX/VRi/JUKz4uu4x7lFKNel"
    "VG3ccoNOzi7bkSaXYX0njwC7dYu3vA1nQSuRNSh2GmLUgK+3HhEb7/eUgMLKBNzgJPmXbF"
    "O9lB+/HE4/+XP+P9q2EkzTMzC8rkreXZMn4FUzwXn8SfzZ/kYdXGyxXW57SRopQM7jXztJ"
    "Ka10qpJeullrQ1AEOK3fQJymGBKqSLfHVWRI9zlq3GOYszQNRkUtj67WvHyJ8VUi6c5SgX"
    "zpLKBQ1O0t2YjCilYjKqwmQUYS39sbtdp1pSMg+EBN32s6H6zEQ5p0NCPJYzUUWIamhEKV"
    "kqthmezeTmbphETVt32iYEj/gsTuL73rQIsLA/k7WAuQvvhGmq6sxjjYdBR0c2gbOEDLhs"
    "4YeAt44uXfgDvpowgcAQ9ulhtz1qJOduCcB+sskuhusjQTW8XCOgwgug/qder5Fxoilkty"
    "CbOMQz4C2ihOB8ySNVENdmIUvHkYC9Xw3EArMrYttYbP1JJUTodjNXDwENJ0u3ZcV0ERf6"
    "/FtRR/xwdvbq1fdnL1+9fffm9fffv3n3MjjCk7fyzvKL7gd+nEd4pwJKCwIfb00sU87TJ0"
    "ZWQ1b1tAiveprNrJ4muNWlPXcRksA5THNAVQYjf7DDqDPKh9l/96L+Pn77GmiKDu3vsyRT"
    "HUuKuGGaGkB+CCfBo/BjOOKNWWk/s6Gvr/bTIpq+0gllcgqkOJlSIiV1nx53KKeYC9PsBG"
    "rl1k7JqDJduyOSszVCo1DdrvB0AStBezQKOjoygIsqkCJTK6I8ardu2q3LTiNlTzicWu5Y"
    "YY3sg9thDY4jpfDcqqCPHtzS+s596vQuTW1ErKW7UcUUesG9Zp42D4CasKDZNk1eY0AJAh"
    "JnCYB8Z6MH05oiZt4RaqNn9gpr5Plvpk7J9KSJbBNhBHwXwxZDnkYPvX75Et0FPUAHOswo"
    "h0G756Ib3YYxe9GIjeABH6s0kkeqkeQTWU6lsKFQjlQxYTfpSOUukz/TjuKcwM4wUQ11Cn"
    "uAmfzBJgtsL6RgDhPVEObyVTf8AEmxPGZrewOCWsB7aIWv0pRlz/R6acokghH2yRd3lrdk"
    "OnVxTzDGm5u5nDHxm+3GGt8TjZkWmlnmEplwi1ANnmGhZzPDxOz0LbpdM2Kf/BjiVuHG1E"
    "bAdvLuKbmH1sCguoT2VqZ4Lw9MYYe/hBgn7xmN/ygeWfHIx7Db7pl989eDBMIhkhpCvIfs"
    "MopDPgSH7J4maZs1xdY6HeUNTQxicfIcIch5G7CXTSDgwwDLi26/Nfw1nVG+SMk+cPHrqN"
    "NSrLJilZ+WVfayiqSzyv7NLayy20yvmkPot8JX7i04VZ+CcKHDHSmeJkpVO+1q+UwNiF6U"
    "5Xh5dqizTFjjomxkpIcqsziN973B4BL6MkxzOqad1nD08Z+fWj93zhEBoXTxu4PvyJj2Wv"
    "3Lm173Ei4bmE5tAyYVtL6GK1fdNrRdwYWlro1pq92Gi/3ROcKaJqbemH7u9i7fd4dA/KAb"
    "05luAe3NaDC8Okc28CjLMR2MPnaG58gU20wlWC6bC+A6y0jrt30KhOkrPQGGHRh+i8DgD4"
    "at/gcYJACIzmGIfu30eoPP52hNDMN8GNOL3ie4e2s4ZJchKuJUme1SmXCoXAD7Yehysfph"
    "miqPya47YZGg8rfZMeVvEyHlOn+ao/lRP4VPnChZ7TyE9xK+78UeCm1fEuzsRHRxOpWELt"
    "9iskMSOnh6mjtZvgQYENVQ+DsSYc/HJNeFmPyxAobE3kHGj1KqYa70MHtp5Cd6mqk5e3eN"
    "kanNtfTNFfhn5qSMSUE2O6A+XApKDMNxTyTxb7Tao+4vHS4Wceoxbbf6bWCwOfet8U8zDD"
    "KthuijtJ7Z0NdL66lyVNZ51FPORe/tVfqopwhLUYlNniSxCTWBhXtsdtXA9tIXvR3hJvYk"
    "aU7isOVZtTbIbrdtrSehUS3mDdZuXSMvUQoyZwhTFHR2zr2uEDaIxZqIYG2B3COtKa673N"
    "mPSGc29E+f81CFmT53rCw3sL09SdnjqmWPO55kIAfTQZes5VcZY/epcmYYdiVGpGKRQySH"
    "C0V+WekNYgMofJEjBeeGQIEZB9OhFj8hxacWRzRGpWBN5HVg5molNUlDFArOOJzApwGbNl"
    "mmyBeZgEZoFKQZkHLVrtThH6c7nEZ4alJZfXA1+CsPMs2x7HT/4uxgkARpbSbyQeJCEmPg"
    "rJi50wj4hAr/R+FvEGyTiUOZnlL/Ml8Bnt5DCYrwamrvjlDvnTR3eGM20+muJdnSe1CjXu"
    "VRV6bN7M33OI1cqkbKE3PrG5W8FLZxMpXXbrsBkYQDgB5pP4wEEx0ZzEWtiPE5tj0TmzLR"
    "HtBEu0/DY5femg6d5pRYiLVo5pkddbft4QotfGksMJ0aAb9Becg0ZowsV/xfN8WDyulQvZ"
    "wOZOqsJnckI2wofQgiRLWLz/uhiH/iD9n+iT8k/BPNFaFyiTM2FAfTCR5x/OMdfJYMun77"
    "Gpqzy3euFaGhMugGBDvBWzHmYt8pX+BxLBXf7GRyIZIaeA3kSe2qesghdox9VA9Z4TXPDp"
    "YEOTtwJURSjaAV/tjaBK1YRCP6/U6KxBip0iQekyYxKpXJDHuUUlkJqmwl8ATtFJeOmyU2"
    "jExZOkxXG2vsq7Pv3wYyNP+RJzXfXLV6vaSOOK6+kFw7KeRqAVV5AWkGhjHYycwWoVSjXO"
    "VRNrDNJsSy0jyHsrn/KFXt+P/SHLUrkpHuCjNt0UjRn7s3mnlq8yVvsg9t+RcghjeeekKk"
    "7axWxnrC5ze/At+T3mATzJ/Ikfwl3kkziC0X3UXN/5vO5RTx34oWfm8RN6alz3UaHqSCAC"
    "cJ98WgHR/cId9wzbRSXG7f85zlGb7hPkUMTpHm/Ahl1xy4LgefLnoddD3stLs3XU+pEBzI"
    "4qbYNX43dNcGOuy0egl1GaAkqSzzKZR6vYB63cL0TlZs82nq5IJShtR2R9YZpVmy1Y5hmm"
    "roHWuVLMciBrn3vU4Kb9IRqh036uORo8rYp2kQiy4Reaofulz3wUwahSwaOQaNRHLViud8"
    "SoF6ZZmwOMlUEvLG9XBwPbjhWZ78HkSO3M71iF/DmkZWjF+77LRhC+bXpkTjSUorkgwK3k"
    "af7qTKiVIqVU6VVTkg3dpyOV43FLXb7/YSa68iD7LRr6+9UCVVq9uop2yniaRq/sknG2+S"
    "oFPxJkmpNKLYLQxsiKZOYn55mr+Ehrw4uqm0aupmgiyvvU4SKni3Rku5iz5FUSIbx3Nt7k"
    "9jVYFAnsjmuD1EKjQXD4dtxWZuUWiT67Ywvt5uWgLErU1PtUY5ev5sB3rDbZUAcr1j/RKM"
    "aaVi/a4IfKV2iddt0xGfkPRViLZo5jotiLaTKV4DLg5lEilG3Vyd39lIEKKZaYnazxdE/w"
    "1GAUGXTeSWa0G8XAuCbRfdEbiIRd1nRPX5ghlr9NWmeGUvTPbcfZnnQGl/Rb+Zt3Gd4IEe"
    "O6aiazJFOnsxpmPqAmqfo68zh1JifEXP+CYHr+AqK6BfzNwnw5PQWMQInXND27iB/i6eOn"
    "MsXuuaIVhac4JE1jYgfFgQirynnTTH9OuKmCuD8AeIP8SX2IxYiYf8HVmmQU7E53lUE2Yy"
    "bKTS3q7FWxBobM7GlP8d6+lH+Hvlwsnvcr8l/8V4U8DYWJ/8CP+I27D33BH4GFgn6JmLn/"
    "1/7kU+l+wXq/UJfI3nEgOv5P0VqIVDX+O9m3sww7i6g3fSRF9FMBCn5kI/1xIDemQFw2gi"
    "jFy9uOhnTEMfw/ty7/EueCwcmYou+MvZyL0QPJ63sQljRqTRwwLeEWaaBSDwCnB8YpkWzA"
    "vDtPnf7lLZdOKOgkcdDEP4kQhabkYARQZgLCL2xo2TF6gFY/Ewpg86W4hbl61fJ1et4c+d"
    "oXgENf2pbQPIfi9I54thueI71At0iWFxY3h9GJT5nFg24mlCkU6Rt9YBHJgrfJTGou76Gj"
    "4RZgnSFrwQmvtR8IHGFGGDX8eRefBsqc8tkT7aRqcvm+j0FGaF7WgLaOe9C1d1IEO/J0hk"
    "B4JVNKa6HfSC57D3Zld4d99SLH0szqpQySf+k0eOqprvRxEfvBlKCf8Pj0L5fxQxV+EUbo"
    "5rWjMUQzgt6DqiXj1CkPOM461RJ7vwnJwBKEJWOytQ+VZvybQApSYEqNSyLz/uN8V0mXmi"
    "pRktlRKYX+Esk7OjkTJKWkN71fHap1yzZFXiCXxR/IosbwWHmy2te02KiutL0VxCXncJuP"
    "QRk5dB5gIRqBnIfl4RjkASACl7CoKkTjXmdQIyzb2QDFbE0s0piDqLRJXkQzxzTE1rjkG4"
    "8AQSm1j3ZOqWF7E1nVeC52K6qzKDJzdDwquN/FyWJ+dBr4FaQfeUBY73/iBipr4OL17CRa"
    "nv+OfYG1kYFiT0Lt4KZOEmuuzejLr99mjSHnzqj25OhF7hKxx6X/1Hud1y+RekcV+GPwGx"
    "E/FAwHUgToK49XUj2X8VtCFg3U+xQUTcNBrTZwFsnujKxXlBmqor4F8FkuqJhJTmvn56sM"
    "nmXjNg8VVOJyWzVfLkUzKbktmUzFZNme1AwJYvsUVOwIKSW4RGSXApEtyGaZHZUaNUj9xY"
    "q2nizNlXKyUY3XBTBIg+jUy5KGhRRCzaWDaKSUWtiGXDFT2EEWSKbGD1CfDB6AFvLBfPHi"
    "ydMUI5izxNmFk4S90Uco5lPnB22+vsJFk38ZAPLpJ+NcrNK9ZcsebVPD8Ua66OkOCAGDhM"
    "uFGkHR7Bvdxjwwy32meCa5U245BpM7Iz+m6PtjyG7L6N1nDUbfc6k+tPNx/Pke8JuHLsxZ"
    "i2PreGl5N2q9eDO2KRadgw4hzI0+yvTGdpPp7Z51dAUOXh2PH4elsk7O5tdtTd20TQ3cYl"
    "VCqJQYxM5TGI2LXKyGOAnalOUtMY5IxKiKYaQ1KrlLbLTSGMoiMSIlEDUvqAVD1JQkoZVA"
    "vPmCT8jcth6/3oHAnaMb1pf+xcfurxPAg29wd2DG6su+n0oYlNKLRot/rtTk+00PiXG0ZV"
    "UiUEL7yD/0Sc9iDpEg7J4h67+0RkoGEi7jLGGzKVDaPK48uwBYJrmg49UxINk9Qm9XNpZg"
    "n4IkcKzg2BAjMOpkOFikZ8anFEY1QK1oTzo0rQUrNUHSpBy7c46iknfCJBiyoIfLg0DKqk"
    "ak1KqopUDSmWJT+FQ7ZVSYQGl29S+sLX+ML0HYL0KVmuTCbq/aaFRH4JTBkb3YifLT7WkX"
    "vR85aLXowe9psmHsW9Th4mU3hR6SKtysiljFz5mrJ+hyu9KOEasX9+gjOwO+ifI3ikzVuM"
    "6eD9+87wHJmzmbtJPr1GTLyKi+aOAxPtocIlMGF7Hv7SbXfORciFrhGe5vVjt/NL50ooL0"
    "H20sk9WXqlJp9+bJTpca9FdG/NaQrDk12G1G9fC3DzRIV9VCFleC5l4PXbV8NqVSvLbtWt"
    "VilDsnJuDRH2Jmu6uv500evefBTJvf0+xvSqNWqLa26GF7jSHvRHrbZI+M2rDQMDzK/2Ox"
    "8Go25r1O1/4Kf63GQ6hvkwH9Ob7geRCdwG2Yi37LX6l/w3T7wi+uu5GcV58pWqGL/Eu0zk"
    "80jH6WoXOrGXbNKeoMGXy86sVbyPQ644bO+SSr914ybSF9Rjet3pX4rFsyIiIdGYDjs/dd"
    "x1ZpHfiMaqsjg8qHnaIZm1ESNTS6PI0rBNx9LIxNYAFxmw43QVljUqE8SlbCbZ0B+n9lzZ"
    "TL7FUS9iMyF/rHTobYdRj1Iq15fqDHJybceV6BIHaApp/c7Q8hVFUZuB5NJKEKvVVeXV5Q"
    "2XV8o+RUuypVBlkrw2fjxlFKyMWPEKWtciNCqnQJpjFF6usD6nkq4SUSrlKJGerMFMh3Vr"
    "CpdUVI/TWBA7YIucr9nH60m+M4qLXhJvaUeUYdDRkaFd1BclMs8ifihDOAaH3faokbL3lo"
    "BsQRefY8U1ct5sL1Lhb6MlANsOdXVcG29h/6nomSPtPZUowuLl6E+Cf+HRv/95SAyRajEb"
    "9yveSY1mdDRBhFs86KBAHcnsjOC0WpjMfCQ+3NHumvdTp8kk5bEY9l7hqT+z8RxQMjLhP9"
    "tRHQU91WTa7eDW6c6qDN/OYMrlO3hONlNcZQ45Mpkk26nSZsBmz4msLjBGVo6c8rRAxxJN"
    "vitiIz57l5Nq8l3CmmZSxkNEs/0lM0TtGF0NpcI9BGvrf8qEz/nNlYYoRZFxTyzuOpc+Z7"
    "c7ooTID+mD4jqNNOQwbiSdTrhbiuuUwh1Qful2PnP3E66phd/dm59/hZ+6fSc2Qtl5X2SX"
    "yd5jEjsMP5XTi/vmuP2GaEqx51RoGy/fmgNSkHY3IZaVpgvJ2cKjZLXz9NnPeclB2837JE"
    "KpbGZVtpkpH6PsNXac3iZFfIzka6Q/tjh65Qa37LQRK8PEU9mU6zEqhez2gOfDVkavGrhF"
    "dfVSNdH9WajMS9tgja3XdGifKH7csRct13WlkaZqDN1u5ioboWHEB6ZYsS9mrXnJYZt4xY"
    "vhEu8JRDURQYvYwjKd+ULc4NniKTGSaeof01HJqk2VZZ7fO0SWeW8Q5eS5gERp4wpo40Dy"
    "Ta9llDnFQxS18YErjdcDcJb2XGbCbihqp3vYS5TRA4ElziaAmezeHKfck2dcXbfpzRDMdI"
    "qNSV68cfoAxOlqN+H3oNVUOphvUAfjMbSpCoO8HS5KVyeVwQF2uFznVYFrGboFkFeGm96O"
    "bDCKu7CG52HVROELw9TuGhmCsHuzuVUMvuXtitd2c6US9Jm0eYE1ZhpT5Ni83LKbSULUns"
    "ZwiVjo2etXpy9PQaidwc9pE71++fLlK3SLp8hcEapP0YsXL0543gpe89niVbXINLWs2yGe"
    "mZocjnfpjX1IHONqAwPmelpdZuVadEjXIiVW7z/HV2iyS8AcI6sdg7wXa/SRqDAqv2Eoqe"
    "PbljpCx3ZRG6Wt7JMS9knHVoa0AoY0u7JGtAvLxFMNZ2RjjjQoIEH4bQtKEaMFQT5/ICov"
    "I3MmTF0zTJ+bDmsi7vsNfL3JqzYL5t4wkM5sXorZRs+AP18jG1gPIi7yxLsIw/81DIinFI"
    "Y+wPNSpQc/I7Bo9zhJQVnqDmWpy04BnY7+MaR93pHH3UOyL7ESJNANCGoIb/k6dj6pk+hm"
    "57D121cjh22tKi8qwSN7FdRL8EiwyU/H1V3iddt0aCZTF9zfztNN8RrmpEOL8nTXIfclG3"
    "lzGBgqwWddEP037ucEnTbRSiheeWaI5oaVck2pAPKCc2j24tYEQL6zkU3xyl6YLMnU7fuB"
    "Yzqmny2dMQJb1Fq0o/p8wYw1+uo3es6heg4Psb+i38xbl3/E/KlogaEvwpgBL/UMC+8u3r"
    "t4Ki86Cn/qhjGmXB0595hO9LDQDXLuqaXtJvrd0QlDC9Ox4IdFNAJ42yc/QktgTNGDzhbu"
    "B122fp1ctYY/d4bIhpfxPmqNdBseYALjC4IHMLkmEC512/aQ4Qp0vhRho78nCDYQYFyBlL"
    "/bwnygCL7gT2KZ2fwt9MHveWk+fD1UrEKKYnuPgu31xjJ5UGVxDmlBuZHT6QhPphxU+emS"
    "nnspXWO7NftShtq2DprxQorxHL14nK1VItkeRTJ556cauz2Vbz5LybqUeaKlZRj5dtXP0b"
    "QGy5WzozgVJa2hPHUk8lNmpGaFBCjfoSlDfgr5O20Rn3zBpJDwlD3SBdTKzY2dIc5q/7ex"
    "+fTGytJNEGfcFAJeccGmSKwNw2fDiwQIBUFo4Q/h+YHFZ3oLpyFo4bv4D/T5Y2fY8aWbv6"
    "PvvMQG37khWKG30AwMi2wq/XSPrvgb2KE3iFRclKuoqAQQpXevAZOn9O5K7/5t6N2fUCiv"
    "WAKP0nMiR3IrhLiJKMb56efDdIeTdN7s9+QsI+/8MdY8LCv71Y1/xQ5dGYmfbEzft7o9Xo"
    "5thnWDl2z71B92WjAtL3qdc+RQ4Oy0Bf+OMW23+u1OTzTWOEyGQSpSvG23yhylluSo3Jlc"
    "LytgJI/5jrU5VFGOjM3RwDaTT4gWpaqdrnIvMcnHElBxtPpgXwFyK5ULN0pVP+70hyI4/5"
    "CN8w+ZOO+gMI5QqsR+VVMXKy+rb52/UsVD6zbqKYs9Uf5CBfWooJ4DB/X4L1BWVE+45g13"
    "urPWOXUcpcq6RBPf1QB6+cIukuZer/paiqV3U5ct28jr6oufsFKJrIK7XHezKuVfL0OxnW"
    "2WFP9K4Oy3V3azAnYzg9xn6Rq267wD4n1BXcKcblwPB790++3OOVpZ5r0O3zGm7e7o13Ok"
    "6WwNfw8+9cUv7mpfhfIOK2zxOjCy20uMbE8aiqPeZSTcnJK1Gx/JH0jUbazaHpTJHMRTvZ"
    "dQGa+u8MAOOps9Dp4b3sW1Zc504xjl4kIwuQUBHzmPCtcCPEqIuPDzSIAKyofV1JoeWkZZ"
    "GevP8MVCI5IiqGxuN/OlFV6J9kG0lMjRwA1oblY17LoMMZ5+jedRI1MerSb6a4pwuoX5gO"
    "Az1mhJbBs+xkYPwA8g02HI5lxPelKGsh/wCHnKzQ4nw/JsKOonU5XE6WeLVe4Y76DBjRDW"
    "UIF7vArbpJ5eufTuS0rjnlFJZPO9S3yab96zpCLxJhGOOuV0j3Pc2ce7YO8nK7dp8UyuJt"
    "V0Ys3Jdzb8fU94sV1x1OJ7rMO464bO1qnpWAsTqkrMFUuXildY28FrN0x3QK/diu4fEVe/"
    "h7S4+QvTNAimGV5+D6mx87dAsy8kgyuHZVguBoNehFe56MbCgvqfri46w2en4uSDRrprSs"
    "vwAMS2rc93YxvT6JVrT5WZR82xhErZVcrIGf5TafdUJOXoPABSomXkBN8IUQ159ZJDZWxn"
    "Rax73TYlvVcSdGoCp1QkfXqnoKPnGHNcgqzAFeKRTkEbn4oj2xqy9L7NRKGQ0KYY8Qsawl"
    "E47LZHjYxdoQR066VSj0Ob2Agj8MJboP6nXk8um/I2r7cBJSMT/rNnn7cn3TuK4i/n8PY4"
    "nYhzyz/llvzTMRlupGlFoi2auXoRv+3kd964qGZE08jKzSVInnM5AAX9oLmFATyRUdA1W9"
    "DpJrP0M68+zVy/JzaiJrrFBp82qHXdTclKvcfnbKtlowrYVEUjc2zVVQ7GhO+lvopFlvA4"
    "L2a54EyO0NRGd14eA65iMVQshorFULEY1edMD2bZ81zAUrjXjXNYNtca8kLba2jBl0ZgyP"
    "Mw9DM284xpEXk2fIPvJAHqnH+M5VdrhmVhuWRript8JDd5jElknFtDtxfEH/TinvWfLnrd"
    "m4882UvQx5hetUZtcW2JmSautAf9Uas9EklhTMpgNfGr/c6HwajbGom0M5TMTaZj5qae6X"
    "7o88auqWhMe63+Jf8NItZU9Ncb3IjOROnRuFRXiLUtPamA+FhRjlzKaT9GdrA4iqNNRA0y"
    "FwW8yEoG5QhR7TJk7CULiYDMSziaFClyYPZoHpmWvpp60jR8U7LSi31pAuexnaa4z0sxEq"
    "VTM7XITLXEqZHEOd+fZkNVI5teGe40LjCA1HKZ6uGYY5ROUNZuAr8pNIHf5EzgN8kJ/Aif"
    "GuVOU1mFTdKdZqZbNo/PFBzwDoOdRq9GvMojDnw9SPYiOEZ2sGOkSjdblYEvkh1J5cT6Fk"
    "dd2WHqNupF7DBxDW5R/9gYWY2kkNIMmxE9d0FcIzTKzKUcjp/E4ZjPQvl5q3xiC5pm3UWe"
    "RFcZZ6PG2chmmG6eTT3KDodsxU6wosDGT+8Md9jktlsCssqPe1QswaOfpiKJuVTepgVmV2"
    "5PNcI8MjXJPaHl5Nzp3JOj5LEkUstET6EkaJJu67vmvDoKt/UQU7Nvt/Xw/Mv0+gmm5zbX"
    "n8lmSRSJ4+dSuaFTgoDIWp+jh4WJpvoU/sWsCf8ltIlmlrnk1eW1BRK6PcRM92fTrSKPET"
    "VZSpKe0nsv4pYUidr0PYz83CAgC2/8VFRZR1XWsco7+779fvjCm+Q5fWXYcqJk9SsnUj7S"
    "kW2ncJSGqVCWK5Zuyjmw+e2Vqb+IqR8eRSyKUxIu5+YrCZOpnCUSOUuUIS57th+nSaZQ8T"
    "+NyWZ6CJMoU0xyIe2SAubxqV8qt2b2q9ZmQWjKI1WEtUuA3IwpFiJTa7tiW6xupdTeAmp4"
    "Dywhv0N5uh0Be4pSxx+ObG1OkCt7z2FcEZW1ZbrZIsOqkbwILZ9ERWodNFJruZrIZ5yOEJ"
    "UiT9Yw53QoxzTeAeMIkcJ4G8bwlaYkwiEShe82fP3tfJd4Tp/2cHF9ms70PwmV1JE02t1R"
    "99+dvqiJxOnHdDD80Op3b1qj7gAum9YcU90WRsAxvWl3O/1R92Z0jmxNJ5TpNoOro9b79+"
    "dIpEIe09blVRcI8XSp07hR44lUW5WvI3Yg1darIlGZr7KjMl8lojLD00Nqq4/R1Q7q8rcj"
    "prOs/ShLDGf73YRqNI+nOuxnK25slUE4SqVg3grzrW6xxWRNcIpQnh+2GaWskaaujNBNYS"
    "YgqWXYfroZ9HNsCz5RXM+tawz9Dxn6/uqyNf42c6hbeejW0Q2mU/sFf94/9jW3c2DlIEVU"
    "3P4cfnbV+ld8erd7g4u47pp3cBE3QXh1/yTDA6JUe5roxyfOh2LrTMfSyMTWiNxmHaern1"
    "G4/P16ZhqG+WBPTCxpuIwSKtOlhOnSxBMXvd1qdCWoVaRwdYLIkiZLZajO3tzqa6gWJVFs"
    "Quiu5VRCtGp9V3l9r7BtP5jWdLLA9kKGXUkQ1k683EtSIBWLXbf9NGWZJQJZnii0tWL7Zu"
    "mRrTkuK4ePaqsY2I8PaiviXZFkFH0FwWOj27xu6gN8bEOYEctScBWGSyP6PcD1FKGTxwgY"
    "L+j7JGBVjakoFme65CHTPHL6kVh1vI7WNZ1WPlBrYHSYrpUGV1/0VlPQ3FTKU6LpNnT/SM"
    "iueGc1Bcp0GDARWooYKoPQINRLDUHikskj59Cuod1HAc/CZGYJ+FzzfmoLkmMvJreGqd09"
    "Fino6IL3U2ukLAIv/PhVB10N3Z7qipZfjZGkhdVLQHXDPfWuLXOmG3VlCtLqDz4CsETlwz"
    "pOryCpdKgMzmMTw9R0eh0WoaOcTYmEKo8FqmiOoWOZT1KRU5Hc0rPZZLXZvdNx9dMRfbOn"
    "gWSsWYtYusb15oloM+9OMy/eDG/a7DPgTAWKHTJQ7J5YtqRfe4ikhll0zt68KWKxffMm22"
    "LL78WqYKykSjp5zWuI7mkhe/hpjj38NGkP51UjUsu5ZDsGh0gO7xb8NG4lpTkAJyymhwyc"
    "/uv/AVbHPTs="
)

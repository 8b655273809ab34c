"""Every Redis key template and TTL. Keys look like kjy:<area>:<thing>:{id}."""

from __future__ import annotations

# Session token -> user id; TTL = Settings.session_ttl, refreshed on use.
SESSION = "kjy:auth:session:{token_id}"

# Cached WeChat access_token per appid; TTL = expires_in - 300 (at least 60 s).
WECHAT_TOKEN = "kjy:wechat:token:{appid}"
# Lock held by the one process fetching a new access_token; 10 s, compare-and-delete release.
WECHAT_TOKEN_LOCK = "kjy:wechat:token-lock:{appid}"
WECHAT_TOKEN_LOCK_TTL_MS = 10_000
WECHAT_TOKEN_MIN_TTL = 60
WECHAT_TOKEN_MARGIN = 300

# Per-openid login rate limit bucket (jscode2session allows 100/min per user); 60 s.
LOGIN_RATE = "kjy:auth:login-rate:{ip}"
LOGIN_RATE_TTL = 60

# Cached mini-program code image for a campaign scene; 1 day.
CAMPAIGN_QRCODE = "kjy:campaign:qrcode:{scene}"
CAMPAIGN_QRCODE_TTL = 24 * 3600


def key(template: str, **parts: object) -> str:
    """Fill a key template."""
    return template.format(**parts)

# Stream of index events every matcher process follows (XREAD, no group): upsert/remove/reload.
MATCH_INDEX_EVENTS = "kjy:match:index-events"
MATCH_INDEX_EVENTS_MAXLEN = 100_000
# Stream of "match this post" jobs, consumed by the job workers' group (XREADGROUP + XACK).
MATCH_JOBS = "kjy:match:jobs"
MATCH_JOBS_GROUP = "matchers"
MATCH_JOBS_MAXLEN = 100_000
MATCH_JOB_CLAIM_IDLE_MS = 60_000  # a job unacknowledged this long is taken over by another worker

# Leader lock of the scheduler process, so two schedulers never run the same job: holds the leader's
# id; 60 s, renewed every 20 s by the holder only, deleted by the holder when it stops.
SCHEDULER_LEADER = "kjy:scheduler:leader"
SCHEDULER_LEADER_TTL_MS = 60_000

# A callback already seen (WeChat retries up to 3 times within 15 s); 5 minutes.
WECHAT_CALLBACK_SEEN = "kjy:wechat:callback-seen:{dedup_key}"
WECHAT_CALLBACK_SEEN_TTL = 300

# One-time code a person sends to the official account ("绑定 123456") -> what it links; 10 min.
BIND_CODE = "kjy:bind:code:{code}"
BIND_CODE_TTL = 600
# Staff invite code issued by an admin -> the staff user id it binds; 7 days.
STAFF_INVITE_TTL = 7 * 24 * 3600

# Non-emergency pushes a person received on a Beijing day; 2 days.
PUSH_DAILY = "kjy:push:daily:{user_id}:{day}"
PUSH_DAILY_TTL = 2 * 24 * 3600
# Sends in one wall-clock second across every dispatcher (the global rate limit); 2 s.
PUSH_RATE = "kjy:push:rate:{second}"
# Set for a while after WeChat answers 45009 (an API's daily quota) on one channel (oa_template,
# mp_subscribe) -> when sending resumes (ISO time): every dispatcher holds back from that channel.
PUSH_PAUSED = "kjy:push:paused:{channel}"

# Operator console session id -> {"uid", "csrf", "iat"}; idle TTL, refreshed on every request.
CONSOLE_SESSION = "kjy:console:session:{sid}"
CONSOLE_SESSION_IDLE_TTL = 8 * 3600
# Failed console sign-ins per (account digest, client IP); counted over the window, locked past 5.
CONSOLE_LOGIN_FAILS = "kjy:console:login-fails:{account}:{ip}"
CONSOLE_LOGIN_FAILS_WINDOW = 15 * 60

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


# The number of open tickets per region and stage and per concierge, kept as +1/-1 rows by triggers on tickets
# (models/metrics.py, TicketOpenCount; the same rules as the PostgreSQL function of this migration). The existing
# open tickets are counted once here.
OPEN_COUNTS = """
CREATE TRIGGER IF NOT EXISTS kjy_open_counts_insert AFTER INSERT ON tickets WHEN NEW.status IN ('published', 'matched', 'contacted', 'negotiating', 'signed') BEGIN
    INSERT INTO ticket_open_counts (region_code, status, concierge_id, n) VALUES (NEW.region_id, NEW.status, 0, 1);
    INSERT INTO ticket_open_counts (region_code, status, concierge_id, n) SELECT '', '', NEW.concierge_id, 1 WHERE NEW.concierge_id IS NOT NULL;
END;
CREATE TRIGGER IF NOT EXISTS kjy_open_counts_update AFTER UPDATE ON tickets
WHEN OLD.status IS NOT NEW.status OR OLD.region_id IS NOT NEW.region_id OR OLD.concierge_id IS NOT NEW.concierge_id BEGIN
    INSERT INTO ticket_open_counts (region_code, status, concierge_id, n) SELECT OLD.region_id, OLD.status, 0, -1
    WHERE OLD.status IN ('published', 'matched', 'contacted', 'negotiating', 'signed') AND (OLD.status IS NOT NEW.status OR OLD.region_id IS NOT NEW.region_id);
    INSERT INTO ticket_open_counts (region_code, status, concierge_id, n) SELECT NEW.region_id, NEW.status, 0, 1
    WHERE NEW.status IN ('published', 'matched', 'contacted', 'negotiating', 'signed') AND (OLD.status IS NOT NEW.status OR OLD.region_id IS NOT NEW.region_id);
    INSERT INTO ticket_open_counts (region_code, status, concierge_id, n) SELECT '', '', OLD.concierge_id, -1 WHERE OLD.status IN ('published', 'matched', 'contacted', 'negotiating', 'signed') AND OLD.concierge_id IS NOT NULL
    AND (OLD.concierge_id IS NOT NEW.concierge_id OR NEW.status NOT IN ('published', 'matched', 'contacted', 'negotiating', 'signed'));
    INSERT INTO ticket_open_counts (region_code, status, concierge_id, n) SELECT '', '', NEW.concierge_id, 1 WHERE NEW.status IN ('published', 'matched', 'contacted', 'negotiating', 'signed') AND NEW.concierge_id IS NOT NULL
    AND (OLD.concierge_id IS NOT NEW.concierge_id OR OLD.status NOT IN ('published', 'matched', 'contacted', 'negotiating', 'signed'));
END;
CREATE TRIGGER IF NOT EXISTS kjy_open_counts_delete AFTER DELETE ON tickets WHEN OLD.status IN ('published', 'matched', 'contacted', 'negotiating', 'signed') BEGIN
    INSERT INTO ticket_open_counts (region_code, status, concierge_id, n) VALUES (OLD.region_id, OLD.status, 0, -1);
    INSERT INTO ticket_open_counts (region_code, status, concierge_id, n) SELECT '', '', OLD.concierge_id, -1 WHERE OLD.concierge_id IS NOT NULL;
END;
INSERT INTO ticket_open_counts (region_code, status, concierge_id, n)
    SELECT region_id, status, 0, COUNT(*) FROM tickets WHERE status IN ('published', 'matched', 'contacted', 'negotiating', 'signed') GROUP BY region_id, status;
INSERT INTO ticket_open_counts (region_code, status, concierge_id, n)
    SELECT '', '', concierge_id, COUNT(*) FROM tickets WHERE status IN ('published', 'matched', 'contacted', 'negotiating', 'signed') AND concierge_id IS NOT NULL
    GROUP BY concierge_id;
"""

# What is still read from the open tickets themselves: the ones that entered their stage in the last 30 days and
# the overdue plans, each a range of a small partial index.
OPEN_INDEXES = """
CREATE INDEX IF NOT EXISTS "idx_tickets_open_since" ON "tickets" ("stage_since", "region_id", "status")
    WHERE "status" IN ('published', 'matched', 'contacted', 'negotiating', 'signed');
CREATE INDEX IF NOT EXISTS "idx_tickets_open_plan_due" ON "tickets" ("plan_due", "concierge_id")
    WHERE "status" IN ('published', 'matched', 'contacted', 'negotiating', 'signed') AND "plan_due" IS NOT NULL;
"""


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "ticket_open_counts" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "region_code" VARCHAR(12) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "concierge_id" INT NOT NULL,
    "n" INT NOT NULL
) /* A change to the number of open tickets (published .. signed) of one region and stage, or of one concierge, */;
CREATE INDEX IF NOT EXISTS "idx_ticket_open_region__beb75e" ON "ticket_open_counts" ("region_code", "status");
CREATE INDEX IF NOT EXISTS "idx_ticket_open_concier_79803f" ON "ticket_open_counts" ("concierge_id");""" + OPEN_COUNTS + OPEN_INDEXES


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_tickets_open_since";
        DROP INDEX IF EXISTS "idx_tickets_open_plan_due";
        DROP TRIGGER IF EXISTS kjy_open_counts_insert;
        DROP TRIGGER IF EXISTS kjy_open_counts_update;
        DROP TRIGGER IF EXISTS kjy_open_counts_delete;
        DROP TABLE IF EXISTS "ticket_open_counts";"""


MODELS_STATE = (
    "eJztXXtz2ki2/ypd/DN2XeKbOJPMjOfurcKYJOzY4MVksrNhCzeiAY1Ft0Yt2cPu3e9+T7"
    "ce6AkSFlgovVU7MVKflvTr13mffzeWbEoMftaybF0zSOMC/btB8VL8Eb/VRA1smusb4oKN"
    "J5Kogd1G8iKecNvCmg3XZ9jgBC5NCdcs3bR1RuEqdQxDXGQaNNTpfH3JofofDhnbbE7sBb"
    "Hgxtd/wmWdTsmf0Ln303wYz3RiTCNvq0/Fs+X1sb0y5bUutT/IhuJpk7HGDGdJ143Nlb1g"
    "NGitU1tcnRNKLGwT0b1tOeL1xdt5X+p/kfum6ybuK4ZopmSGHcMOfe5kvL7WGI97/eH4rj"
    "McjxsFANIYFeDCq3L59XPxCq/O33z/w/c/vn3//Y/QRL5mcOWH/7iPXgPjEkp4esPGf+R9"
    "bGO3hcR4DSr50yYWxcY4Dd32Alvp8MbIYjjDB8Rx9lENAe3BWBGcl/jPsUHo3F7Az/ffbw"
    "D119ag/ak1OHn//al4IIOV4C6RnnfnXN4SuK9xtnXbXWF5EQ4IdsI2MYn9C2t01yv34PC+"
    "Of8xB77QKhNgeS+KMHeWS2ytimAcIjkcyo3GQTB++/p1DoyhVSbG8l4U4wmbpgA8hN0gHW"
    "C/fQ3Q3QDmsPP3oeh5yfkfRhjDk5vW3yW8y5V357rf++g3D2Hevu5fxqB2LKPIVPaa1wDo"
    "6DR+l2sav9swjd8lp7HNTF3jSXj/etfvZezGAUUM4amu2ej/kKHzBGtRGtL/M3OoJmBEE0"
    "c3bJ3yM/G8/32BqS4Q2jzV47NaQMa4PbdkL7KD+FQnS2IBcNpqXHxg0mjVEJU+RJw5llaI"
    "f1lT1G5PKp87tMgc3mjMNWYWAjlOty+oE5x4492b1/C/A+GdB+5stONgm84E1uaCTMfYTo"
    "J9BUDZ+pKkAx6njW81HvGZ/8cxsuoWwdM+NVbeuG9ifLo3nbth6+Y2st9ctYYdcec8wvn4"
    "VxMjFXSCvnSHn5D4if7R73Xi21LQbviPhngn7NhsTNnTGE9DU9S/6qMW5alMMS67jHuUUo"
    "16VUbdxyg07PLthRJp9hDSeIgLE6w9PGFrOo7cCanDsK0tSAr7cekRfvhlQAwsoU3OAk+Z"
    "diM62UH78cLj/x9/xvtXw0iyc5YFZfLW8nwZv4IpnstPEs8WT/KwauOlifU5baQoJYN7zU"
    "1aSc1rpdSS9VJLcg3AKMRu+gTlsEAV0kW+Pc+jxznPVuOcxxkgyuxC2Prta8fIn+dSLpxv"
    "UC6cJ5ULGpykuzEZUUrFZFSFycjDWvpjN1mlWlIyD4QE3fazofrMRDmnQ0I8LmaiihDV0I"
    "hSslTMbTybFZu7YRI1bd1pmxA84rM4ie8HZhFgYX8hKwlzF94J01TVmccaD4KOjmwCZwkZ"
    "cNnCTwFvHV268Ad8NbElAgPYpwfd9rCRnLslAPuZk10M10eCani5RkCFF0C9z9fXjYwTTS"
    "G7BdnEIZ4Bbx4lhOBLnqmCuGW5LB1HAvZ+NRALbN8QzrHc+pNKiNDt5kY9BDQcL92WFdNF"
    "XOrzb0Ud8dP5+du3P5y/fvv+x3ff//DDux9fB0d48tams/yy+1Ec5xHeKYfSgsDHW2OLFf"
    "P0iZHVkFV9k4dXfZPNrL5JcKtLPncRKoBzmOaAqgyb/GkfRp1RPsz+u+f19/Hb10BTdGh/"
    "nyWZ6rigiBumqQHkh3ASPAo/hiPemJX2Mxv6+mo/LaLppk6oXUyBFCdTSqSk7tPjDosp5s"
    "I0O4FaubVTMqq2rj2QgrM1QqNQ3a7wdAErQXs0DDo6MoDzKpAiUyuiPGq37tqtq04jZU84"
    "nFruWGGN7IPbYQ2OI6Xw3Kqgjx7chfWd+9TpXTFtSKylu1HFFHrBveYmbR4ANbaDZts0eY"
    "0+JQhInCUA8h1HT8yaIps9EMrRCTexRl79znRKpqdNxBnCCPguG1s28jR66PvXr9FD0AN0"
    "oMOMcmxo90p2o3MYs7NGbAQP+FilkTxSjaSYyMVUCmsK5UgVE3aTjlTuMvlX2lG8IbAzTF"
    "RDncIeYCZ/2uMF5otCMIeJaghz+aobcYCkWB6ztb0BQS3gPbTCV2nKsmd6vTRlBYIR9skX"
    "d5YTMp26uCcY4/XNjZwx8Zvtxho/Es1mFppZbIkY3CJUg2dY6GRmMGy/eY8mK5vw059D3C"
    "rcmHIEbKfonpJHaA0MqkvItzLFe3lgCjv8NcQ4ec9o/FPxyIpHPobdds/sm78eCiAcIqkh"
    "xHvILqM45ENwyO5pkrZZU2yt0lFe08QglifPEYK8aQP2sgkEfBhgednttQa/pTPKlynZBy"
    "5/G3ZailVWrPLLsspeVpF0Vtm/uYVVdpvpVXMI/Vb4yr0Fp+pTEC50uFOIp4lS1U67Wj5T"
    "A6IXtTd4eXaos0xY46JsZKSHKrM4jQ/X/f4V9GUwNh3RTmsw/PS3z61fOheIgFC6+MPBD2"
    "REr1u9q7vr7hVcNjCdcgMmFbS+hSs33Ta0NeHCUtdGtNVuw8Xe8AJhTZNTb0S/dK+vPnQH"
    "QPykG9OZbgHt3bA/uLlAHHiU5Yj2h586gwvE5DZTCZaLCwFctzPS+m2fAmH6Sk+AQQeG3y"
    "Iw+P1Bq/cRBgkAonMYot8619f9LxdoRQyDPY3o5fVnuDsxHLLLEOVxqsx2qUw4VC6A/TD0"
    "YrH6YZoqj8muO2GeoPL32THl7xMh5bp4mqP5UT+5T5woWe08hPcSvu/FHkptXxLs7ER0cT"
    "qVhG6zxWSHJHTw9DR3ss0SYEBUQ+HvSIQ9H5ONLsTkTxMYEr6DjB+lVMNc6WH20siP9TRT"
    "c/buGiNTm2vpmyvwz7aTMiY52eyA+nApKDEMxyMpiH+j1R52f+0IsUhQj2i71WsDgy24b0"
    "18mmGQaTVEH6X1zIa+XlpPlaOyzqOeci56b6/SR71EWIpKbPIiiU0oAxbuudlVA9tLT/Z2"
    "hJvYi6Q5icO2yaq1Rna7bWs1Do1qPm+wdusWeYlSEJshTFHQ2YXwukLYIJbdRARrC+QeaU"
    "153eXOfka6zaF/+kqEKsz0uWNluYHt7UnKHlcte9zxJAM5mA66ZC2/yhi7T5WzjWFXskmh"
    "WOQQyeFCkV9XeoNYAwpf5BSCc02gwIyD6VBLnJDyU/MjGqNSsCbyOtjMNAtN0hCFgjMOJ/"
    "BpwKaNlynyRSagERoFaQakQrVb6PCP0x1OIzxltKg+uBr8lQeZ5lg83b84OxgkQVqbiXyQ"
    "uJDEGDimzXYaAZ9Q4f8s/A2CORk71NZT6l9uVoCn91CCIrya2rsj1HsnzR3emM10umtJtv"
    "Qe1KhXedSVaTN78z1OI5eqkfLC3PpaJV8I2ziZymu33YBIwgFAz7QfRoKJjgzmvFbE+Bzb"
    "nolNmWgPaKLdp+GxSyfModMNJRZiLZqbzI662/ZwhRa+NhaYTo2A36AiZBrbNlma4l83xY"
    "PK6VC9nA5k6pjjB5IRNpQ+BBGi2sXn/ZTHP/GnbP/EnxL+icwktFjijDXFwXSCRxz/+ACf"
    "VQRdv30NzdnlO9fK0NAi6AYEO8FbMeZi3ylf4HF2Kr7ZyeRCJDXwGtgktavqIYfYMfZRPc"
    "TEK5EdLAlyduBKiKQaQSvisbUJWrGIRvTHnRSJMVKlSTwmTWJUKisy7FFKZSWospXAE7RT"
    "XDrultgwMmXpMF1trLFvz394H8jQ4scmqfnupnV9ndQRx9UXBddOCrlaQFVeQJqBYQx2Mr"
    "NFKNUoV3mUDcztMbGsNM+hbO4/SlU7/r80R+2KZKS7wba2aKToz90bzU1q86Vosg9t+Vcg"
    "hjeeekIkd0zTWI3F/BZX4HvSG6yD+RM5kr/GO2kGseWyu6j5f915MUX8t6KF31vEDbP0uU"
    "7Dg5QT4CThvhi044M75BuuMSvF5faDyFme4RvuU8TglGnOj1B23QDXVf/z5XUH3Q467e5d"
    "11MqBAeyvCl3jT8M3bWBDjqt64S6DFAqqCzzKZR6PYd63cL0oajY5tPUyQWlDKntgawySr"
    "Nkqx3DNNXQO9YqWY5FDPLoe53k3qQjVDtu1McjR5WxT9MgFr1A5Kl+6HLdBzNp5LJobDBo"
    "JJKrVjznUwrUpsVgcZJpQcgbt4P+bf9OZHnye5A5cju3Q3ENaxoxbXHtqtOGLVhcmxJNJC"
    "mtSDIoeBt9upMqJ0qpVDlVVuWAdMuL5XhdU9Ruv9tLrL2KPMhGv772QpVUrW6jnrKdJpKq"
    "+Sdf0XiTBJ2KN0lKpRHFbm5gQzR1EvPL0/wlNOT50U2lVVM3E+Ti2uskoYJ3a7SUu+hTFC"
    "VF43hu2f40VhUI5IlsjttDpEJz8XDYVmzm5oU2uW5z4+vtpiVA3Fr3VGuUo+fPdqDX3FYJ"
    "INc71i/BmFYq1u+GwFdqV3jVZo78hKSvQrRFc6PTgmw7nuIV4OJQu0CKUTdX53ccSUI0Y5"
    "as/XxJ9N9hFBB02URuuRYkyrUg2HbRA4GLWNZ9RlSfL2xjhe45xSZfMPuV+zKvgJLfo9/Z"
    "JK4TPNBjR1R2TaZIt89GdERdQPkFup85lBLjHp2ITQ5ewVVWQL/Ydp8MT0IjGSN0IQxtow"
    "b6i3zqzLFErWsbwdKaEySztgHh04JQ5D3ttDmi9yZhpkHEA+Qf8ku4TazEQ/6CLGaQU/l5"
    "HtXYZjY2UmknK/kWBBqz2YiKv2M9/Qx/my6c4q7wW/JfTDQFjI3V6c/wj7wNe88DgY+BdY"
    "JOXPz4f7sXxVziZ+bqFL7Gc4mBV/L+CtTCoa/x3s09mGFc3cE7baJ7GQwkqIXQL7TEgB4x"
    "YRgZwsjVi8t+RjT0MaIv957oQsTCkansQrwcR+6F4PGiDSe2bUQaPS3gHWGmWQCCqAAnJh"
    "azYF4YjIu/3aWy7sQdBY86GIbwIxG0XI8AigzASEbsjRqnZ6gFY/E0ok+6vZC3rlq/jW9a"
    "g186A/kIyvypzQFkvxeki8WwNMUOdYauMCxuDK8PgzKfE4sjkSYU6RR5ax3AgbkiRmkk66"
    "6v4BNhliBtIQqhuR8FH2hMETbEdRyZBydLfW7J9NEcvXndRG/OYVZwR1tAO+9dhKoDGfoj"
    "QTI7EKyiEdV50Auew96bXeHdfUu59LE8q0Iln8RPETmqar4fRXzweigL+H94FMr/I4+5Cq"
    "dwc0LTmqEYwmlB1xH16hGCvMk43hp2sgvPFTMARchqZwUq3+pdMC1AqQkBKrXsy4/7TTFd"
    "Zp5oaUZLpQQWVwTL5OxopIyS1tBedbz2KdcsWZV4Al8UvyHLieRws6V1r0lecX0pmxeQ11"
    "0CIX3E5GWQuUAEagayn1eEI5AEQMqegiCpU832OgGZ5lFKBiaxdDYFUWeRqJJ8iGeOKLPm"
    "GIQLTyDhxHokU7e8CNd0UQleiOmuygye3AwJrxz5uSxPL4JeA7WC7ikLHO/9QcRMfR1RvE"
    "SIUt+Jz+FrWRgWJPQu3wpk4Sa66t4Nu732cNzuf+4N706lXuEeDr17/1Fut0L+BWncl+FP"
    "QexEIhBwFYiTIG7dryX7e0kbAtb9FA4i4rrRiJ4EsHmiqxDnJWmqrkB8FUiqpwWkNPf104"
    "NN1veaAYuvcjopma2SJ5+S2ZTMpmS2aspsBwK2fIktcgLmlNwiNEqCS5Hg1kxLkR01SvXM"
    "jbWaJs4N+2qlBKM7YYoA0aeRKRcFLfKIRWvLRj6pqBWxbLiihzSCTBEHVp8AH4ye8Npycf"
    "Jk6bZNqGCRpwkzi2Cpm1LOsdiTYLe9zk6TdRMP+eA86Vej3LxizRVrXs3zQ7Hm6ggJDoi+"
    "Y0s3irTDI7i38dhg4Vb7THCt0mYcMm1Gdkbf7dGWx5Ddt9EaDLvt68749vPdpwvkewKaDl"
    "+MaOtLa3A1breur+GOXGQaNow4B/Iy+6ut22k+ntnnV0BQ5eHY8fh6nyfs7n121N37RNDd"
    "2iW0UBKDGJnKYxCxa5WRxwA7U52kpjHYMCohmmoMSa1S2i7XhTDyjkiIRA1I6QNS9SQJKW"
    "VQLTyzC8LfuBq0PgwvkKQd0bv2p87V52uRB4ELf2DHEMa6u04PmnBCoUW71Wt3rmULTXy5"
    "YVQlVULwwjv4T8RpD5Iu4ZAs7rG7T0QGGibiLmO8JlPZMKo8vja2QHBN06FnSqJhktqkfi"
    "7NLAFf5BSCc02gwIyD6VCpopGfmh/RGJWCNeH8qBK01CxVh0rQ8i2OesoJn0jQogoCHy4N"
    "gyqpWpOSqjJVQ4plyU/hkG1VkqHB5ZuUvoo1vmC+Q5A+JUuT2bLeb1pI5NfAlLHWjfjZ4m"
    "MduRc9b7noxehhv27iUTzq5Gk8hRctXKRVGbmUkWuzpqzXEUovSoRG7G+f4Qzs9nsXCB7J"
    "RYsR7X/40BlcIDabuZvky2vE5Ku4aO44MNEeKlwCE7bnwa/ddudChlzoGhFpXj91O792bq"
    "TyEmQvnTySpVdq8uXHRpke91pEd8KmKQxPdhlSv30twN0kKuyjCqmN54UMvH77alitamXZ"
    "rbrVKmVITGdiyLC3oqar28+X1927TzK5t9/HiN60hm15zc3wAlfa/d6w1ZYJv0W1YWCAxd"
    "Ve52N/2G0Nu72P4lSfM1vHMB/mI3rX/SgzgXOQjUTL61bvSvwWiVdkf9duRnGRfKUqxi/5"
    "LuPieaTjdLULndhLNmlP0BDLZWfWKt7HIVcc5ruk0m/duYn0JfWI3nZ6V3LxmEQmJBrRQe"
    "evHXedWeR3otlVWRwe1CLtUJG1ESNTSyPP0uDMsTQy5hrgUgTsOF2FZY3KBHEpm0k29Mep"
    "PVc2k29x1PPYTMifpg697TDqUUrl+lKdQU6u7bgSvcABmkJavzO0fEVR1GZQcGkliNXqqv"
    "Lq8obLK2WfoiXZUqgySV4bP54yClZGrHg5rWsRGpVTIM0xCi9NrM9pQVeJKJVylEhP1sDS"
    "Yd2awiUV1eM0FsQO2Dzna/bxerrZGcVFL4l3YUeUQdDRkaGd1xclMs8ifigDOAYH3fawkb"
    "L3loBsThefY8U1ct5sL1Lhb6MlANsOdXVcG29u/6nomVPYeypRhMXL0Z8E/9Kj//DLgBgy"
    "1WI27jeikxrN6GiCCLd40EGBOpLZGcHJXDCbPRMf4Wh3K/qp02Qq5LEY9l4RqT+z8exTMm"
    "Twn+2oDoOeajLtdnDrdGdVhm9nMOU2O3iO11NcZQ45Mpkk26mS28Bmz0lRXWCMrBw55WWB"
    "jiWa/DGPjfj8xw2pJn9MWNMYtUWIaLa/ZIaoHaOroVS4h2Bt/V9Fwuf85kpDlKLIeCSWcJ"
    "1Ln7PbHVFC5If0QXGdRhrFMG4knU6EW4rrlCIcUH7tdr4I9xOhqYXf3btffoOfOn+QG2HR"
    "eZ9nl8neYxI7jDiV04v7bnD7DdGUYs+p0DZevjUHpCDtYUwsK00XsmELj5LVztNnP+elAG"
    "0375MIpbKZVdlmpnyMstfYcXqb5PExKl4j/bnF0Ss3uGWnjTANhqdFU67HqBSy2wOeD1sZ"
    "vWrg5tXVF6qJ7s9CZV7aBmtsvaZD+0Lx4w5ftFzXlUaaqjF0u7lR2QgNIz4w+Yp92dZKlB"
    "zmxCteDJdETyCqyQhaZC8s5swX8obIFk+JkUxT/5yOSlZtqizz4t4hssx7g1hMngtIlDYu"
    "hzYOJN/0WkaZUzxEURsfuNJ4PQBnyedFJuyaona6h71EGT0RWOL2GDArujfHKffkGVfXbX"
    "o9BDOdYmO8Kd44fQDidLWb8HvQaiodzDeog/EY2lSFwaYdLkpXJ5XBAXa4jc6rEtcydAsg"
    "rwzWvR3ZYOR3YQ3Pw6qJwpcG0x4aGYKwe7O5VQyeiHb5a7u5Ugn6QtqiwJrNjClyuCi37G"
    "aSkLWnMVwiFjr5/u2b129AqJ3Bz2kTff/69eu3aIKniJmE6lN0dnZ2KvJWiJrPlqiqRaap"
    "Zd0O8czU5HCiS2/sQ+KYUBsYMNfT6jIr16JDuhYpsXr/Ob5Ck70AzDGy2jHIe7FGH4kKo/"
    "IbhpI6vm2pI3Rs57VRcmWfLGCfdLgypOUwpPHKGtEuLYanGs7IxhxpkEOC8NsWMKXNMH3F"
    "HPsC6TZHPrMgyzCjE+H5DVw9EzWbJWtvGLKZxZ74KcJ0ihbsCXqw3KtE002dwNggbBFZ4S"
    "nd6LbfR47oiA4X0J/OTRnJZCHbsSj3CLy6GWFSmDgsYvYTl6QU8wrkFGZNidUEsWYiehPW"
    "QozESdMc0SV7FFbDe82xOLPuBRWILIjDKMI8xJRjNzvkiej8LBidsyV8r6VjQ+fZVazXGa"
    "41DK/yPPlG2RcPZV/MTlydjv4xJKvekTPfQ4oyuRIKoBsQ1BDe8i0DYlIn0c3OvOu3r0bm"
    "3VrVizQtnVm6nRKntTmrTJjucPzzu/1u6WWkk9ktJZPKxfTiYmYuv/INuXOzYhoPnyh3yi"
    "jZ1/6010gjl70txlWuaWrj0XNglwilMcsekHppzBL6nZdTR1zhVZs5NFMbEdxvblVGTPEK"
    "5qRD8yojbiMCuDeHEXB4wvf2kui/C1EbOm0iU1oMRUqjJhLyk1QLuD5AF1IAn2K+mDAA5D"
    "uOOMUmX7AUVcS+HygUEV+AGbMJcKkr2Y7q84VtrNC93+iVgOoVPITfo9/ZxNV7YPFUtMDQ"
    "F7FtA17qBEv9hOhdPlVUy4Y/dcMYUWFHm3vKEvS00A1y4dlTeRP94ejERgsGu3FTqDwI4M"
    "1Pf4aWFntCT7q9cD/oqvXb+KY1+KUzQBxexvuoFdI5PIAtTaExayLOgHCpc+4hIyy/YikC"
    "r/9IEGwgUtmyEO+2YE8UwRf8i1gsW8UBfYh7Xn4q34ASK+2lNB8VOp+yNR/eWCYPqizhMU"
    "1IiZxOR3gybUBVnC7pSQPTTY1b0wZm2BvrYNLNZdHdYNCNc7BKK7dHrVxxr90a++uW7/eR"
    "ki4w80RLS4317dpNo/l4lqazozgVJa2hPHUk8lOmKqhCAtTANys2MiSodYPtItTaRpnfng"
    "uyCgcZBvtWViE73EcMyfenyMYWsOGe8EKxJYQB8X/x06d7AtFFiBDM7dTrON2iu++HSpsu"
    "s2ymcyIFI8qQWJaMQ3NkWvoSWyv0QFZSRhEdwt9COjkJjK5jfdpEniPAKTKxyBniWn7Fsy"
    "b6HP4e0ZN7IByz2f3phbwuFyTITzD8aMJAWhJ9u8uWEs6lIGhHjM0go0EXILi5huMz1GNC"
    "NhP+GPLGxYiGP5gTg2ggfkqfWR2eMrPYUv7iEXOyVFiKgqPyke59YfJ2/Wddl4ZM/9m8Al"
    "RqYrhNElR6SrgdTxwlQyl/qX3lZX8JEati9p7SU7NHYfb8alL2D8YMgmkWziG6GMoTIDzC"
    "GbxpU+j3ryN81GU3XhD3881lBwQEiTw00u3QzlEpNscNOMpkcoJ4pK0sjqt/zcXgZI9BDg"
    "eq5nqzjGsU/91Yf3rEhO7Zf0Vz8qcJXCqHFwkQCoz14Q8R9XvkZ3qzuCFp4bvED/TlU2fQ"
    "8ZW4f0HfeYkHv3NTpITeQjMwyBLTwk/36PK/AQ+9wdew6eifSs9aSR5B6bKUh5nyMFMeZs"
    "/0MFOM8UEYY+XIFzo5y3Dk22Rt2J6e+kUsD6Vlp77zr/DQlaH8aY/oh1b3WpRLn2HdECXV"
    "P/cGnRZMy8vrzgVyaCBqjWi71Wt3rmVjTcBkGKQixdUr4KZZuTO5Xs5OkTpjO9bOVEUzMz"
    "ZHQyi6Cycsj1LVziS7l5xhx5Lw4GjN3r4CZFKoVk2Uqn7c6U95cP4pG+efMnHewS4eoVQB"
    "ElWziitn8m+dv3LM6Y6jHqVUo16VUU9Z7InylMqIrJJu7P9YjCTd8F+grKwb4Zq0IrbAWo"
    "2zZcVCZVejielrAH3xwqsFzb1edfQUS++6bnq2kdfVF79gJdGiCu5yveqrVB+tDMV2tllS"
    "/lsAZ7+9spvlsJsZ5DFL17Bd5x0Q7wvqEuZ043bQ/7Xba3cukGmJrDqaUFN3h79dIE23V/"
    "B3/3NP/hIRhVUov2hiS9RpLbq9xMj2pKE46l2mgJtT2HC/NDGwX8/kD9peN0e4B2UyB/FS"
    "bCVUrq8rPLCDzmbPg+dOdHFrsZluHKNcnAsmW9ceyHPn0VB2UleIpIf+8wDKKR9WU2t6aB"
    "nFNFZf4IulRiRFUFnfbm6WVqDh+Em2zBlzI1INCgOaG8HhJfyzRXp0keecTEVQvuyvGWQv"
    "hM9YoSXhHD6GoycR1CFDQQTXk4yv2ccDniFPudnbi7A8a4r6yVQlcfrZYpU7xjtocCOENV"
    "TgHq/CNqmnVy69+5LSuBdoWcS7xKf55j1LKhJvEuGoU073OMedfbxL9n5suk3zV1phVNOJ"
    "NSffcfj7EUZ/TuRRix+xDuOuG7q9Si2Xkpuw5HKi30okxv7KmWATazt47YbpDui1W9H9I+"
    "Lq95SWHmhjbKBPcsCwwODKUcUFJjwAMef6fDe2MY1eufZUmXnUHEuqlF2lTDHDfyrtnoqY"
    "Hp0HQEq0TDHBN0JUQ1695FAZ7pjEetQ5K+i9kqBTEzg5gSvgFHT0HOMGlyArcIV4plPQ2q"
    "fiyLaGLL1vM1HIM7QpRvyCBnAUDrrtYSNjVygB3Xqp1OPQJjbCCLzwFqj3+fq6WLWjbV5v"
    "fUqGDP6zZ5+3F9078uJfzOHteToRZyI+ZUL+5jAbN9K0ItEWzY16Eb/t+A/ROK9mRNOI6a"
    "ZMJq+EHICCftDcwqKykkjh5ZotRJ4sv9LTiVc/dq4/EpnKa4INMW1Q67Z7mqJI2d9zttWa"
    "VQVmq6KRObbqpwdjwvdS/9QiS3icF7OccyZHaGqjOy+PAVexGCoWQ8ViqFiM6nOmB7PseS"
    "5gKdzr2jksm2sNeaHtNbTgayMw5HkY+oUpRMa0iDwbviF2kgB1wT/G8qs1w7JwsWRript8"
    "Jjd5jElknImh8wXxBz2/Z/3ny+vu3SeR7CXoY0RvWsO2vLaUaYunwsO+N2y1hzIpDKM2rC"
    "Zxtdf52B92W0OZdoaSObN1bLupZ7ofe6Kxayoa0etW70r8BhFrKvu77t/JzgzGq5JeRn7s"
    "uHC1uBjZweIojrbeBshcFPAiZhGUI0S1y5CxlywkEjIv4WhSpNgAs0fzzOo71dSTpuGbUn"
    "xH7ktjOI95muJ+U4qRKJ2aqXlmqiVPjSTOm/1p1lQ1sumV4U7jAgNILZepHo4bjNIJytpN"
    "4He5JvC7DRP4XXICP8OnRrnTVFZhk3SnmekWF/GZkgPeYbDT6NWIV3nEga8HyV4GxxQd7B"
    "ip0s1WZeDzZEdSObG+xVFXdpi6jXoeO0xcg5vXPzZGViMppDTDZkTPnRPXCI0ycymH4xdx"
    "OBazsPi8VT6xOU2z7iJPoquMs1HjbGQzTDfPph5lh0O2YidYXmDjp3eGO2xy2y0BWeXHPc"
    "yX4NFPU5HEvFDepgW2b9yeaoR5ZGqSR78Q8O4wuW4VnUdylDxWgdQy0VMoCVpBt/Vdc14d"
    "hdt6iKnZt9t6eP5lev0E03Ob6894vSTyxPELqdzQKUFAZK0u0NOCoak+hX+x3YT/Etp0qy"
    "8/LXRtgaRuD9nM/QkNdHuBMKLMTknSU3rvedySIlGbvoeRnxsEZOG1n4oq66jKOlZ5Z9+3"
    "349YeONNTl8ZtpwoWf3KiZSPdGTbyR2lwRTKhVAWx0QRgP32ytSfx9QPjyIWxSkJlzfmKw"
    "mTqZwlBXKWKENc9mw/TpNMruJ/ml0000OYRJlikgtplxQwz0/9Urk1s1+1th2EpjxTRVi7"
    "BMjNmGIhMrW2K7bl6lZK7S2ghvfAEvI7lK3b6ZuEtkWNhkamfmfdpJlDxyPy2I5l1Yf8CR"
    "sXmLrKFXtB4DWXE2IhNpP5kpEXNYZOgmAYdHbmBbGcylaUIFe5LbMJSEVNEzHLvxdYFZop"
    "WqBDPXpEnyzdtqFTBswBmqyQUCxMMIdnW/p8TiyOWOiJS31uSd0wevP29AL91xupkULYaw"
    "E9LwlHMOsYXDtx36HpvsCpeAE8ouFslgbD0yZ65fWi2wi44kfCz5BIVs2dpUzI8EBWSOcS"
    "CDl+CDgBeBMCL6jx//Ze7cxcIcHjcNHLDJ4EzUfU1Y7B/wFYN6cDdPLErAfx4NOf5U+LPX"
    "GELeIioFNY9bDW4aWZSPVgP7Hg658w9M2oB6Ej2HRBLfNlj6jo637GjOkrMUiv3Kl2j35n"
    "EySuyg9YutDI8YGP8L+OiMpUaEae0FKnjg0AjOiItrwxBJzkOy4AGhS2RaHXPwPKYTzX7T"
    "BFojjVyutDFgrxJwMIyLl1gyFyyX6HAhMjZjGlDqymOjA2fgU9QMotYlUheb/8ULXi2qoX"
    "Cf88ELzll3F+Qce7nZA+lnwiKU4KmWimWYSVbJfOAx+MX5ZiSgqT7Isv2ZxxUFtmz2kPIi"
    "4eFnOzq4dNiZsyGvgkKrPBQTMbLM1x8QotEaJS7C81rNESqsmCd8A4QqQw3oYxfCUriHCI"
    "ROG7DV9/O0+Cuz3/iU97uDwYmm7r/yK0IBPcaHeH3X90erKGqKAf0f7gY6vXvWsNu324zK"
    "w5pjqXipERvWt3O71h9254gTgwn9TWuQ1Xh60PHy6QLB0Csv3VTRcI8RQE/rj654VMwZWv"
    "u3sg2eVtHtHwbbZo+DYhGoanR6GtPkZXO6jL345s3c7aj7LMVvZ+N6EazeOpDvuZKZwTiy"
    "AcpVIwb4V5olv2YrwiOMWItTnNSZSyRpbtMlKdSLcaklq2+K93/d4GXxyfKO4Xoms2+j9k"
    "6PurY9z4n5lD3UqdE0c3bJ3yM/G8/93X3N4AqwBJ9By4hPhz+OSm9ff49G5f9y8lZCFfD9"
    "HBZVyt59XJLqjVi1LtaaIfnzgf0kYzx9LImGuk2GYdp6ufE2X5+/WMGQZ74mOGUwxdmxz9"
    "ooTK1a+Aqx/DYxe93WraJqhVZp3qJF1Iuvgpx87sza2+jp2yhCAnhO5afjBEq9Z3lde3iT"
    "l/YtZ0vMB8UYRdSRDWTrzcSxJNlbuobvtpyjJLBH6/UCqYiu2bpWeC2eDiffgsEBUD+/lJ"
    "IPJ4IycZRV9B8NxsEF439QE+tiHMiGUpuHLDpRH9EeB6iVQjxwgYFyWhVV6WvHlZlsJPUb"
    "grPhOrjtfRqqbTygdqBYyOrWulwdWTvdUUNLf0yJRoOofunwnZjeispkAxxwYmQksRQ4sg"
    "1A/1UkOQhGTyzDm0ayqko4BnwWxWAj63op/aguTwxXhiMO3huUhBR5ein1ojZRF44eevOu"
    "hq4PZUV7T86uUkLe6sAFR3wlPv1mIz3agrU5BWr/sZgCUqhddxegVFWEJlI3fHLHfs/jFO"
    "r8MidJSzKZGA8LlA5c3JeSzzqVDkVCQaczYbm+vdOx1XP33nN3saFIw1axFL14TePBFt5t"
    "1pboo3w+s2+ww4U4FihwwUeyQWL+jXHiKpYdbJ83fv8lhs373LttiKe7GqcWahEqhe8xqi"
    "+yaXPfzNBnv4m6Q9XFRZSy1/mO0YHCI5vFvwy7iVlOYA/KKB0//5f84V8d8="
)

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "emergencies" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "identifier" VARCHAR(64) NOT NULL UNIQUE,
    "event_type" VARCHAR(16) NOT NULL /* FLOOD: flood\nEARTHQUAKE: earthquake\nLANDSLIDE: landslide\nEPIDEMIC: epidemic\nACCIDENT: accident\nWILDFIRE: wildfire\nSTORM: storm\nOTHER: other */,
    "severity" VARCHAR(8) NOT NULL /* RED: red\nORANGE: orange\nYELLOW: yellow\nBLUE: blue */,
    "headline" VARCHAR(60) NOT NULL,
    "instruction" VARCHAR(200) NOT NULL,
    "region_codes" JSON NOT NULL,
    "onset" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "article_ids" JSON NOT NULL,
    "status" VARCHAR(16) NOT NULL /* ACTIVE: active\nCANCELLED: cancelled */,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "created_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_emergencies_status_916ac5" ON "emergencies" ("status");
        CREATE TABLE IF NOT EXISTS "emergency_notices" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "msg_type" VARCHAR(8) NOT NULL,
    "note" VARCHAR(200) NOT NULL,
    "targeted" INT NOT NULL,
    "queued" INT NOT NULL,
    "unreachable" INT NOT NULL,
    "stopped" INT NOT NULL,
    "fanout_ms" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "created_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL,
    "emergency_id" INT NOT NULL REFERENCES "emergencies" ("id") ON DELETE CASCADE
) /* One CAP message of an emergency: the alert, each update, the cancel; its fan-out figures. */;
        CREATE TABLE IF NOT EXISTS "outreach" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* ARTICLE_PUSH: article_push\nAWARD_CALL: award_call */,
    "title" VARCHAR(60) NOT NULL,
    "article_ids" JSON NOT NULL,
    "audience" JSON NOT NULL,
    "message" JSON NOT NULL,
    "status" VARCHAR(16) NOT NULL /* DRAFT: draft\nSCHEDULED: scheduled\nSENT: sent\nCANCELLED: cancelled */,
    "scheduled_at" TIMESTAMP,
    "sent_at" TIMESTAMP,
    "targeted" INT NOT NULL,
    "queued" INT NOT NULL,
    "unreachable" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "created_by_id" INT REFERENCES "users" ("id") ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS "idx_outreach_status_2d39ea" ON "outreach" ("status");
CREATE INDEX IF NOT EXISTS "idx_outreach_schedul_30e9da" ON "outreach" ("scheduled_at");
        ALTER TABLE "push_requests" ADD "region_code" VARCHAR(6);
        ALTER TABLE "users" ADD "birth_year" SMALLINT;
        ALTER TABLE "users" ADD "password_hash" VARCHAR(200) NOT NULL DEFAULT '';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "push_requests" DROP COLUMN "region_code";
        ALTER TABLE "users" DROP COLUMN "birth_year";
        ALTER TABLE "users" DROP COLUMN "password_hash";
        DROP TABLE IF EXISTS "emergency_notices";
        DROP TABLE IF EXISTS "emergencies";
        DROP TABLE IF EXISTS "outreach";"""


MODELS_STATE = (
    "eJztXWtz2zbW/iscfdl0xs3ETpw0fnd2hpblRK0suZLcdBvvcCASkrCmQJYE7Wh3+99fgB"
    "eJdxESKZEM9kM3BnFA6sEBcHCu/+2sDA3q9mvZIkjVYedK+m8HgxX7R/zRmdQBprl9wBoI"
    "mLlEHeB1chvBzCYWUAltnwPdhrRJg7ZqIZMgA9NW7Og6azRU2hHhxbbJwehPByrEWECyhB"
    "Z98PVftBlhDX6jg/t/mk/KHEFdi3wt0ti73XaFrE23rY/JrduRvW2mqIburPC2s7kmSwNv"
    "eiNMWOsCYmgBAtnwxHLY57Ov839p8Iu8L9128T4xRKPBOXB0Evq5M2Xb1lGU4WiqTHpTRe"
    "lwAKQamIFLP9V2f/2CfcKPF+fvPrz76e37dz/RLu5nblo+/OW9eguMR+jCM5x2/nKfAwK8"
    "Hi7GW1DhNwItDHQlDd3uEljp8MbIYjjTHxDHOUA1BLQPY01wXoFvig7xgizpn+/f5YD6mz"
    "zufpbHr96/+4G90KArwVsiQ//JhfuI4b7FmSDirbCiCG8I9sI2wcRBwxbd7co9OrznFz8V"
    "wJf2ygTYfRZF2HZWK2CteTAOkRwP5U7nKBi/ffOmAMa0VybG7rMoxjNDSwF4SneDdICD/i"
    "1ANwfMae/3KRt5Zdt/6mEMX93Jv7vwrtb+k8Fo+CnoHsK8Oxhdx6B2LJ2Hlf3uLQA6ysaX"
    "hdj4MoeNL5NsTAwTqXYS3p8no2HGbryhiCGsIZVI/5N0ZCdEi9KQ/vvcwSqDUZo5SCcI26"
    "/Z+/5xAlZnCOWzepyrGWSGTRaWO4o7QJzV4QpaFDh1rfBPTBqtmKLSp8g2HEvlkl+2FK3b"
    "k8qXDi24oF+k2KphcoEcp6sK6oQk3rk8f0P/dyS8i8CdjXYcbNOZ0bW5hJoCSBLsGwoUQS"
    "uYDnicNr7V+MSvg380UVS3INBGWF/7854n+PTvepOpfHcf2W9u5GmPPbmISD5Ba2KmNoNI"
    "X/rTzxL7U/pjNOzFt6VNv+kfHfZNwCGGgo0XBWghFg1aA9SiMpXJ5mWfeY9Silmvy6wHGI"
    "Wm3f16pkSaP4U0HqxhBtSnF2BpSuRJSB0GiLqEKeLHtU94+8sY6sCFNskFvjLtjg2yh/bj"
    "xPP/V8DxQWsYSePCyIIy+Wh1sYq3AAwW7k9i72Zv8rHqgpUJ0AJ3UpSSm2dneVpJ1e8l1J"
    "LtUkvaKgWDS9wMCMoRgWqki3x7UUSPc5GtxrmIC0DYIFzYBv1bJ8hfFFIuXOQoFy6SygWV"
    "nqT7CRlRSiFk1EXIKCJaBnM3W6daUjIPhATd7rOh/sJEOadD4nrMZ6KKELXQiFLyrdgmYD"
    "7n490wiWBbj20TF484FyfxvTUsSEXYX+DahblPvwngVNWZLxqPNwM1jIGzLhm02QIvG9k6"
    "unTpP+ivhsRFYEz36XG/O+0kebcEYB9suI/huiGohpdrBFT6AdLwYTDoZJxoAtkdyCYO8Q"
    "x4iyghmFxyoAri3ihk6WgI2NVqIJaA3EHbBu7Wn1RChB6f5eohaEdl5fWsmS7iGi2+F3XE"
    "x4uLt28/XLx5+/6ny3cfPlz+9GZzhCcf5Z3l1/1P7DiPyE4FlBaQ/nhLsQw+T58YWQtF1f"
    "Misup5trB6npBWV/bCQ4gD5zDNEVUZBH4jx1FnlA9z8O1F/X2C/i3QFB3b32cFNQQ4r7hh"
    "mhZAfgwnwUb4MTR4Y6aSEXqGfG6YYZrjeTCY9NhlSDUUaCpxYgy5fARDJO3bLUoHGFqWYf"
    "HAuyFoHbjCTiLsJJF++9tJ/L1+r3mP05Yw8/XUgdR9olO8bpIzbUEVmQhiwmdUiJMJw0LS"
    "HuZrDPiMNWGavUCt3S5ZMqoEqU+Qk1sjNALV3UYwD7ASLArTzUANA7ioUSHCWhGDQleedO"
    "WbXidlTzieqaapsEb2wd2wbo4jYQTbabSNHtzcNrAq7Ty9IEyok2Ll2T48y7PxBKFGqG4W"
    "nu/FvFOZtynSKNsi+oTrvh+lap3faflRTvCZ7Q7ZZpsedlaJrTSqYomMUGeFbOd2MBrd0L"
    "F0w9AecU8eTz//+iD/0ruSILDI8k8HPMFHPJCHN5NB/4Y26wBrtk6Ziva+py13/S7ta9KG"
    "FVIfsdzt0sbh9EoCquqy3iP+0h/c3PbHlPgF6docWZR2Mh2N764kmxjW6hGPpp974yvJcL"
    "eZPZigfLWaTefQQiRDQbybBcL0tWaAcY9OvwXp5I/G8vATnSQKEF7QKfpnbzAYfbmS1lDX"
    "jZdHfD14oE9nugP3maIiVpJsG0nCQrKEQNMRn/N9mKbOc7LvTlhE+/k+W/n5PqH7ROxtjk"
    "pS/QFzTpwomdAzF9Ez+86EKhXouCLL43QiqjyieSwjqpy+PU0XkK8F3hC1UPHfJv0v/GZS"
    "gcTeQ88fpRTTXOtp9vPC0Us/1+4aIxOba+mbK5WfiZMyJwXF7A318TwyAJ2OZ8iJf0fuTv"
    "u/9di1iFE/4q487FIBm0nfKvtpug61elx9hMU7G/r2WrxF0om2zXrKueh/vYgHPYVNUUQq"
    "nSRSCRtUhDs0XcrG9jJ0R2vgJnaSuKU4bHlWrS2yu21bayU0qzstXJ0RhlJXvpf8yCfJmE"
    "sAS5vBKBBLKAEdWuRMgkBdSt6Rdua2e9LZ/0mI2HR8/KPhEGmOFg7dhF/HBbZq3yTscfWy"
    "xzUnuudoOuiStfwiBUyVKmcC6K5EIJcjWYjkeH5kb2q9QWwBpb/I4YJzSyDAjIPpYIudkO"
    "5PLY5ojErAmnDKJYZpcjFpiELAGYeTymlUTFNWKfeLTEAjNALSOKRC/5gNdTM1USIz2YmX"
    "1PbezIVtnExEDuzW8sGwl+6BSr6Ix2/DYC6q6ovz2G5fd6FHPaIetUrtYB/PDAdrOYmNYj"
    "3O8nSDyOsr0hudnVjfduL0RhrUHFN5gpy5HUJErfOR/1jER+Bjto/Ax4SPgGFCzJcEZktx"
    "NE+NBscgPNGfxYNu0L+FKuUKUmY8pwbK5aTMCAhKKSBZK3TLT9tOX0dS8c3OxxUiaYHmXq"
    "TkOnWSnSpScplgrRsgBeRs59EQST0cR9lrW+M4akEVoue99IQxUqEobJKicAmwpu817VFK"
    "kZanPn6J3iwntGqnUUt4pbFStBGbmlnZSohQba5ydQ9fKTH9Ys0/s23HNPW1wlBnLfT3pH"
    "fYxi90/iV8hU7oK2RYaIHwZsKKA5wkrEoL3zy4w4W4DCvFTeCWyl9ZVu2AIgbnnJE08MTP"
    "getm9HA96En34163P+n7othmt3cfulvGnzoKylfIg8Qlg6LEecUIKIRSooBSwgL4KQnvZA"
    "V0PTsJnU/TJrvc24sP7ze7AfsjbyOY3MmDQXI3eILrF8Pii/QL09TjtibC/I4Y5pcyJaZl"
    "0F8FNc4p6NyPR/ejCQvsC0Zw06L07qesDagqNAlru+l1Ke+yNg2qLC9FTeL/6Ncgbc/Mp2"
    "FKccGq2wUrqj4BNl9ajy1F6zSGInO0UE8VWFgijvZ7nPWU7TQRRxucfLzeiwk64b2YFOcj"
    "iq3CwIZo2nQ/Kk9lktAQFkc3lVawbibI/Gq/JKGAd6fvrbfoU9SAvF6hBUtT1m2LKOoWGt"
    "kcC+Ts3vLi8bCtGecWhTa5bgvj6++mJUAsb0dqNcrR82c30FtpqwSQ2+05nhBMa+U5PnKI"
    "G+bZSbHSbp6d5RlqjXCv2niJCzPrgWbWbL/Z3UrmJvjQduTxtN8d9JT7h8nnKynYAE3HXj"
    "5i+Ys8vlG68mBAn7iLTAW6Xg+lMkEk7WjL1jZuCOo8Hfv6i5eeqVmkt6yp3Qs4GoI4rZZr"
    "zqyEaOoxJa1yHF1to8mKzkiIRExI6RNSd9twMgWsZoE5b7X0zs1Yvp1eSS7tI550P/duHt"
    "z8r7a6hJqjM5vwxC2dYbtlM+qbIXbzwXtYOeK0R7ESH1PEba5VI2nMYoy4zxxvyYQTQJ3n"
    "V2QAExnA6gumyAAm8isJD4UCe73wS/keZ72IX4rIqiXyu9fQulTvvESuhTrFshRYrrOtSm"
    "z1Vp946OvGVLHVfQRBgHQzWBpB3eig0a8Rt20URilhlCrRKDXsMSUVhkyD9esDPbP6o+GV"
    "RF9psx6PeHR765Z3nc/rUt7V/RQPzT0nJjpCjRPD0O10/Fu/22NqResZqZBFo3zu937r3f"
    "l1epcIPsOVn4Dl9HMjTIWVppaaGVqKgJKdnCfo3wpwj52bh4AFl0E26F8PK1OrLLF1tzKl"
    "TInpzOgULPcIQXy4HvQnn90YxGCMR3wnT7tum5elgrZ0R8Op3HXjElkOLiqwstZh79No2p"
    "en/eEndqovDIIA5YfFI570P7kBiza9y7CerC48+5sVhXfHG3iBj6q+CZw8+XHifovCH+4W"
    "pxNBb8XKWD8j+KKw5bK3aBUf45grDtj7RPzKEy/e16V+xPe94Y27eEyINXfhjHs/97x1Zs"
    "F/Q5XUZXH4UPPW2YmRiaVRZGnYhmOpULFVigsP2HG6Gt819oS7giSUwsbRMm23sHF8j7Ne"
    "xMYBv5mIjrbHrEcphatKfSY5ubYjiu2CCuoIjQgCTvMFACsT0Mscp3UwSiVsg0lgIyaX4m"
    "J1iKgV+raYMrOILjNblflDvv3VQy+JN7ftdbwZqGFoFzW/RvgsYnod03163O9OOyl7bwnI"
    "FrRqNxXXyHlToJCRv42WAGw3NFSzNt7CLgPRM+eAgvB+8HAoVW8UfJ668JuUwC3h6LS8K0"
    "cFqiHc+ReX/0nYtqk+wZR7SgDlCMOpQf+zG9DpZqQWIcrjpOPYS5kQuDLTfXVCj89yXXZo"
    "R3oBdHsWc93p0Pmhn7yWAGGROkzBKxm0iY0kWdB1e5DI0jKcxdJ9oC4BxlB/HVf5HjSQqE"
    "/W0Ppk/iRymaK2JC28FVRQ4MmyVLrSOW60IQoRMJCoHmtZK3vBw7BbCmEaKmIaeoF0ibOK"
    "4AvevTlOWZEupq3bdKiQO8JAV/KcRNInIE7XOoYv3wNNGOeyoW+mmaaIcc4XaFNVonk7XJ"
    "SuTVr8I+xwuepSF9cSlE/srjXejtawySiuNA3zYbp270TxKhT/a91QnzoZF2Hv4dnOa/CM"
    "9St4CZaD26j0BdLTkV5UDV2THFtCtu/+J80NSwK0CVrSq3dvz9+c00vtnP6pnUnv3rx581"
    "aaAU3y6gJLr1+//oE5Gz7TzhakMwa15H35SO9MLb/FhvTnPnQdY2oDnfK6KLB16iAbca2u"
    "PjAjxOwcMMfIWicgV1JutiEqjNpvGOLW8X3fOkLHdsF1FKIQ62j3NcLxTfrCMyDv8hBiqr"
    "rdHIKbW8bdIXSx23F78C9IlRS/DcKgVUCRdGV0H9C40P01HKllIcNCxI1e1OiQdP/mi3wX"
    "RrFjGcWyQ+TT0W9CWHx9giGCRVP4YhQQtBDe8tXZjKmT6GbH+Ab96xHj26pMsr5jY/rNaa"
    "ffbcb1qQUBViU43oZhDh+sUYzz6xWH6Y4nW19We3KWUbC4ibHpnsMS587RSYbGToIWO9Sy"
    "SYJ8K/fdDMhzgNwEyQ/DcU+mbHk96F1JoVSPdU6X7MueidndUUx3QyU0Dk3SOIR9CXk2xz"
    "Bda3yQytgcdWATBVpWWgRC9pkepWqd0rmaisU6oNtJegbDvEQZYar2CU8fixwIH7MPhI8p"
    "KUk8xPZQRUcoRcRqnSNWhcHhezz+RQ6Cts16ymJPhEoJM5MwMzXbzBQO+9PRM7TWSvZNhi"
    "fyLxaJ1RLk+QIAOc1yfgB6ikVuG5qebYzztJnVp6HONKXxql8P0rvWzJpWvto122jm/j8H"
    "zkF/YdUpYNXR4XOWN+FujeyG+Ggl6fiR7tyPR7/1hywxtGkZzwizzNDd/vSfV5KKyJolB3"
    "0Yun8ZDvaN6JyzUsQvLtsrLuETZwKLFRbj3V5iZBUpKBq9yyQEryJyQpCR4UD5gCN1Rd32"
    "oEJZFDY1IQ4QoYxWRVbETV/z+WHwTNgQ95YxR3oTr8WFYPISRxzIR4VzRjQSInb5ORCgdl"
    "XdqfiOYurrL/QXuwqRlIvK9vFZ/m2FJeN5cXsWDD2aLqHEzDtemA/wHFoIiwdigT1Qk4Dk"
    "jXcmAaxJS+NFoj9jLflVnG3phcoDkuEQyWZSTzLOqIoXHHCf8sKVeESeLUX77lQlSfrZ1y"
    "pvjvdQ4EYIW6i/ba6+NqmmFw6nVd3SbL+QEI/vQ0Dz3fs9cFzEqjzcIxJ1yukel7izj3dX"
    "vFdMr2vx0GIDqwhaC/g3m/77mc7+ArpHLXgGiM470hFZp8YHFyYsOX/W9xInUF38LjCBuo"
    "dPaZjuiD6lNd0/Io5oLyAFzWvD0CHAGT5oPkkMyBmlqQrJTctxBZbr0WgQkVWu+/FyXg93"
    "173xq3P35KOdkGdKy/BPA7ZXE2kPsTGNXnj21Fl4VB3LVSl7ShnO3OlptCKDusigfopADt"
    "sxWU1Qm7ewQoJOMHCSgWvgE9R4iTHHI0ik+y/qFcSb7n+7uktAt10q9Ti0iY2whEL2u5ze"
    "ghzhFbu8nXTvqMbh7TCdiDNjP2UGf3UMAjppWpFoj7NcvUjQV/mTdS6qGVFVaNIpZNnAf2"
    "T3AGkzjrSwAAVPovzomy2wJgWpl6RXfsK0BXqGtoQNaQZ0xjaSfN//IUWRUt17diVXExnV"
    "6qKRaVq6r6MJ4ZUk/LLgir7Oj6gtyMkRmtbozssTwEUohgjFEKEYIhSj/pLp0Sx7vgtYiv"
    "S6dQ7LllpDXmiVhhZ87WwMeT6Gfo4L2u9r9D4bPBCy4TFlwyYmLHFmOrKXMJj04n7yD9eD"
    "/uQzSyyyGeMR38nTrtvmlUfTmL/8cCp3p24CEgMTujZY67D3aTTty1M3xQmGC4MgQLw0J/"
    "1PQ9bZM/w84oE8vGF/0wuT5o43GE3cwdzM1vE7WiFBtfRUJlSyx4pNoMlzI4gQiUwMRTIx"
    "uJBpTkqcAxNcc2D2afJE1sZq49LwZRJnIrsCXS8KFXDtNPVwXh6LKJ3g1CKcarm7WRLnfK"
    "+NLVWLLEdlOG14wFCkVqtUP7oc02eCsnUMfFmIgS9zGPgyycAHeG4Ip43aqgWSThtzZNks"
    "CtCVzPaY7DR6MeN1nnF6zaD3RzcEg3eyY6RCA1iXiS+SgkckXvoeZ11o+9s260W0/XE9YV"
    "EvzBhZi24hpZnP2EzxmlIiNMKYItxaT+LWyriQn2+F52VBA6C3yIUJcJcJMLIZphsBU4+y"
    "4yFbsxOsKLDx0zvD6TK57ZaArPAWnhZLIxgkQ0hizpUdaAnInTdSizCPsCZ8hriczC69Z9"
    "hIGYsjgUn0FEqCxukcvW9mpUY4R4eEmqqdo8P8l+lbsmHPXQ4mynZJFIkWZ7dyHWEoUSJr"
    "fSW9LA1JQxr9f0DO6H8hPpPmlrGi/0TqUnJ1exIxvD9pB0SWEpCwQVJSwZQ+eslx56JEHX"
    "smStQd1wG6dL8StoCUPKeiDJtMlKx9tScqKOJt7IFzhEigvBtltt3zABz0Fyb7IiZ7+ipo"
    "YZCSnjc3u0WYTGS44MhwIQxq2dzeTNNKoUJmKuHNCxAmESaV5ELaJ2HI4YlCardmqlVPk0"
    "0gw4Gqvtalyz2LKQgirLVbQe2ubqGc3gFqeA8sIRtAeToaF/YU5UwwHdlamU1m5dPUExER"
    "PBVE8KxMhT+vcISolHtgCzMLhzIJgz0wjhAJjHdhTH+lwYlwiETguwtfy9AzNBm74/wC2q"
    "NVwemoiKD/QMyp2+h0+9P+H72hW/mG0T/i0fiTPOxP5Gl/RJsNawEwsl0j3COedPu94bQ/"
    "YUXKVQQxQTahrVP59vZKchPePmL55q5PCYG2QjhuVDiRSqr21aKOpJJ6e1EA2rcXmdCyR7"
    "F9PsQeXFt9jK51UJe/HRFEsvajrOszqXYTahEfa4juZyYzdvIgHKUSMO+EeYYsslTWEKRc"
    "pvPDJqOULdKwlRE66ar3YWqxrZ8no2GOTSAgiuunkUqk/0k6qq76Vufvcwd79WVmDtIJwv"
    "Zr9r5/VMXbObAykCKq6YCHX93Jv8fZuzsYXcd1zmyA67jpwK/uxumeH6WqiNGbd50PxbYZ"
    "jqVCxVYh32Ydp2ufMbf8/Xpu6LrxYisG4DQ4RgmFyZHD5GgAxUNvv0pMCWoRqVufIK6kqV"
    "EYmLM3t/YamN3CFzaEeN+iGSFasb7rvL5NYNsvhqUpS2AvecSVBGHrrpeVJOURsdBt209T"
    "llkikOREoaU12zerL45+yqiymoF9eFBZEa+IpKB4/NrzDQE+tiHMoWUJuArDpUL0TOE6Re"
    "hiEwFjZVtPAlbdhIpicZ4rFrLMIpcPxKrnD7RuKVsFQK2poEOQWhpcQ3e0loLmpiGm71aR"
    "TYc/ELI7NlhLgTIcQoUINeUayoPQKDRKC0FiN5MDeWjf0OpGwOPYS2WmG+rToSDRga7ZOK"
    "1GyoL0gw9nKDrU2BuprWgF5eRgWqQ3B1Tx+uwt3KHSCqgdAFiidFsb2WuTrzhUx+PQnCMt"
    "Za/jItRIbkrk6jgUqKLpa5rCT1zBPJG0xfO5Ym5373Rcg0w33+1pwBn+JEMLqUwlnAiA8p"
    "+c5YVAgW0fEQN1rKmvOgbqGVo2p8t2iKSFiV0uLi+LGCMvL7ONkexZrMCCyVUtyO/eQnTP"
    "C5l6z3NMvedJUy8rSJBaKSTb5zVEcnyP19N4TJTm25owBh4zlvev/wdrWB3E"
)

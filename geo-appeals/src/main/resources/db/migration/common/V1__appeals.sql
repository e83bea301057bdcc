-- Appeals against a location, their reviews, the verified locations approvals grant, and the
-- append-only audit trail. Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds
-- (UTC). No column holds an IP address, a phone number or a document: accounts are opaque ids
-- and verification is recorded by kind only.

CREATE TABLE appeal (
  id            VARCHAR(64)  NOT NULL PRIMARY KEY,
  account_id    VARCHAR(128) NOT NULL,
  placed_in     VARCHAR(16)  NOT NULL,
  claimed       VARCHAR(16)  NOT NULL,
  verification  VARCHAR(256) NOT NULL,
  status        VARCHAR(16)  NOT NULL,
  filed_at      BIGINT       NOT NULL,
  decided_at    BIGINT,
  version       INTEGER      NOT NULL,
  CHECK (status IN ('pending', 'approved', 'denied', 'expired')),
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX appeal_account ON appeal (account_id);
CREATE INDEX appeal_filed ON appeal (filed_at);
CREATE INDEX appeal_decided ON appeal (decided_at);

-- At most one review per appeal: the primary key is what makes a second reviewer lose.
CREATE TABLE review (
  appeal_id       VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES appeal (id),
  reviewer        VARCHAR(128) NOT NULL,
  outcome         VARCHAR(16)  NOT NULL,
  reason          VARCHAR(512) NOT NULL,
  reviewed_at     BIGINT       NOT NULL,
  policy_version  VARCHAR(64)  NOT NULL,
  CHECK (outcome IN ('approved', 'denied', 'expired'))
);

-- One verified location per account (the latest approval); read by primary key on the join path.
CREATE TABLE verified_location (
  account_id   VARCHAR(128) NOT NULL PRIMARY KEY,
  jurisdiction VARCHAR(16)  NOT NULL,
  appeal_id    VARCHAR(64)  NOT NULL REFERENCES appeal (id),
  verified_at  BIGINT       NOT NULL,
  expires_at   BIGINT       NOT NULL,
  CHECK (expires_at > verified_at)
);

CREATE TABLE audit (
  appeal_id       VARCHAR(64)  NOT NULL REFERENCES appeal (id),
  seq             INTEGER      NOT NULL,
  at              BIGINT       NOT NULL,
  actor           VARCHAR(128) NOT NULL,
  action          VARCHAR(16)  NOT NULL,
  account_id      VARCHAR(128) NOT NULL,
  jurisdiction    VARCHAR(16)  NOT NULL,
  reason          VARCHAR(512) NOT NULL,
  policy_version  VARCHAR(64)  NOT NULL,
  PRIMARY KEY (appeal_id, seq),
  CHECK (action IN ('filed', 'approved', 'denied', 'expired'))
);
CREATE INDEX audit_at ON audit (at);

-- The orders read model: one row per order the orders table's stream has shown, newest version wins.
-- A removed order stays as a tombstone (deleted = true) with the version it had, so an older image that arrives
-- after the removal cannot bring it back.
CREATE TABLE orders (
    order_id      text        PRIMARY KEY,
    customer_id   text        NOT NULL,
    status        text        NOT NULL,
    currency      char(3)     NOT NULL,
    items         jsonb       NOT NULL,
    total_cents   bigint      NOT NULL,
    created_at    timestamptz NOT NULL,
    last_updated  timestamptz NOT NULL,
    version       bigint      NOT NULL,
    deleted       boolean     NOT NULL,
    -- When this row last changed here: minus last_updated, the replication lag.
    replicated_at timestamptz NOT NULL
);

CREATE INDEX orders_by_customer ON orders (customer_id, created_at DESC);
CREATE INDEX orders_by_day ON orders (created_at);

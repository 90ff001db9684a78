-- Every payment event the provider sent, once: the provider's event id is the key the consumer deduplicates on.
CREATE TABLE payment_events (
    provider_event_id text PRIMARY KEY,
    event_type        text        NOT NULL,
    account_id        text        NOT NULL,
    payment_id        text        NOT NULL,
    amount_cents      bigint      NOT NULL,
    currency          char(3)     NOT NULL,
    occurred_at       timestamptz NOT NULL,
    -- The body exactly as signed, so its Content-Digest can be checked again later.
    body              text        NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now()
);

-- Each account's ledger: one row per applied entry, numbered in the order the entries were applied.
CREATE TABLE account_ledger (
    entry_id     text PRIMARY KEY,
    account_id   text        NOT NULL,
    position     bigint      NOT NULL,
    payment_id   text        NOT NULL,
    event_type   text        NOT NULL,
    amount_cents bigint      NOT NULL,
    currency     char(3)     NOT NULL,
    occurred_at  timestamptz NOT NULL,
    applied_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT account_ledger_position UNIQUE (account_id, position)
);

-- The legacy shop's gift cards: the balance never goes below zero, whatever the callers do.
CREATE TABLE gift_cards (
    code          text PRIMARY KEY,
    currency      char(3) NOT NULL,
    balance_cents bigint NOT NULL CHECK (balance_cents >= 0),
    issued_at     timestamptz NOT NULL
);

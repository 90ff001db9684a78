-- Orders placed in the legacy shop before ordering moved to the orders service. The lookup still reads them here
-- until GET /legacy/orders/{orderId} is flipped to the orders service's function (services/orders).
CREATE TABLE orders (
    order_id    text PRIMARY KEY,
    customer_id text NOT NULL,
    total_cents bigint NOT NULL,
    currency    char(3) NOT NULL,
    status      text NOT NULL,
    placed_at   timestamptz NOT NULL
);

INSERT INTO orders (order_id, customer_id, total_cents, currency, status, placed_at)
VALUES ('LEGACY-1001', 'legacy-customer-1', 4990, 'EUR', 'SHIPPED', '2019-03-14T10:15:00Z');

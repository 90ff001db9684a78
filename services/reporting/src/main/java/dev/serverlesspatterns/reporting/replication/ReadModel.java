package dev.serverlesspatterns.reporting.replication;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The {@code reporting.orders} table, written by the stream only. */
@Component
class ReadModel {

    /**
     * One statement, so no reader ever sees half a change. The {@code WHERE} is the guard that makes the stream's
     * redeliveries and out-of-order images harmless: a row changes only for a higher version, or for the tombstone of
     * the version it holds (a removal carries the old image, with the version it removed). So a replayed record, an
     * older image arriving late, and any image of a removed order change nothing.
     */
    private static final String UPSERT = """
            INSERT INTO orders (order_id, customer_id, status, currency, items, total_cents, created_at, last_updated,
                                version, deleted, replicated_at)
            VALUES (:orderId, :customerId, :status, :currency, CAST(:items AS jsonb), :totalCents, :createdAt,
                    :lastUpdated, :version, :deleted, clock_timestamp())
            ON CONFLICT (order_id) DO UPDATE SET
                customer_id = excluded.customer_id, status = excluded.status, currency = excluded.currency,
                items = excluded.items, total_cents = excluded.total_cents, created_at = excluded.created_at,
                last_updated = excluded.last_updated, version = excluded.version, deleted = excluded.deleted,
                replicated_at = excluded.replicated_at
            WHERE NOT orders.deleted
              AND (excluded.version > orders.version OR (excluded.deleted AND excluded.version = orders.version))
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReadModel(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @return whether the row changed (false: the read model already held this version or a newer one) */
    boolean apply(OrderImage order) {
        return jdbc.sql(UPSERT)
                        .param("orderId", order.orderId())
                        .param("customerId", order.customerId())
                        .param("status", order.status())
                        .param("currency", order.currency())
                        .param("items", json.writeValueAsString(order.items()))
                        .param("totalCents", order.totalCents())
                        .param("createdAt", Timestamp.from(order.createdAt()))
                        .param("lastUpdated", Timestamp.from(order.lastUpdated()))
                        .param("version", order.version())
                        .param("deleted", order.deleted())
                        .update()
                > 0;
    }
}

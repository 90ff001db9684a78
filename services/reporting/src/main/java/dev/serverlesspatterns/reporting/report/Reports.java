package dev.serverlesspatterns.reporting.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The report queries on the read model: one query per report request that the cache could not answer. */
@Component
class Reports {

    /** How many orders a customer's history shows, newest first. */
    static final int HISTORY_LIMIT = 100;

    private final JdbcClient jdbc;

    Reports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Units and revenue per UTC day, SKU and currency; cancelled and removed orders do not count. */
    List<SkuSales> sales(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, line->>'sku' AS sku,
                               o.currency AS currency, sum((line->>'quantity')::bigint) AS quantity,
                               sum((line->>'quantity')::bigint * (line->>'unitPriceCents')::bigint) AS revenue_cents
                        FROM orders o CROSS JOIN LATERAL jsonb_array_elements(o.items) AS line
                        WHERE o.created_at >= :from AND o.created_at < :until
                          AND o.status <> 'CANCELLED' AND NOT o.deleted
                        GROUP BY 1, 2, 3
                        ORDER BY 1, 2, 3
                        """)
                .param("from", startOf(from))
                .param("until", startOf(to.plusDays(1)))
                .query((row, number) -> new SkuSales(
                        LocalDate.parse(row.getString("day")),
                        row.getString("sku"),
                        row.getString("currency"),
                        row.getLong("quantity"),
                        row.getLong("revenue_cents")))
                .list();
    }

    /**
     * The customer's orders as the read model last saw them, cancelled ones included, removed ones not. The SQL comment
     * names the statement in pg_stat_statements, where tests count its calls whatever the driver's parameter style.
     */
    List<OrderSummary> customerOrders(String customerId) {
        return jdbc.sql("""
                        SELECT /* customerOrderHistory */ order_id, status, currency, total_cents, created_at, last_updated, version
                        FROM orders
                        WHERE customer_id = :customerId AND NOT deleted
                        ORDER BY created_at DESC
                        LIMIT :limit
                        """)
                .param("customerId", customerId)
                .param("limit", HISTORY_LIMIT)
                .query((row, number) -> new OrderSummary(
                        row.getString("order_id"),
                        row.getString("status"),
                        row.getString("currency"),
                        row.getLong("total_cents"),
                        row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("last_updated").toInstant(),
                        row.getLong("version")))
                .list();
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** One line of the sales report. */
    record SkuSales(LocalDate day, String sku, String currency, long quantity, long revenueCents) {}

    /** One order of a customer's history. */
    record OrderSummary(
            String orderId,
            String status,
            String currency,
            long totalCents,
            Instant createdAt,
            Instant updatedAt,
            long version) {}
}

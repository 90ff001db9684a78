package dev.serverlesspatterns.e2e;

import dev.serverlesspatterns.local.LocalSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * The reporting service seen from outside: its read model in the suite's Postgres (schema {@code reporting}), how
 * often its customer-history query ran, and the replication function through the local
 * Lambda Invoke API, for a test that replays a stream record as Lambda would.
 */
final class Reporting {

    /** The service's Hikari maximum pool size (services/reporting application.yml). */
    static final int POOL_BOUND = 2;

    static final String APPLICATION_NAME = "reporting";

    private final LocalSuite suite;
    private final SuiteDatabase database;

    Reporting(LocalSuite suite) {
        this.suite = suite;
        this.database = new SuiteDatabase(suite);
    }

    SuiteDatabase database() {
        return database;
    }

    /** The read model's row as [version, deleted, status, total_cents], or empty when it has none. */
    List<String> row(String orderId) {
        List<List<String>> rows = database.query(
                "SELECT version, deleted, status, total_cents FROM reporting.orders WHERE order_id = ?", orderId);
        return rows.isEmpty() ? List.of() : rows.getFirst();
    }

    /**
     * How often the customer-history query has run so far, from pg_stat_statements (the suite's Postgres preloads it):
     * counted when each execution ends and for that statement alone, unlike the table statistics, which also count
     * the replication's upserts and publish up to a second late. Reports.java names the statement with a comment.
     */
    long customerHistoryQueries() {
        database.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        return Long.parseLong(database.query("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements"
                        + " WHERE query LIKE '%/* customerOrderHistory */%'")
                .getFirst()
                .getFirst());
    }

    /** Invokes the replication function with a stream event, as the event source mapping does; returns its answer. */
    String replicate(String dynamodbEvent) {
        try (LambdaClient lambda = SuiteLambda.client(suite)) {
            return lambda.invoke(invoke -> invoke.functionName(suite.stack().ref("ReplicateOrdersFunction"))
                            .invocationType(InvocationType.REQUEST_RESPONSE)
                            .payload(SdkBytes.fromUtf8String(dynamodbEvent)))
                    .payload()
                    .asUtf8String();
        }
    }

    /**
     * The reporting service's stream fixture (an INSERT at version 1, MODIFYs to 2 and 3) for this order and customer;
     * the e2e run's working directory is e2e/.
     */
    static String streamFixture(String orderId, String customerId) {
        try {
            return Files.readString(Path.of("..", "services/reporting/src/test/resources/events/replicate-orders.json"))
                    .replace("ORDER_ID", orderId)
                    .replace("alice", customerId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

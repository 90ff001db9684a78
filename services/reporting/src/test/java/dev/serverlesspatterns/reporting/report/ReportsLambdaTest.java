package dev.serverlesspatterns.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * salesReport and customerOrderHistory through SCF's FunctionInvoker, fed API Gateway's proxy events
 * ({@code events/sales-report.json}, {@code events/customer-order-history.json}), against the real Postgres and Redis,
 * with the read model filled by replicateOrders from {@code events/replicate-orders.json}.
 */
@ExtendWith(LocalAwsExtension.class)
class ReportsLambdaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void migrated(LambdaHarness lambda) {
        lambda.createCustomResource("ReportingSchemaMigration");
    }

    @Test
    void aCustomerHistoryIsReadFromTheDatabaseOnceThenFromTheCacheUntilAChangeEvictsIt(LambdaHarness lambda) {
        // given a customer with one order at version 2
        String customer = "c-" + UUID.randomUUID();
        String orderId = UUID.randomUUID().toString();
        ObjectNode batch = Fixtures.event("replicate-orders.json", Map.of("ORDER_ID", orderId, "alice", customer));
        batch.withArray("Records").remove(2);
        lambda.invoke("ReplicateOrdersFunction", batch.toString());
        String request = Fixtures.event("customer-order-history.json", Map.of("alice", customer))
                .toString();

        // when read twice
        JsonNode first = JSON.readTree(lambda.invoke("CustomerOrderHistoryFunction", request));
        JsonNode second = JSON.readTree(lambda.invoke("CustomerOrderHistoryFunction", request));

        // then the first is a miss, the second a hit with the same report
        assertThat(first.get("statusCode").asInt()).isEqualTo(200);
        assertThat(first.get("headers").get("X-Cache").asString()).isEqualTo("MISS");
        assertThat(second.get("headers").get("X-Cache").asString()).isEqualTo("HIT");
        assertThat(second.get("body").asString()).isEqualTo(first.get("body").asString());
        assertThat(JSON.readTree(first.get("body").asString())
                        .get("orders")
                        .get(0)
                        .get("version")
                        .asLong())
                .isEqualTo(2);

        // and when the order changes (version 3, cancelled), the next read misses and shows it
        lambda.invoke(
                "ReplicateOrdersFunction",
                Fixtures.event("replicate-orders.json", Map.of("ORDER_ID", orderId, "alice", customer))
                        .toString());
        JsonNode third = JSON.readTree(lambda.invoke("CustomerOrderHistoryFunction", request));
        assertThat(third.get("headers").get("X-Cache").asString()).isEqualTo("MISS");
        assertThat(JSON.readTree(third.get("body").asString())
                        .get("orders")
                        .get(0)
                        .get("version")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void salesAreCachedPerDayAndARangeOfCachedDaysIsAHit(LambdaHarness lambda) {
        // given an order of the fixture's day, replicated
        String orderId = UUID.randomUUID().toString();
        ObjectNode batch = Fixtures.event("replicate-orders.json", Map.of("ORDER_ID", orderId));
        batch.withArray("Records").remove(2);
        lambda.invoke("ReplicateOrdersFunction", batch.toString());
        String request = Fixtures.event("sales-report.json").toString();

        // when read twice
        JsonNode first = JSON.readTree(lambda.invoke("SalesReportFunction", request));
        JsonNode second = JSON.readTree(lambda.invoke("SalesReportFunction", request));

        // then a miss (the replication evicted the day) and a hit, with the SKU of the order
        assertThat(first.get("headers").get("X-Cache").asString()).isEqualTo("MISS");
        assertThat(second.get("headers").get("X-Cache").asString()).isEqualTo("HIT");
        assertThat(first.get("body").asString()).contains("\"sku\":\"BOOK-42\"");
        assertThat(second.get("body").asString()).isEqualTo(first.get("body").asString());
    }

    @Test
    void aRangeTooLongIsRefusedWithAProblemCode(LambdaHarness lambda) {
        // given a range of 60 days
        ObjectNode request = Fixtures.event("sales-report.json");
        request.withObject("queryStringParameters").put("to", "2027-01-25");

        // when
        JsonNode response = JSON.readTree(lambda.invoke("SalesReportFunction", request.toString()));

        // then
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(JSON.readTree(response.get("body").asString()).get("code").asString())
                .isEqualTo("INVALID_DATE_RANGE");
    }
}

package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Simple Web Service: API -> function -> DynamoDB, with validation, conditional writes, atomic in-place updates and
 * idempotent creates.
 */
@ExtendWith(LocalSuiteExtension.class)
class SimpleWebServiceIT {

    private static final String ORDER =
            "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":2,\"unitPriceCents\":1250}],\"currency\":\"EUR\"}";

    private LocalSuite suite;
    private ShopApi api;
    private String customer;
    private String token;

    @BeforeEach
    void signIn(LocalSuite suite) {
        this.suite = suite;
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        Identities identities = new Identities(api, suite);
        Identities.Client client = identities.newUser("orders:read", "orders:write");
        this.customer = client.id();
        this.token = identities.token(client);
    }

    @Test
    void placesAnOrderAndReadsItBack() {
        // given a valid order
        // when the customer places it
        ShopApi.Response placed =
                api.request("POST", "/orders").bearer(token).json(ORDER).send();

        // then it is stored with its total and can be read back at its location
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderId = placed.json().get("orderId").asString();
        assertThat(placed.header("Location")).endsWith("/orders/" + orderId);
        ShopApi.Response read =
                api.request("GET", "/orders/" + orderId).bearer(token).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("totalCents").asLong()).isEqualTo(2500);
        assertThat(read.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(read.json().get("customerId").asString()).isEqualTo(customer);
    }

    @Test
    void refusesInvalidBodiesAndWritesNothing() {
        // given bodies that break the schema in different ways, each with the code it must be refused with
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("{\"items\":[],\"currency\":\"EUR\"}", "VALIDATION_FAILED");
        invalid.put(
                "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":-1,\"unitPriceCents\":1}],\"currency\":\"EUR\"}",
                "VALIDATION_FAILED");
        invalid.put(
                "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":1,\"unitPriceCents\":1}],\"currency\":\"XXX\"}",
                "VALIDATION_FAILED");
        invalid.put(
                "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":1,\"unitPriceCents\":1}],\"currency\":\"EUR\",\"admin\":true}",
                "VALIDATION_FAILED");
        invalid.put(
                "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":1,\"unitPriceCents\":1},"
                        + "{\"sku\":\"BOOK-42\",\"quantity\":2,\"unitPriceCents\":1}],\"currency\":\"EUR\"}",
                "DUPLICATE_SKU");
        invalid.put(
                "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":1,\"unitPriceCents\":1}],\"currency\":\"EUR\",\"currency\":\"USD\"}",
                "MALFORMED_JSON");
        invalid.put("[]", "VALIDATION_FAILED");
        invalid.put("{not json", "MALFORMED_JSON");

        invalid.forEach((body, code) -> {
            // when each is posted
            ShopApi.Response response =
                    api.request("POST", "/orders").bearer(token).json(body).send();

            // then each gets a 400 naming the problem
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.json().get("code").asString()).as(body).isEqualTo(code);
        });

        // and the table holds no order of this customer
        assertThat(ordersOf(customer)).isZero();
    }

    @Test
    void concurrentCancelsOfOneOrderCancelItOnce() throws Exception {
        // given an open order
        String orderId = api.request("POST", "/orders")
                .bearer(token)
                .json(ORDER)
                .send()
                .json()
                .get("orderId")
                .asString();

        // when eight clients cancel it at the same time
        List<ShopApi.Response> answers = concurrently(
                8,
                () -> api.request("DELETE", "/orders/" + orderId).bearer(token).send());

        // then exactly one cancellation happened and the others were told it is no longer open
        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(answers)
                .filteredOn(answer -> answer.status() != 200)
                .hasSize(7)
                .allSatisfy(answer -> {
                    assertThat(answer.status()).isEqualTo(409);
                    assertThat(answer.json().get("code").asString()).isEqualTo("ORDER_NOT_OPEN");
                });
        Map<String, AttributeValue> item = orderItem(orderId);
        assertThat(item.get("status").s()).isEqualTo("CANCELLED");
    }

    @Test
    void concurrentIncrementsAllCount() throws Exception {
        // given an open order with 2 books at 1250 cents
        String orderId = api.request("POST", "/orders")
                .bearer(token)
                .json(ORDER)
                .send()
                .json()
                .get("orderId")
                .asString();

        // when ten clients each add one book at the same time
        List<Integer> statuses = concurrently(
                10,
                () -> api.request("POST", "/orders/" + orderId + "/lines/BOOK-42/quantity")
                        .bearer(token)
                        .json("{\"delta\":1}")
                        .send()
                        .status());

        // then every increment was applied: none was lost to another
        assertThat(statuses).containsOnly(200);
        ShopApi.Response read =
                api.request("GET", "/orders/" + orderId).bearer(token).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("items").get(0).get("quantity").asInt()).isEqualTo(2 + 10);
        assertThat(read.json().get("totalCents").asLong()).isEqualTo((2 + 10) * 1250L);
        assertThat(read.json().get("version").asLong()).isEqualTo(1 + 10);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneOrder() throws Exception {
        // given one idempotency key
        String key = UUID.randomUUID().toString();

        // when the same POST is sent six times at once
        List<String> orderIds = concurrently(6, () -> {
            ShopApi.Response response = api.request("POST", "/orders")
                    .bearer(token)
                    .header("Idempotency-Key", key)
                    .json(ORDER)
                    .send();
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            return response.json().get("orderId").asString();
        });

        // then every answer names the same order and the table holds exactly one
        assertThat(orderIds).containsOnly(orderIds.getFirst());
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void unknownOrdersAreNotFound() {
        // when a customer reads an order id that does not exist
        ShopApi.Response response =
                api.request("GET", "/orders/" + UUID.randomUUID()).bearer(token).send();

        // then the answer is a machine-readable 404
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    private int ordersOf(String customerId) {
        try (DynamoDbClient dynamo = suite.stack().endpoint().configure(DynamoDbClient.builder())) {
            return dynamo.query(query -> query.tableName(suite.stack().ref("OrdersTable"))
                            .indexName("byCustomer")
                            .keyConditionExpression("customerId = :customer")
                            .expressionAttributeValues(Map.of(":customer", AttributeValue.fromS(customerId))))
                    .count();
        }
    }

    private Map<String, AttributeValue> orderItem(String orderId) {
        try (DynamoDbClient dynamo = suite.stack().endpoint().configure(DynamoDbClient.builder())) {
            return dynamo.getItem(get -> get.tableName(suite.stack().ref("OrdersTable"))
                            .key(Map.of("orderId", AttributeValue.fromS(orderId)))
                            .consistentRead(true))
                    .item();
        }
    }

    private static <T> List<T> concurrently(int clients, Callable<T> call) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}

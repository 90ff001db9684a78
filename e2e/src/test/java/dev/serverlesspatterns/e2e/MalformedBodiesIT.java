package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.e2e.BodyRoutes.Route;
import dev.serverlesspatterns.e2e.MalformedBodies.Body;
import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.TopicTap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input, through the gateway as a client sends it: every route of the template that takes a body gets the whole
 * {@link MalformedBodies} corpus, from a caller the route lets in (a user holding every scope, a correctly signed
 * webhook), so that only the body can be refused. Each answer must be a 4xx with a stable, machine-readable code
 * (problem details' {@code code}, or RFC 6749's {@code error} at the token endpoint), never a 5xx, and nothing may
 * be written: no user, no order or delivery address of the caller, no audit event published, no webhook queued or
 * recorded, no click put on the click stream.
 */
@ExtendWith(LocalSuiteExtension.class)
class MalformedBodiesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STABLE_CODE = "[A-Za-z][A-Za-z0-9_]*";
    private static final String WEBHOOK_CONSUMER = "RecordPaymentEventsFunction";
    private static final String CLICK_AGGREGATOR = "AggregateClicksFunction";

    /** Routes API Gateway serves with an AWS service integration: no function reads their body. */
    private static final Set<String> NO_FUNCTION_ROUTES = Set.of(
            "PaymentWebhooksApi POST " + PaymentWebhooks.PATH,
            "ShopApi POST /clicks",
            "ShopApi POST /delivery-addresses");

    /**
     * A valid body per route, which {@link MalformedBodies#spoiled} spoils. A route without one fails the test: a new
     * route with a body needs its example here.
     */
    private static final Map<String, String> VALID_EXAMPLES = Map.ofEntries(
            Map.entry("POST /oauth/token", "grant_type=client_credentials"),
            Map.entry("POST /admin/users", "{\"userId\":\"corpus-new-user\",\"scopes\":[\"orders:read\"]}"),
            Map.entry("POST /admin/users/{userId}/scopes", "{\"scope\":\"orders:read\"}"),
            Map.entry("POST /admin/users/{userId}/disable", "{}"),
            Map.entry(
                    "POST /orders",
                    "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":2,\"unitPriceCents\":1250}],\"currency\":\"EUR\"}"),
            Map.entry("POST /orders/{orderId}/lines/{sku}/quantity", "{\"delta\":1}"),
            Map.entry(
                    "POST /audit/events",
                    "{\"entity\":\"order\",\"entityId\":\"corpus-order\",\"status\":\"created\",\"detail\":{}}"),
            Map.entry(
                    "POST /clicks",
                    "{\"clickId\":\"corpus-click\",\"sessionId\":\"corpus-session\",\"productId\":\"BOOK-42\"}"),
            Map.entry(
                    "POST /delivery-addresses",
                    "{\"recipient\":\"Ada\",\"line1\":\"1 Main St\",\"city\":\"Berlin\",\"postcode\":\"10115\",\"country\":\"DE\"}"),
            Map.entry("POST " + PaymentWebhooks.PATH, PaymentWebhooks.webhook("evt-corpus", "acct-corpus", 4999)),
            Map.entry(
                    "POST /checkouts",
                    "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":1}],\"cardToken\":\"tok_visa\",\"deliveryCountry\":\"NL\"}"));

    private LocalSuite suite;
    private ShopApi shop;
    private PaymentWebhooks provider;
    private String caller;
    private String token;
    private TopicTap auditEvents;

    @BeforeEach
    void signIn(LocalSuite suite) {
        this.suite = suite;
        this.shop = new ShopApi(suite.gatewayUrl("ShopApi"));
        this.provider = new PaymentWebhooks(suite);
        Identities identities = new Identities(shop, suite);
        Identities.Client client = identities.newUser(
                "admin", "orders:read", "orders:write", "audit:write", "customers:write", "checkout:write");
        this.caller = client.id();
        this.token = identities.token(client);
        this.auditEvents = new TopicTap(new ProvisionedStack(suite.stack()), "AuditEventsTopic");
    }

    @AfterEach
    void closeTap() {
        auditEvents.close();
    }

    @Test
    void everyRouteWithABodyRefusesEveryMalformedBodyWithA4xxAndAStableCodeAndWritesNothing() {
        // given the routes that take a body, and what the stores hold
        List<Route> routes = BodyRoutes.of(suite.stack().template());
        assertThat(routes)
                .extracting(Route::toString)
                .contains("ShopApi POST /orders", "PaymentWebhooksApi POST /webhooks/payments");
        Writes before = writes();

        // when each body of the corpus is posted to each route
        SoftAssertions softly = new SoftAssertions();
        int posted = 0;
        for (Route route : routes) {
            String example = VALID_EXAMPLES.get(route.method() + " " + route.path());
            softly.assertThat(example).as("a valid example body for %s", route).isNotNull();
            for (Body body : corpusFor(route, example)) {
                ShopApi.Response response = post(route, body);
                posted++;

                // then each answer is a 4xx with a stable code
                String what = route + " <- " + body + ": " + response.status() + " " + response.body();
                softly.assertThat(response.status()).as(what).isBetween(400, 499);
                softly.assertThat(stableCode(response)).as(what).matches(STABLE_CODE);
            }
        }
        softly.assertAll();
        assertThat(posted).as("bodies posted").isGreaterThan(100);

        // and nothing was written anywhere
        assertThat(writes()).isEqualTo(before);
        assertThat(auditEvents.published("", 1, Duration.ofSeconds(3)))
                .as("audit events published")
                .isEmpty();
    }

    private static List<Body> corpusFor(Route route, String example) {
        List<Body> corpus = new ArrayList<>(MalformedBodies.standalone());
        if (example != null) {
            MalformedBodies.spoiled(example).stream()
                    // API Gateway's validator lets a key named twice through, and a route with no function behind
                    // it writes what it got (on AWS too): the webhook consumer refuses it after the queue
                    // (ScalableWebhookIT follows it into the DLQ); a click or an address takes the key's value.
                    .filter(body -> !(NO_FUNCTION_ROUTES.contains(route.toString())
                            && body.name().startsWith("every key named twice")))
                    .forEach(corpus::add);
        }
        return corpus;
    }

    /** The route called by a caller it lets in, with each path parameter naming nothing. */
    private ShopApi.Response post(Route route, Body body) {
        return switch (route.api()) {
            case "ShopApi" ->
                shop.request(route.method(), route.pathTo("corpus-missing-" + UUID.randomUUID()))
                        .bearer(token)
                        // A key of its own per request, so that a route requiring one (POST /checkouts) reads the body.
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .json(body.bytes())
                        .send();
            case "PaymentWebhooksApi" -> {
                assertThat(route.path()).isEqualTo(PaymentWebhooks.PATH);
                yield provider.post(body.bytes());
            }
            default -> throw new AssertionError("No caller for " + route + ": tell MalformedBodiesIT how to call it");
        };
    }

    /** Problem details' {@code code}, or the {@code error} of an OAuth 2.0 token endpoint; null for anything else. */
    private static String stableCode(ShopApi.Response response) {
        try {
            JsonNode answer = JSON.readTree(response.body());
            JsonNode code = answer.has("code") ? answer.get("code") : answer.get("error");
            return code == null ? null : code.asString();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** What the routes with a body would have written, had they accepted one. */
    private record Writes(
            Set<Map<String, AttributeValue>> users,
            int ordersOfCaller,
            int ordersOfCorpusVictim,
            long webhooks,
            int deliveryAddressesOfCaller,
            int checkoutExecutions,
            Map<String, Integer> consumerRuns) {}

    private Writes writes() {
        try (DynamoDbClient dynamo = suite.stack().endpoint().configure(DynamoDbClient.builder());
                SfnClient sfn = suite.stack().endpoint().configure(SfnClient.builder())) {
            Set<Map<String, AttributeValue>> users = new HashSet<>(dynamo
                    .scanPaginator(scan ->
                            scan.tableName(suite.stack().ref("UsersTable")).consistentRead(true))
                    .items()
                    .stream()
                    .toList());
            return new Writes(
                    users,
                    ordersOf(dynamo, caller),
                    ordersOf(dynamo, "corpus-victim"),
                    provider.recordedEvents(),
                    deliveryAddressesOf(dynamo, caller),
                    sfn.listExecutions(
                                    list -> list.stateMachineArn(suite.stack().ref("CheckoutStateMachine")))
                            .executions()
                            .size(),
                    SettledRuns.of(suite, WEBHOOK_CONSUMER, CLICK_AGGREGATOR));
        }
    }

    private int deliveryAddressesOf(DynamoDbClient dynamo, String customerId) {
        return dynamo.query(query -> query.tableName(suite.stack().ref("DeliveryAddressesTable"))
                        .consistentRead(true)
                        .keyConditionExpression("customerId = :customer")
                        .expressionAttributeValues(Map.of(":customer", AttributeValue.fromS(customerId))))
                .count();
    }

    private int ordersOf(DynamoDbClient dynamo, String customerId) {
        return dynamo.query(query -> query.tableName(suite.stack().ref("OrdersTable"))
                        .indexName("byCustomer")
                        .keyConditionExpression("customerId = :customer")
                        .expressionAttributeValues(Map.of(":customer", AttributeValue.fromS(customerId))))
                .count();
    }
}

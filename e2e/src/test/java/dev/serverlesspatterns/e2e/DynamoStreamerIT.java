package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dynamo Streamer: the shop API writes a delivery address straight into DynamoDB (a service integration, no
 * function), and the table's stream verifies it. Through the gateway with a real token, the emulator's tables and
 * the stream's event source mapping.
 */
@ExtendWith(LocalSuiteExtension.class)
class DynamoStreamerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AMSTERDAM = """
            {"recipient":"Alice Jansen","line1":"Damrak 1","city":"Amsterdam","postcode":"1012 LG","country":"NL"}""";

    private LocalSuite suite;
    private ShopApi api;
    private DynamoDbClient dynamo;
    private SqsClient sqs;
    private Identities identities;

    @BeforeEach
    void connect(LocalSuite suite) {
        this.suite = suite;
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        this.dynamo = suite.stack().endpoint().configure(DynamoDbClient.builder());
        this.sqs = suite.stack().endpoint().configure(SqsClient.builder());
        this.identities = new Identities(api, suite);
    }

    @AfterEach
    void disconnect() {
        dynamo.close();
        sqs.close();
    }

    @Test
    void savesTheAddressWithoutAFunctionAndTheStreamVerifiesIt() {
        // given a customer
        Identities.Client customer = identities.newUser("customers:write");
        String token = identities.token(customer);

        // when
        ShopApi.Response saved = post(token, AMSTERDAM);

        // then the gateway answered from the integration response, the item holds the token's subject, and the
        // stream's function verified it
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        String addressId = saved.json().path("addressId").asString();
        assertThat(saved.json().path("status").asString()).isEqualTo("saved");
        Map<String, AttributeValue> item = address(customer.id(), addressId);
        assertThat(item.get("city").s()).isEqualTo("Amsterdam");
        assertThat(item.get("country").s()).isEqualTo("NL");
        assertThat(verdictOf(addressId)).isEqualTo("VERIFIED");
    }

    @Test
    void refusesABodyThatBreaksTheSchemaAndWritesNothing() {
        // given
        Identities.Client customer = identities.newUser("customers:write");
        String token = identities.token(customer);

        // when the country is missing and an unknown field is sent
        ShopApi.Response refused = post(token, AMSTERDAM.replace("\"country\":\"NL\"", "\"planet\":\"Earth\""));

        // then a problem from the gateway's BAD_REQUEST_BODY response, and the customer has no address
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("code").asString()).isEqualTo("INVALID_BODY");
        assertThat(addressesOf(customer.id())).isEmpty();
    }

    @Test
    void deniesACallerWithoutTheCustomersScope() {
        // given a user with other scopes only
        String token = identities.token(identities.newUser("orders:read", "orders:write"));

        // when
        ShopApi.Response denied = post(token, AMSTERDAM);

        // then the authorizer's explicit Deny of the route answers, since no function is there to check the scope
        assertThat(denied.status()).as(denied.body()).isEqualTo(403);
        assertThat(denied.json().path("code").asString()).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void parksAnUnreadableAddressAloneWhileTheApiAnswered200AndTheStreamMovesOn() {
        // given a customer
        Identities.Client customer = identities.newUser("customers:write");
        String token = identities.token(customer);

        // when an address of a country code that is no ISO 3166 country (valid for the schema, unreadable for the
        // verifier) is saved, then a good one
        ShopApi.Response poison = post(token, AMSTERDAM.replace("\"NL\"", "\"XX\""));
        ShopApi.Response later = post(token, AMSTERDAM.replace("Damrak 1", "Damrak 2"));

        // then the API answered 200 both times: verification runs after the write, whatever it does
        assertThat(poison.status()).as(poison.body()).isEqualTo(200);
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        String poisonId = poison.json().path("addressId").asString();
        String laterId = later.json().path("addressId").asString();
        // the unreadable record alone is in the on-failure queue, in Lambda's stream failure record format
        Message parked = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> takeFailureRecord(), found -> found != null);
        JsonNode batch = JSON.readTree(parked.body()).path("DDBStreamBatchInfo");
        assertThat(batch.path("batchSize").asInt()).isEqualTo(1);
        assertThat(batch.path("startSequenceNumber").asString())
                .isEqualTo(batch.path("endSequenceNumber").asString());
        assertThat(batch.path("streamArn").asString()).contains("DeliveryAddressesTable");
        assertThat(JSON.readTree(parked.body())
                        .path("requestContext")
                        .path("condition")
                        .asString())
                .isEqualTo("RetryAttemptsExhausted");
        // and the shard moved on: the later address is verified, the unreadable one never is
        assertThat(verdictOf(laterId)).isEqualTo("VERIFIED");
        assertThat(verifications(poisonId)).isEmpty();
        assertThat(address(customer.id(), poisonId).get("country").s()).isEqualTo("XX");
    }

    private ShopApi.Response post(String token, String body) {
        return api.request("POST", "/delivery-addresses")
                .bearer(token)
                .json(body)
                .send();
    }

    private Map<String, AttributeValue> address(String customerId, String addressId) {
        return dynamo.getItem(get -> get.tableName(suite.stack().ref("DeliveryAddressesTable"))
                        .key(Map.of(
                                "customerId", AttributeValue.fromS(customerId),
                                "addressId", AttributeValue.fromS(addressId))))
                .item();
    }

    private List<Map<String, AttributeValue>> addressesOf(String customerId) {
        return dynamo.query(query -> query.tableName(suite.stack().ref("DeliveryAddressesTable"))
                        .keyConditionExpression("customerId = :customer")
                        .expressionAttributeValues(Map.of(":customer", AttributeValue.fromS(customerId))))
                .items();
    }

    private List<Map<String, AttributeValue>> verifications(String addressId) {
        return dynamo.query(query -> query.tableName(suite.stack().ref("AddressVerificationsTable"))
                        .keyConditionExpression("addressId = :id")
                        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(addressId))))
                .items();
    }

    private String verdictOf(String addressId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> verifications(addressId), items -> !items.isEmpty())
                .getFirst()
                .get("verdict")
                .s();
    }

    /** Takes one stream failure record off the on-failure queue, or null. */
    private Message takeFailureRecord() {
        String queueUrl = suite.stack().ref("AddressVerificationFailuresQueue");
        for (Message message : sqs.receiveMessage(receive ->
                        receive.queueUrl(queueUrl).maxNumberOfMessages(1).waitTimeSeconds(1))
                .messages()) {
            sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            return message;
        }
        return null;
    }
}

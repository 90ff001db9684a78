package dev.serverlesspatterns.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.RestApiDefinition;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes that write DynamoDB and Kinesis without a function: action-style AWS service integrations of the JSON
 * protocols, their request templates rendered and sent signed to the emulator, the answer mapped by the integration
 * responses.
 */
@ExtendWith(SharedEmulator.class)
class AwsServiceIntegrationsTest {

    private static final String STREAM = "gateway-test-clicks";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static DynamoDbClient dynamoDb;
    private static KinesisClient kinesis;
    private static String table;
    private static ScriptedFunctions functions;
    private static ApiGateway gateway;
    private static HttpClient http;

    @BeforeAll
    static void startTheGateway(AwsEmulator emulator) {
        // The emulator speaks Kinesis' JSON protocol; the SDK would otherwise send CBOR.
        System.setProperty("aws.cborEnabled", "false");
        dynamoDb = emulator.endpoint().configure(DynamoDbClient.builder());
        kinesis = emulator.endpoint().configure(KinesisClient.builder());
        kinesis.createStream(request -> request.streamName(STREAM).shardCount(1));
        kinesis.waiter().waitUntilStreamExists(request -> request.streamName(STREAM));
        SamTemplate template = template();
        Stack stack = Provisioner.provision(template, emulator.endpoint(), "integrations-test", Map.of());
        table = stack.ref("AddressesTable");
        functions = new ScriptedFunctions()
                .answering("AuthorizeRequestFunction", event -> ScriptedFunctions.policy("Allow", event));
        RestApiDefinition api = template.restApis().getFirst();
        gateway = ApiGateway.start(api, stack, functions, new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC());
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stopEverything() {
        http.close();
        gateway.close();
        kinesis.deleteStream(request -> request.streamName(STREAM));
        kinesis.close();
        dynamoDb.close();
    }

    @Test
    void putsTheItemTheTemplateRendersIntoTheTable() {
        // given a body with a quote to escape, a nested field and a list
        String body = """
                {"line1": "1 O'Brien \\"Street\\"", "where": {"postcode": "1011 AB"}, "tags": ["home", "door"]}""";

        // when
        HttpResponse<String> response = post("/addresses", body, "addr-1");

        // then the default integration response answers, and the item holds the principal, the header and the body
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"addressId\":\"" + requestId(response) + "\"}");
        Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table)
                        .key(Map.of(
                                "customerId", AttributeValue.fromS("merchant-42"),
                                "addressId", AttributeValue.fromS("addr-1"))))
                .item();
        assertThat(item.get("line1").s()).isEqualTo("1 O'Brien \"Street\"");
        assertThat(item.get("postcode").s()).isEqualTo("1011 AB");
        assertThat(item.get("tag").s()).isEqualTo("door");
        assertThat(Long.parseLong(item.get("createdAt").n())).isPositive();
    }

    @Test
    void mapsDynamoDbsConditionalCheckFailureToTheSelectedStatus() {
        // given an address that is already saved
        String body = """
                {"line1": "Dam 1", "where": {"postcode": "1012 JS"}, "tags": ["work", "desk"]}""";
        assertThat(post("/addresses", body, "addr-2").statusCode()).isEqualTo(201);

        // when it is saved again under the same id
        HttpResponse<String> again = post("/addresses", body.replace("Dam 1", "Dam 2"), "addr-2");

        // then DynamoDB's 400 selects the 4xx integration response, and the first item stays
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).isEqualTo("{\"code\":\"ADDRESS_EXISTS\"}");
        assertThat(dynamoDb.getItem(request -> request.tableName(table)
                                .key(Map.of(
                                        "customerId", AttributeValue.fromS("merchant-42"),
                                        "addressId", AttributeValue.fromS("addr-2"))))
                        .item()
                        .get("line1")
                        .s())
                .isEqualTo("Dam 1");
    }

    @Test
    void putsTheBodyOnTheStreamAsTheRecordsData() {
        // given
        String body = "{\"sessionId\": \"session-9\", \"page\": \"/shoes?size=42\"}";

        // when
        HttpResponse<String> response = post("/clicks", body, null);

        // then the answer carries Kinesis' sequence number, and the record holds the body byte for byte
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        String sequenceNumber = answer.path("sequenceNumber").asString();
        assertThat(sequenceNumber).isNotBlank();
        String iterator = kinesis.getShardIterator(request -> request.streamName(STREAM)
                        .shardId(answer.path("shardId").asString())
                        .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                        .startingSequenceNumber(sequenceNumber))
                .shardIterator();
        List<Record> records =
                kinesis.getRecords(request -> request.shardIterator(iterator)).records();
        assertThat(records.getFirst().partitionKey()).isEqualTo("session-9");
        assertThat(records.getFirst().data().asString(StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void mapsAKinesisErrorToTheSelectedStatus() {
        // when the record goes to a stream that does not exist
        HttpResponse<String> response = post("/clicks/lost", "{\"sessionId\": \"s-1\"}", null);

        // then
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"code\":\"NOT_RECORDED\"}");
    }

    private static HttpResponse<String> post(String path, String body, String addressId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .header("Authorization", "Bearer a.b.c")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (addressId != null) {
            request.header("Address-Id", addressId);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-amzn-RequestId").orElseThrow();
    }

    private static SamTemplate template() {
        try {
            return SamTemplate.load(Path.of(AwsServiceIntegrationsTest.class
                    .getResource("/templates/service-integrations-api.yaml")
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

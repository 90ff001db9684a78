package dev.serverlesspatterns.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDK floor: a plain Lambda handler, no Spring, that parses the event with Jackson 3 and makes the AWS calls its
 * function makes on the same request path ({@link SdkFloorCalls}), with AWS SDK v2 clients on the one HTTP client the
 * functions use (url-connection, see platform's {@code AwsClientsAutoConfiguration}). It runs in its own JVM through
 * {@link InvokeOnce}, like the function, so the gap between the two is what Spring, Spring Cloud Function, the enhanced
 * client and our code add to the same work.
 *
 * <p>The calls come from the environment variable {@link AwsCall#ENVIRONMENT_VARIABLE}; the names of tables, topics
 * and so on from the function's own template variables, which the benchmark gives this JVM too. Like a Lambda handler,
 * it builds its clients in the constructor (init) and calls at the first request. Regions, credentials and endpoint
 * come from the SDK's own environment variables ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL}), as for the functions.
 */
public final class SdkFloorHandler implements RequestStreamHandler {

    /** The SDK floor's own object, outside the prefixes the functions read and notify on. */
    private static final String S3_KEY = "benchmark/" + AwsCall.BENCHMARK_KEY;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<AwsCall> calls;
    private final Map<String, String> environment;
    private final Clients clients;

    public SdkFloorHandler() {
        this(System.getenv());
    }

    SdkFloorHandler(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.calls = AwsCall.parseAll(environment.get(AwsCall.ENVIRONMENT_VARIABLE));
        this.clients = new Clients(calls);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = json.readTree(input);
        for (AwsCall call : calls) {
            make(call, resource(call));
        }
        output.write(
                json.writeValueAsString(PlainJavaFloor.answerTo(json, event)).getBytes(StandardCharsets.UTF_8));
    }

    private String resource(AwsCall call) {
        String value = environment.get(call.resourceVariable());
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(call.resourceVariable() + " is not set: the function's template environment"
                    + " names no resource for " + call.describe());
        }
        return value;
    }

    private void make(AwsCall call, String resource) {
        Map<String, AttributeValue> key = benchmarkKey(call.keyAttributes());
        switch (call.api()) {
            case DYNAMODB_GET_ITEM ->
                clients.dynamo().getItem(get -> get.tableName(resource).key(key).consistentRead(true));
            case DYNAMODB_PUT_ITEM_IF_ABSENT -> {
                Map<String, AttributeValue> item = new HashMap<>(key);
                item.put("writtenBy", AttributeValue.fromS("benchmark"));
                try {
                    clients.dynamo()
                            .putItem(put -> put.tableName(resource)
                                    .item(item)
                                    .conditionExpression("attribute_not_exists(#key)")
                                    .expressionAttributeNames(
                                            Map.of("#key", call.keyAttributes().getFirst())));
                } catch (ConditionalCheckFailedException writtenByAnEarlierRun) {
                    // What a replayed write meets too; the round trip is made either way.
                }
            }
            case DYNAMODB_UPDATE_ITEM ->
                clients.dynamo()
                        .updateItem(update -> update.tableName(resource)
                                .key(key)
                                .updateExpression("SET #touched = :touched")
                                .expressionAttributeNames(Map.of("#touched", "touchedBy"))
                                .expressionAttributeValues(Map.of(":touched", AttributeValue.fromS("benchmark"))));
            case DYNAMODB_TRANSACT_WRITE -> {
                Map<String, AttributeValue> other = new HashMap<>(key);
                other.put(call.keyAttributes().getLast(), AttributeValue.fromS(AwsCall.BENCHMARK_KEY + "#2"));
                try {
                    clients.dynamo()
                            .transactWriteItems(transaction -> transaction.transactItems(
                                    TransactWriteItem.builder()
                                            .put(put -> put.tableName(resource)
                                                    .item(other)
                                                    .conditionExpression("attribute_not_exists(#key)")
                                                    .expressionAttributeNames(Map.of(
                                                            "#key",
                                                            call.keyAttributes().getFirst())))
                                            .build(),
                                    TransactWriteItem.builder()
                                            .update(update -> update.tableName(resource)
                                                    .key(key)
                                                    .updateExpression("SET #touched = :touched")
                                                    .expressionAttributeNames(Map.of("#touched", "touchedBy"))
                                                    .expressionAttributeValues(
                                                            Map.of(":touched", AttributeValue.fromS("benchmark"))))
                                            .build()));
                } catch (TransactionCanceledException writtenByAnEarlierRun) {
                    // What a redelivered chunk meets too; the round trip is made either way.
                }
            }
            case DYNAMODB_QUERY ->
                clients.dynamo()
                        .query(query -> query.tableName(resource)
                                .indexName(call.index().isEmpty() ? null : call.index())
                                .keyConditionExpression("#partition = :partition")
                                .expressionAttributeNames(Map.of(
                                        "#partition", call.keyAttributes().getFirst()))
                                .expressionAttributeValues(
                                        Map.of(":partition", AttributeValue.fromS(AwsCall.BENCHMARK_KEY)))
                                .scanIndexForward(false)
                                .limit(21));
            case SNS_PUBLISH ->
                clients.sns().publish(publish -> publish.topicArn(resource).message(message()));
            case SQS_SEND_MESSAGE ->
                clients.sqs().sendMessage(send -> {
                    send.queueUrl(resource).messageBody(message());
                    if (resource.endsWith(".fifo")) {
                        // A FIFO queue (the account ledger's) needs a group; the fixed deduplication id keeps
                        // repeated runs from queueing more than one message per 5 minutes.
                        send.messageGroupId(AwsCall.BENCHMARK_KEY).messageDeduplicationId(AwsCall.BENCHMARK_KEY);
                    }
                });
            case EVENTBRIDGE_PUT_EVENTS ->
                clients.events()
                        .putEvents(put -> put.entries(entry -> entry.eventBusName(resource)
                                .source("benchmark.sdk-floor")
                                .detailType("BenchmarkCall")
                                .detail(message())));
            case LAMBDA_INVOKE_ASYNC -> {
                try {
                    clients.lambda()
                            .invoke(invoke -> invoke.functionName(resource)
                                    .invocationType(InvocationType.EVENT)
                                    .payload(SdkBytes.fromUtf8String(message())));
                } catch (SdkException refused) {
                    // The function logs a refused hand-off and answers anyway; so does its floor.
                    System.err.println("SDK floor: " + call.describe() + " refused: " + refused.getMessage());
                }
            }
            case LAMBDA_INVOKE -> {
                try {
                    clients.lambda()
                            .invoke(invoke -> invoke.functionName(resource)
                                    .qualifier("live")
                                    .invocationType(InvocationType.REQUEST_RESPONSE)
                                    .payload(SdkBytes.fromUtf8String(message())));
                } catch (SdkException refused) {
                    System.err.println("SDK floor: " + call.describe() + " refused: " + refused.getMessage());
                }
            }
            case SECRETS_MANAGER_GET_SECRET_VALUE -> clients.secrets().getSecretValue(get -> get.secretId(resource));
            case S3_GET_OBJECT -> {
                try {
                    clients.s3().getObjectAsBytes(get -> get.bucket(resource).key(S3_KEY));
                } catch (NoSuchKeyException absent) {
                    // The function's priming path meets the same answer for a run file that is gone.
                }
            }
            case S3_PUT_OBJECT ->
                clients.s3()
                        .putObject(
                                put -> put.bucket(resource).key(S3_KEY + ".json"), RequestBody.fromString(message()));
        }
    }

    private static Map<String, AttributeValue> benchmarkKey(List<String> attributes) {
        Map<String, AttributeValue> key = new HashMap<>();
        attributes.forEach(attribute -> key.put(attribute, AttributeValue.fromS(AwsCall.BENCHMARK_KEY)));
        return key;
    }

    private static String message() {
        return "{\"benchmark\":\"" + AwsCall.BENCHMARK_KEY + "\"}";
    }

    /** Only the clients the calls need, each built once, all on one url-connection HTTP client. */
    private static final class Clients {

        private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        private final DynamoDbClient dynamo;
        private final SnsClient sns;
        private final SqsClient sqs;
        private final EventBridgeClient events;
        private final LambdaClient lambda;
        private final SecretsManagerClient secrets;
        private final S3Client s3;

        Clients(List<AwsCall> calls) {
            dynamo = uses(calls, "DYNAMODB_")
                    ? DynamoDbClient.builder().httpClient(http).build()
                    : null;
            sns = uses(calls, "SNS_") ? SnsClient.builder().httpClient(http).build() : null;
            sqs = uses(calls, "SQS_") ? SqsClient.builder().httpClient(http).build() : null;
            events = uses(calls, "EVENTBRIDGE_")
                    ? EventBridgeClient.builder().httpClient(http).build()
                    : null;
            lambda = uses(calls, "LAMBDA_")
                    ? LambdaClient.builder().httpClient(http).build()
                    : null;
            secrets = uses(calls, "SECRETS_MANAGER_")
                    ? SecretsManagerClient.builder().httpClient(http).build()
                    : null;
            // Path-style, as platform's S3Client: emulators serve buckets under their own host name.
            s3 = uses(calls, "S3_")
                    ? S3Client.builder().httpClient(http).forcePathStyle(true).build()
                    : null;
        }

        private static boolean uses(List<AwsCall> calls, String prefix) {
            return calls.stream().anyMatch(call -> call.api().name().startsWith(prefix));
        }

        DynamoDbClient dynamo() {
            return dynamo;
        }

        SnsClient sns() {
            return sns;
        }

        SqsClient sqs() {
            return sqs;
        }

        EventBridgeClient events() {
            return events;
        }

        LambdaClient lambda() {
            return lambda;
        }

        SecretsManagerClient secrets() {
            return secrets;
        }

        S3Client s3() {
            return s3;
        }
    }
}

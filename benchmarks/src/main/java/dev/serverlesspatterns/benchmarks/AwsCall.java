package dev.serverlesspatterns.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One AWS call that the {@link SdkFloorHandler} makes, as a function makes it on its request path. Passed to the SDK
 * floor's JVM in its environment ({@link #ENVIRONMENT_VARIABLE}), one {@link #spec()} after the other.
 *
 * @param api what is called
 * @param resourceVariable the function's environment variable that names the table, topic, queue, bus, secret or
 *     function: the SDK floor reads it from the same template environment the function gets
 * @param keyAttributes DynamoDB only: the key attributes of the table or index, each set to {@link #BENCHMARK_KEY}
 * @param index DynamoDB {@code Query} only: the index queried; empty for the table itself
 */
record AwsCall(Api api, String resourceVariable, List<String> keyAttributes, String index) {

    /** Where the SDK floor's JVM finds its calls: specs separated by {@code ;}. */
    static final String ENVIRONMENT_VARIABLE = "BENCHMARK_SDK_FLOOR_CALLS";

    /**
     * The value of every key attribute the SDK floor reads or writes: its own item, never one of the functions', so a
     * repeated write only rewrites what the previous run wrote.
     */
    static final String BENCHMARK_KEY = "benchmark-sdk-floor";

    /** The calls the functions make; each is made the way a run can repeat without harm. */
    enum Api {
        /** A consistent {@code GetItem} of the benchmark's key. */
        DYNAMODB_GET_ITEM,
        /** {@code PutItem} if absent: writes the benchmark's item once, then fails its condition, as a replay does. */
        DYNAMODB_PUT_ITEM_IF_ABSENT,
        /** {@code UpdateItem} of the benchmark's item: sets one attribute, the same each run. */
        DYNAMODB_UPDATE_ITEM,
        /**
         * {@code TransactWriteItems}: a put-if-absent of the benchmark's item with its last key attribute suffixed
         * {@code #2} and an update of the benchmark's item, as a counted chunk does; cancelled once the put's item
         * exists, as a replay is.
         */
        DYNAMODB_TRANSACT_WRITE,
        /** {@code Query} of the benchmark's partition (nothing found), newest first, as a first page. */
        DYNAMODB_QUERY,
        /** {@code Publish} of a small JSON message to the topic. */
        SNS_PUBLISH,
        /** {@code SendMessage} of a small JSON message to the queue; to a FIFO queue with a fixed group and id. */
        SQS_SEND_MESSAGE,
        /** {@code PutEvents} of one small event (source {@code benchmark.sdk-floor}) on the bus. */
        EVENTBRIDGE_PUT_EVENTS,
        /** An asynchronous {@code Invoke} ({@code Event}); a refusal is caught and logged, as the function does. */
        LAMBDA_INVOKE_ASYNC,
        /**
         * A synchronous {@code Invoke} ({@code RequestResponse}) of the {@code live} alias; a refusal (the emulator has
         * no such function) is caught and logged: the round trip to Lambda is what the floor measures.
         */
        LAMBDA_INVOKE,
        /** {@code GetSecretValue}. */
        SECRETS_MANAGER_GET_SECRET_VALUE,
        /** {@code GetObject} of the benchmark's key, which does not exist: S3 answers 404, a full round trip. */
        S3_GET_OBJECT,
        /** {@code PutObject} of a small JSON object under the benchmark's key, the same each run. */
        S3_PUT_OBJECT
    }

    AwsCall {
        if (resourceVariable.isBlank() || resourceVariable.contains(":") || resourceVariable.contains(";")) {
            throw new IllegalArgumentException("Not an environment variable name: '" + resourceVariable + "'");
        }
        keyAttributes = List.copyOf(keyAttributes);
        boolean dynamo = api.name().startsWith("DYNAMODB_");
        if (dynamo == keyAttributes.isEmpty()) {
            throw new IllegalArgumentException(
                    api + (dynamo ? " needs the key attributes" : " takes no key attributes"));
        }
        if (!index.isEmpty() && api != Api.DYNAMODB_QUERY) {
            throw new IllegalArgumentException("Only a query names an index, not " + api);
        }
    }

    static AwsCall of(Api api, String resourceVariable, String... keyAttributes) {
        return new AwsCall(api, resourceVariable, List.of(keyAttributes), "");
    }

    static AwsCall query(String tableVariable, String index, String partitionKey) {
        return new AwsCall(Api.DYNAMODB_QUERY, tableVariable, List.of(partitionKey), index);
    }

    /** {@code DYNAMODB_GET_ITEM:ORDERS_TABLE:orderId:} */
    String spec() {
        return api + ":" + resourceVariable + ":" + String.join(",", keyAttributes) + ":" + index;
    }

    static AwsCall parse(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("Not a call: '" + spec + "'");
        }
        List<String> keys = parts[2].isEmpty() ? List.of() : List.of(parts[2].split(","));
        return new AwsCall(Api.valueOf(parts[0]), parts[1], keys, parts[3]);
    }

    static String specs(List<AwsCall> calls) {
        return calls.stream().map(AwsCall::spec).collect(Collectors.joining(";"));
    }

    static List<AwsCall> parseAll(String specs) {
        return specs == null || specs.isBlank()
                ? List.of()
                : Arrays.stream(specs.split(";")).map(AwsCall::parse).toList();
    }

    /** {@code GetItem ORDERS_TABLE}: how the report names the call. */
    String describe() {
        String operation = switch (api) {
            case DYNAMODB_GET_ITEM -> "GetItem";
            case DYNAMODB_PUT_ITEM_IF_ABSENT -> "PutItem (if absent)";
            case DYNAMODB_UPDATE_ITEM -> "UpdateItem";
            case DYNAMODB_TRANSACT_WRITE -> "TransactWriteItems (put if absent + update)";
            case DYNAMODB_QUERY -> "Query " + index;
            case SNS_PUBLISH -> "SNS Publish";
            case SQS_SEND_MESSAGE -> "SQS SendMessage";
            case EVENTBRIDGE_PUT_EVENTS -> "PutEvents";
            case LAMBDA_INVOKE_ASYNC -> "Lambda Invoke (Event)";
            case LAMBDA_INVOKE -> "Lambda Invoke (RequestResponse)";
            case SECRETS_MANAGER_GET_SECRET_VALUE -> "GetSecretValue";
            case S3_GET_OBJECT -> "S3 GetObject";
            case S3_PUT_OBJECT -> "S3 PutObject";
        };
        return operation + " `" + resourceVariable + "`";
    }
}

package dev.serverlesspatterns.local.template;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An {@code AWS::Serverless::Function} with Globals applied. */
public final class FunctionDefinition {

    public static final String TYPE = "AWS::Serverless::Function";
    private static final String LAMBDA_ARTIFACT_SUFFIX = "-aws.jar";
    static final String DEFINITION_VARIABLE = "SPRING_CLOUD_FUNCTION_DEFINITION";

    private final TemplateResource resource;
    private final Path templateDirectory;

    FunctionDefinition(TemplateResource resource, Path templateDirectory) {
        this.resource = resource;
        this.templateDirectory = templateDirectory;
    }

    public String logicalId() {
        return resource.logicalId();
    }

    /** The Lambda artifact the template deploys, resolved against the template's folder like SAM does. */
    public Path codeUri() {
        return templateDirectory
                .resolve(String.valueOf(resource.properties().get("CodeUri")))
                .normalize();
    }

    /**
     * The service the function belongs to, named by its Lambda artifact: {@code ../services/billing/target/billing-aws.jar}
     * is {@code billing}.
     */
    public String serviceName() {
        String file = codeUri().getFileName().toString();
        if (!file.endsWith(LAMBDA_ARTIFACT_SUFFIX)) {
            throw new IllegalStateException("CodeUri " + codeUri() + " of " + logicalId()
                    + " should name a service's Lambda artifact, <service>" + LAMBDA_ARTIFACT_SUFFIX);
        }
        return file.substring(0, file.length() - LAMBDA_ARTIFACT_SUFFIX.length());
    }

    public String handler() {
        return String.valueOf(resource.properties().get("Handler"));
    }

    public int timeoutSeconds() {
        Object timeout = resource.properties().get("Timeout");
        return timeout == null ? 3 : Integer.parseInt(String.valueOf(timeout));
    }

    /** Environment variables with intrinsics resolved against the running stack. */
    public Map<String, String> environment(Intrinsics intrinsics) {
        Map<String, String> environment = new LinkedHashMap<>();
        resource.section("Environment").entrySet().stream()
                .filter(entry -> entry.getKey().equals("Variables"))
                .flatMap(entry -> SamTemplate.asMap(entry.getValue()).entrySet().stream())
                .forEach(variable -> environment.put(variable.getKey(), intrinsics.resolveString(variable.getValue())));
        return environment;
    }

    /** The Spring Cloud Function bean this Lambda function runs. */
    public String functionDefinition(Intrinsics intrinsics) {
        String definition = environment(intrinsics).get(DEFINITION_VARIABLE);
        if (definition == null) {
            throw new IllegalStateException(logicalId() + " sets no " + DEFINITION_VARIABLE + " in its environment");
        }
        return definition;
    }

    public List<ApiEvent> apiEvents() {
        return events("Api").entrySet().stream()
                .map(event -> ApiEvent.of(logicalId(), event.getKey(), event.getValue()))
                .toList();
    }

    /** {@code SQS} events: the event source mappings that poll a queue for this function. */
    public List<SqsEvent> sqsEvents() {
        return events("SQS").entrySet().stream()
                .map(event -> SqsEvent.of(logicalId(), event.getKey(), event.getValue()))
                .toList();
    }

    /** {@code SNS} events: subscriptions of this function to a topic. */
    public List<SnsEvent> snsEvents() {
        return events("SNS").entrySet().stream()
                .map(event -> SnsEvent.of(logicalId(), event.getKey(), event.getValue()))
                .toList();
    }

    /** {@code EventBridgeRule} events: rules whose target is this function. */
    public List<EventBridgeRuleEvent> eventBridgeRuleEvents() {
        return events("EventBridgeRule").entrySet().stream()
                .map(event -> EventBridgeRuleEvent.of(logicalId(), event.getKey(), event.getValue()))
                .toList();
    }

    /** {@code DynamoDB} events: the event source mappings that read a table's stream for this function. */
    public List<StreamEvent> streamEvents() {
        return events("DynamoDB").entrySet().stream()
                .map(event -> StreamEvent.of(logicalId(), event.getKey(), event.getValue()))
                .toList();
    }

    /** {@code S3} events: notifications of a bucket's object events to this function. */
    public List<S3Event> s3Events() {
        return events("S3").entrySet().stream()
                .map(event -> S3Event.of(logicalId(), event.getKey(), event.getValue()))
                .toList();
    }

    /** {@code Kinesis} events: the event source mappings that read a Kinesis data stream for this function. */
    public List<StreamEvent> kinesisEvents() {
        return events("Kinesis").entrySet().stream()
                .map(event -> StreamEvent.of(logicalId(), event.getKey(), event.getValue()))
                .toList();
    }

    /** Every event of this function by name, with its SAM {@code Type}, so unsupported types can be refused. */
    public Map<String, String> eventTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        resource.section("Events")
                .forEach((name, event) ->
                        types.put(name, String.valueOf(SamTemplate.asMap(event).get("Type"))));
        return types;
    }

    /**
     * How Lambda retries this function's asynchronous invocations (SAM's {@code EventInvokeConfig}); Lambda's
     * defaults when the template says nothing: two retries, six hours, no destination.
     */
    public EventInvokeConfig eventInvokeConfig() {
        Map<String, Object> config = resource.section("EventInvokeConfig");
        Object retries = config.get("MaximumRetryAttempts");
        Object age = config.get("MaximumEventAgeInSeconds");
        Map<String, Object> onFailure =
                SamTemplate.section(SamTemplate.section(config, "DestinationConfig"), "OnFailure");
        return new EventInvokeConfig(
                retries == null ? 2 : Integer.parseInt(String.valueOf(retries)),
                age == null ? 21_600 : Integer.parseInt(String.valueOf(age)),
                onFailure.isEmpty() ? null : String.valueOf(onFailure.get("Type")),
                onFailure.get("Destination"));
    }

    private Map<String, Map<String, Object>> events(String type) {
        Map<String, Map<String, Object>> events = new LinkedHashMap<>();
        resource.section("Events").forEach((name, event) -> {
            Map<String, Object> definition = SamTemplate.asMap(event);
            if (type.equals(definition.get("Type"))) {
                events.put(name, SamTemplate.section(definition, "Properties"));
            }
        });
        return events;
    }

    /**
     * An {@code SQS} event source mapping.
     *
     * @param queue the queue's ARN as the template writes it (usually {@code !GetAtt Queue.Arn}), unresolved
     * @param maximumConcurrency {@code ScalingConfig.MaximumConcurrency}, or null when unbounded
     */
    public record SqsEvent(
            String functionLogicalId,
            String name,
            Object queue,
            int batchSize,
            int maximumBatchingWindowSeconds,
            boolean reportBatchItemFailures,
            Integer maximumConcurrency,
            boolean enabled) {

        static SqsEvent of(String functionLogicalId, String name, Map<String, Object> properties) {
            Object responseTypes = properties.get("FunctionResponseTypes");
            Object concurrency =
                    SamTemplate.section(properties, "ScalingConfig").get("MaximumConcurrency");
            return new SqsEvent(
                    functionLogicalId,
                    name,
                    properties.get("Queue"),
                    integer(properties.get("BatchSize"), 10),
                    integer(properties.get("MaximumBatchingWindowInSeconds"), 0),
                    responseTypes instanceof List<?> types && types.contains("ReportBatchItemFailures"),
                    concurrency == null ? null : integer(concurrency, 0),
                    !"false".equalsIgnoreCase(String.valueOf(properties.getOrDefault("Enabled", "true"))));
        }
    }

    /**
     * A {@code DynamoDB} or {@code Kinesis} stream event source mapping, with Lambda's defaults for what the template leaves out.
     *
     * @param stream the stream's ARN as the template writes it (usually {@code !GetAtt Table.StreamArn}), unresolved
     * @param startingPosition {@code LATEST} or {@code TRIM_HORIZON}
     * @param maximumRetryAttempts retries of a failed batch before its records are discarded; -1 retries until the
     *     records expire (Lambda's default)
     * @param maximumRecordAgeSeconds records older than this are discarded unprocessed; -1 never (Lambda's default)
     * @param onFailureDestination {@code DestinationConfig.OnFailure.Destination}, an SQS queue or SNS topic ARN as
     *     the template writes it, unresolved; null when discarded records are only logged
     */
    public record StreamEvent(
            String functionLogicalId,
            String name,
            Object stream,
            String startingPosition,
            int batchSize,
            int maximumBatchingWindowSeconds,
            boolean bisectBatchOnFunctionError,
            int maximumRetryAttempts,
            int maximumRecordAgeSeconds,
            boolean reportBatchItemFailures,
            Object onFailureDestination,
            boolean enabled) {

        /** Settings that change which records reach the function; refused rather than silently ignored. */
        private static final List<String> NOT_RUN_LOCALLY = List.of("FilterCriteria", "TumblingWindowInSeconds");

        static StreamEvent of(String functionLogicalId, String name, Map<String, Object> properties) {
            NOT_RUN_LOCALLY.stream().filter(properties::containsKey).findFirst().ifPresent(setting -> {
                throw new IllegalStateException(
                        "The local runtime does not run " + setting + " of " + functionLogicalId + "." + name + " yet");
            });
            Object responseTypes = properties.get("FunctionResponseTypes");
            Map<String, Object> onFailure =
                    SamTemplate.section(SamTemplate.section(properties, "DestinationConfig"), "OnFailure");
            return new StreamEvent(
                    functionLogicalId,
                    name,
                    properties.get("Stream"),
                    String.valueOf(properties.get("StartingPosition")),
                    integer(properties.get("BatchSize"), 100),
                    integer(properties.get("MaximumBatchingWindowInSeconds"), 0),
                    Boolean.parseBoolean(String.valueOf(properties.get("BisectBatchOnFunctionError"))),
                    integer(properties.get("MaximumRetryAttempts"), -1),
                    integer(properties.get("MaximumRecordAgeInSeconds"), -1),
                    responseTypes instanceof List<?> types && types.contains("ReportBatchItemFailures"),
                    onFailure.get("Destination"),
                    !"false".equalsIgnoreCase(String.valueOf(properties.getOrDefault("Enabled", "true"))));
        }
    }

    /**
     * An {@code SNS} subscription of this function.
     *
     * @param topic the topic as the template writes it (usually {@code !Ref Topic}), unresolved
     * @param filterPolicyScope {@code MessageAttributes} (SNS's default) or {@code MessageBody}
     */
    public record SnsEvent(
            String functionLogicalId,
            String name,
            Object topic,
            Map<String, Object> filterPolicy,
            String filterPolicyScope,
            Map<String, Object> redrivePolicy) {

        static SnsEvent of(String functionLogicalId, String name, Map<String, Object> properties) {
            Object scope = properties.get("FilterPolicyScope");
            return new SnsEvent(
                    functionLogicalId,
                    name,
                    properties.get("Topic"),
                    SamTemplate.section(properties, "FilterPolicy"),
                    scope == null ? "MessageAttributes" : String.valueOf(scope),
                    SamTemplate.section(properties, "RedrivePolicy"));
        }
    }

    /**
     * An {@code S3} event: the bucket's notification of object events to this function.
     *
     * @param bucket the bucket as the template writes it ({@code !Ref Bucket}, as SAM requires), unresolved
     * @param events S3 event names such as {@code s3:ObjectCreated:*}
     * @param keyFilters {@code Filter.S3Key.Rules} as name ({@code prefix} or {@code suffix}) to value
     */
    public record S3Event(
            String functionLogicalId, String name, Object bucket, List<String> events, Map<String, String> keyFilters) {

        static S3Event of(String functionLogicalId, String name, Map<String, Object> properties) {
            Object events = properties.get("Events");
            Map<String, String> keyFilters = new LinkedHashMap<>();
            Object rules = SamTemplate.section(SamTemplate.section(properties, "Filter"), "S3Key")
                    .get("Rules");
            if (rules instanceof List<?> list) {
                list.stream()
                        .map(SamTemplate::asMap)
                        .forEach(rule -> keyFilters.put(
                                String.valueOf(rule.get("Name")).toLowerCase(Locale.ROOT),
                                String.valueOf(rule.get("Value"))));
            }
            return new S3Event(
                    functionLogicalId,
                    name,
                    properties.get("Bucket"),
                    events instanceof List<?> list
                            ? list.stream().map(String::valueOf).toList()
                            : List.of(String.valueOf(events)),
                    keyFilters);
        }
    }

    /**
     * An {@code EventBridgeRule} event: a rule on a bus whose target is this function.
     *
     * @param pattern the event pattern, as the template writes it
     * @param deadLetterQueue the target's {@code DeadLetterConfig.Arn}, unresolved, or null
     * @param inputTransformer the target's {@code InputTransformer} ({@code InputPathsMap}, {@code InputTemplate}),
     *     empty when the function gets the event itself
     */
    public record EventBridgeRuleEvent(
            String functionLogicalId,
            String name,
            Map<String, Object> pattern,
            Object eventBusName,
            int maximumRetryAttempts,
            int maximumEventAgeInSeconds,
            Object deadLetterQueue,
            Map<String, Object> inputTransformer) {

        public EventBridgeRuleEvent {
            inputTransformer = Map.copyOf(inputTransformer);
        }

        /** The {@code InputPathsMap}: placeholder name to the JSON path it takes from the event. */
        public Map<String, String> inputPathsMap() {
            Map<String, String> paths = new LinkedHashMap<>();
            SamTemplate.section(inputTransformer, "InputPathsMap")
                    .forEach((placeholder, path) -> paths.put(placeholder, String.valueOf(path)));
            return paths;
        }

        /** The {@code InputTemplate}, or null without a transformer. */
        public String inputTemplate() {
            Object template = inputTransformer.get("InputTemplate");
            return template == null ? null : String.valueOf(template);
        }

        static EventBridgeRuleEvent of(String functionLogicalId, String name, Map<String, Object> properties) {
            Map<String, Object> retry = SamTemplate.section(properties, "RetryPolicy");
            return new EventBridgeRuleEvent(
                    functionLogicalId,
                    name,
                    SamTemplate.section(properties, "Pattern"),
                    properties.getOrDefault("EventBusName", "default"),
                    integer(retry.get("MaximumRetryAttempts"), 185),
                    integer(retry.get("MaximumEventAgeInSeconds"), 86_400),
                    SamTemplate.section(properties, "DeadLetterConfig").get("Arn"),
                    SamTemplate.section(properties, "InputTransformer"));
        }
    }

    /**
     * Lambda's asynchronous invocation settings for this function.
     *
     * @param onFailureType {@code SQS}, {@code SNS}, {@code Lambda} or {@code EventBridge}; null without destination
     * @param onFailureDestination the destination's ARN as the template writes it, unresolved; null without one
     */
    public record EventInvokeConfig(
            int maximumRetryAttempts,
            int maximumEventAgeInSeconds,
            String onFailureType,
            Object onFailureDestination) {}

    private static int integer(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(String.valueOf(value));
    }

    /** An {@code Api} event: the route that invokes this function. */
    public record ApiEvent(
            String functionLogicalId, String name, String restApiId, String method, String path, String authorizer) {

        static ApiEvent of(String functionLogicalId, String name, Map<String, Object> properties) {
            Object restApi = properties.get("RestApiId");
            String restApiId =
                    restApi instanceof Map<?, ?> ref ? String.valueOf(ref.get("Ref")) : String.valueOf(restApi);
            Object authorizer = SamTemplate.section(properties, "Auth").get("Authorizer");
            return new ApiEvent(
                    functionLogicalId,
                    name,
                    restApiId,
                    String.valueOf(properties.get("Method")).toUpperCase(),
                    String.valueOf(properties.get("Path")),
                    authorizer == null ? null : String.valueOf(authorizer));
        }
    }
}

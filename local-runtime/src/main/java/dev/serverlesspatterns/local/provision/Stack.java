package dev.serverlesspatterns.local.provision;

import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/** The template's resources as they exist in the emulator: physical names, ARNs and generated secret values. */
public final class Stack implements Intrinsics.Resources {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SamTemplate template;
    private final String stackName;
    private final AwsEndpoint endpoint;
    private final Map<String, String> parameters;
    private final Map<String, String> refs = new ConcurrentHashMap<>();
    private final Map<String, String> attributes = new ConcurrentHashMap<>();
    private final Map<String, String> secretValues = new ConcurrentHashMap<>();

    Stack(SamTemplate template, String stackName, AwsEndpoint endpoint, Map<String, String> parameters) {
        this.template = template;
        this.stackName = stackName;
        this.endpoint = endpoint;
        this.parameters = Map.copyOf(parameters);
    }

    public SamTemplate template() {
        return template;
    }

    public String stackName() {
        return stackName;
    }

    public AwsEndpoint endpoint() {
        return endpoint;
    }

    public Intrinsics intrinsics() {
        return new Intrinsics(
                parameters,
                Map.of(
                        "AWS::Region",
                        endpoint.region(),
                        "AWS::AccountId",
                        AwsEndpoint.ACCOUNT_ID,
                        "AWS::StackName",
                        stackName,
                        "AWS::StackId",
                        stackId(),
                        "AWS::Partition",
                        "aws",
                        "AWS::URLSuffix",
                        "amazonaws.com"),
                this);
    }

    /**
     * A property value with every intrinsic inside it resolved, at any depth: what CloudFormation hands a
     * resource for JSON-typed properties such as redrive, filter policies and event patterns, and a custom resource's
     * function for its {@code ResourceProperties}.
     */
    public Object resolveAll(Object value) {
        return resolveAll(intrinsics(), value);
    }

    /** A JSON-typed property (written in the template as YAML or as a JSON string), resolved, as JSON text. */
    String resolveJson(Object value) {
        Object resolved = resolveAll(value);
        return resolved instanceof String text ? text : JSON.writeValueAsString(resolved);
    }

    private static Object resolveAll(Intrinsics intrinsics, Object value) {
        if (value instanceof Map<?, ?> map) {
            String key =
                    map.size() == 1 ? String.valueOf(map.keySet().iterator().next()) : "";
            if (key.equals("Ref") || key.startsWith("Fn::")) {
                return intrinsics.resolve(value);
            }
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((name, element) -> resolved.put(String.valueOf(name), resolveAll(intrinsics, element)));
            return resolved;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(element -> resolveAll(intrinsics, element)).toList();
        }
        return value;
    }

    /** The name CloudFormation would generate for a resource that does not name itself. */
    String generatedName(String logicalId) {
        return stackName + "-" + logicalId;
    }

    void record(String logicalId, String ref, Map<String, String> resourceAttributes) {
        refs.put(logicalId, ref);
        resourceAttributes.forEach((attribute, value) -> attributes.put(logicalId + "." + attribute, value));
    }

    /**
     * What a custom resource's function answered: its {@code PhysicalResourceId} is what {@code Ref} returns, its
     * {@code Data} what {@code Fn::GetAtt} returns.
     */
    public void recordCustomResource(String logicalId, String physicalResourceId, Map<String, String> data) {
        record(logicalId, physicalResourceId, data);
    }

    /** The {@code AWS::StackId} of this stack: stable for a stack name, like a deployed stack's. */
    public String stackId() {
        return "arn:aws:cloudformation:" + endpoint.region() + ":" + AwsEndpoint.ACCOUNT_ID + ":stack/" + stackName
                + "/" + UUID.nameUUIDFromBytes(stackName.getBytes(StandardCharsets.UTF_8));
    }

    void recordSecretValue(String logicalId, String value) {
        secretValues.put(logicalId, value);
    }

    public Optional<String> secretValue(String logicalId) {
        return Optional.ofNullable(secretValues.get(logicalId));
    }

    @Override
    public String ref(String logicalId) {
        return Optional.ofNullable(refs.get(logicalId))
                .orElseThrow(() -> new IllegalArgumentException("Nothing provisioned for " + logicalId));
    }

    @Override
    public String attribute(String logicalId, String attribute) {
        return Optional.ofNullable(attributes.get(logicalId + "." + attribute))
                .orElseThrow(() -> new IllegalArgumentException(
                        "The local runtime knows no attribute " + attribute + " of " + logicalId));
    }
}

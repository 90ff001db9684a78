package dev.serverlesspatterns.local.provision;

import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The template's resources as they exist in the emulator: physical names, ARNs and generated secret values. */
public final class Stack implements Intrinsics.Resources {

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
                        "AWS::Partition",
                        "aws",
                        "AWS::URLSuffix",
                        "amazonaws.com"),
                this);
    }

    /** The name CloudFormation would generate for a resource that does not name itself. */
    String generatedName(String logicalId) {
        return stackName + "-" + logicalId;
    }

    void record(String logicalId, String ref, Map<String, String> resourceAttributes) {
        refs.put(logicalId, ref);
        resourceAttributes.forEach((attribute, value) -> attributes.put(logicalId + "." + attribute, value));
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

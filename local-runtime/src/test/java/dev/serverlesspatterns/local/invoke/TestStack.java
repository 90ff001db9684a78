package dev.serverlesspatterns.local.invoke;

import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.util.HashMap;
import java.util.Map;

/**
 * The names and ARNs of a template's functions as the Provisioner gives them ({@code <stack>-<LogicalId>}), for
 * tests that need no emulator.
 */
final class TestStack implements Intrinsics.Resources {

    static final String REGION = "us-east-1";
    static final String NAME = "invoke-test";

    private final Map<String, String> refs = new HashMap<>();
    private final Map<String, String> attributes = new HashMap<>();

    private TestStack() {}

    static TestStack of(SamTemplate template) {
        TestStack stack = new TestStack();
        for (FunctionDefinition function : template.functions()) {
            String name = NAME + "-" + function.logicalId();
            stack.refs.put(function.logicalId(), name);
            stack.attributes.put(function.logicalId() + ".Arn", functionArn(name));
        }
        return stack;
    }

    static String functionArn(String functionName) {
        return "arn:aws:lambda:" + REGION + ":" + AwsEndpoint.ACCOUNT_ID + ":function:" + functionName;
    }

    Intrinsics intrinsics() {
        return new Intrinsics(Map.of(), Map.of("AWS::Region", REGION, "AWS::AccountId", AwsEndpoint.ACCOUNT_ID), this);
    }

    @Override
    public String ref(String logicalId) {
        return lookUp(refs, logicalId);
    }

    @Override
    public String attribute(String logicalId, String attribute) {
        return lookUp(attributes, logicalId + "." + attribute);
    }

    private static String lookUp(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("The test stack has no " + key);
        }
        return value;
    }
}

package dev.serverlesspatterns.local.provision;

import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.template.TemplateResource;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code AWS::Serverless::StateMachine} with an inline {@code Definition}: the definition with its
 * {@code DefinitionSubstitutions} filled in as SAM fills them ({@code ${Name}} replaced by the resolved value, such as a
 * function's alias ARN), created in the emulator under the state machine's name. {@code Ref} answers its ARN and
 * {@code Fn::GetAtt Name} its name, as on AWS. Its {@code Policies} and {@code Role} change nothing locally.
 *
 * <p>The executions run in the emulator; their Lambda tasks reach the suite's functions only where the emulator sends
 * them to the local runtime's Lambda Invoke API ({@code AwsEmulator#sendLambdaTasksTo}).
 */
public final class StateMachines {

    public static final String TYPE = "AWS::Serverless::StateMachine";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StateMachines() {}

    /** Whether the template declares any, so that a run says when their executions cannot reach the functions. */
    public static boolean declaredIn(SamTemplate template) {
        return template.resources().values().stream()
                .anyMatch(resource -> resource.type().equals(TYPE));
    }

    static void create(SfnClient sfn, TemplateResource resource, Stack stack) {
        Map<String, Object> properties = resource.properties();
        if (!properties.containsKey("Definition")) {
            throw new IllegalStateException("The local runtime reads only an inline Definition; " + resource.logicalId()
                    + " has " + (properties.containsKey("DefinitionUri") ? "a DefinitionUri" : "no definition"));
        }
        String name = properties.containsKey("Name")
                ? stack.intrinsics().resolveString(properties.get("Name"))
                : stack.generatedName(resource.logicalId());
        String definition = definition(resource, stack);
        String arn =
                "arn:aws:states:" + stack.endpoint().region() + ":" + AwsEndpoint.ACCOUNT_ID + ":stateMachine:" + name;
        try {
            sfn.describeStateMachine(describe -> describe.stateMachineArn(arn));
            // A reused emulator: the template's definition replaces the one of an earlier run.
            sfn.updateStateMachine(update -> update.stateMachineArn(arn).definition(definition));
        } catch (StateMachineDoesNotExistException firstRun) {
            sfn.createStateMachine(create -> create.name(name)
                    .type(String.valueOf(properties.getOrDefault("Type", "STANDARD")))
                    .definition(definition)
                    .roleArn("arn:aws:iam::" + AwsEndpoint.ACCOUNT_ID + ":role/" + name));
        }
        stack.record(resource.logicalId(), arn, Map.of("Arn", arn, "Name", name));
    }

    /** The definition as JSON text, each {@code ${Name}} of {@code DefinitionSubstitutions} replaced. */
    static String definition(TemplateResource resource, Stack stack) {
        String definition = JSON.writeValueAsString(resource.properties().get("Definition"));
        Object substitutions = resource.properties().getOrDefault("DefinitionSubstitutions", Map.of());
        for (Map.Entry<?, ?> substitution : ((Map<?, ?>) substitutions).entrySet()) {
            definition = definition.replace(
                    "${" + substitution.getKey() + "}", stack.intrinsics().resolveString(substitution.getValue()));
        }
        return definition;
    }
}

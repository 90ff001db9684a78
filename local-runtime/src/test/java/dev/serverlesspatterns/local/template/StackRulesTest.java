package dev.serverlesspatterns.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Deploy rules every stack of the repository's template keeps, checked on each stack file as it is written (the
 * deploy-time view, before nesting is resolved).
 */
class StackRulesTest {

    private static final String FUNCTION = FunctionDefinition.TYPE;
    private static final String ALARM = "AWS::CloudWatch::Alarm";
    private static final Set<String> DYNAMODB_POLICY_TEMPLATES =
            Set.of("DynamoDBCrudPolicy", "DynamoDBReadPolicy", "DynamoDBWritePolicy", "DynamoDBReconfigurePolicy");

    private final SamTemplate repository = SamTemplate.ofRepository();
    private final Map<Path, Map<String, Object>> stacks = stacks();

    @Test
    void functionsNameTheirExactDynamoDbActions() {
        for (var stack : stacks.entrySet()) {
            resources(stack.getValue(), FUNCTION).forEach((logicalId, properties) -> {
                List<?> policies = (List<?>) properties.getOrDefault("Policies", List.of());
                for (Object policy : policies) {
                    // then no SAM policy template grants more than the function calls
                    assertThat(
                                    policy instanceof Map<?, ?> map
                                            ? map.keySet().stream()
                                                    .map(String::valueOf)
                                                    .toList()
                                            : List.<String>of())
                            .as(stack.getKey() + " " + logicalId)
                            .doesNotContainAnyElementsOf(DYNAMODB_POLICY_TEMPLATES);
                    // and every DynamoDB action is named, none by wildcard
                    actions(policy)
                            .filter(action -> action.startsWith("dynamodb:"))
                            .forEach(action -> assertThat(action).as(logicalId).doesNotContain("*"));
                }
            });
        }
    }

    @Test
    void everyAlarmNotifiesTheAlarmTopic() {
        for (var stack : stacks.entrySet()) {
            Map<String, Map<String, Object>> alarms = resources(stack.getValue(), ALARM);
            if (!alarms.isEmpty()) {
                assertThat(SamTemplate.section(stack.getValue(), "Parameters"))
                        .as(stack.getKey() + " takes the alarm topic")
                        .containsKey("AlarmTopicArn");
            }
            alarms.forEach((logicalId, properties) -> assertThat(properties.get("AlarmActions"))
                    .as(stack.getKey() + " " + logicalId)
                    .isEqualTo(List.of(Map.of("Ref", "AlarmTopicArn"))));
        }
    }

    @Test
    void theRootPassesItsAlarmTopicToEveryStackThatTakesOne() {
        Map<String, Object> root = stacks.get(repository.file());
        SamTemplate.section(root, "Resources").forEach((logicalId, value) -> {
            Map<String, Object> resource = SamTemplate.asMap(value);
            if (NestedStacks.APPLICATION_TYPE.equals(resource.get("Type"))) {
                assertThat(SamTemplate.section(SamTemplate.section(resource, "Properties"), "Parameters"))
                        .as(logicalId)
                        .containsEntry("AlarmTopicArn", Map.of("Ref", "AlarmTopic"));
            }
        });
    }

    @Test
    void everyFunctionHasErrorAndThrottleAlarmsAndEveryStreamMappingAnIteratorAgeAlarm() {
        for (var stack : stacks.entrySet()) {
            Map<String, Set<String>> alarmedMetrics = new LinkedHashMap<>();
            resources(stack.getValue(), ALARM).values().stream()
                    .filter(alarm -> "AWS/Lambda".equals(alarm.get("Namespace")))
                    .forEach(alarm -> functionDimension(alarm)
                            .ifPresent(function -> alarmedMetrics
                                    .computeIfAbsent(function, key -> new TreeSet<>())
                                    .add(String.valueOf(alarm.get("MetricName")))));
            resources(stack.getValue(), FUNCTION).forEach((logicalId, properties) -> {
                assertThat(alarmedMetrics.getOrDefault(logicalId, Set.of()))
                        .as(stack.getKey() + " " + logicalId)
                        .contains("Errors", "Throttles");
                boolean readsAStream = SamTemplate.section(properties, "Events").values().stream()
                        .map(SamTemplate::asMap)
                        .anyMatch(event -> Set.of("DynamoDB", "Kinesis").contains(event.get("Type")));
                if (readsAStream) {
                    assertThat(alarmedMetrics.get(logicalId))
                            .as(stack.getKey() + " " + logicalId)
                            .contains("IteratorAge");
                }
            });
        }
    }

    @Test
    void tablesAndSecretsOutliveTheirStack() {
        for (var stack : stacks.entrySet()) {
            SamTemplate.section(stack.getValue(), "Resources").forEach((logicalId, value) -> {
                Map<String, Object> resource = SamTemplate.asMap(value);
                if (Set.of("AWS::DynamoDB::Table", "AWS::SecretsManager::Secret")
                        .contains(resource.get("Type"))) {
                    assertThat(resource)
                            .as(stack.getKey() + " " + logicalId)
                            .containsEntry("DeletionPolicy", "Retain")
                            .containsEntry("UpdateReplacePolicy", "Retain");
                }
            });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void ruleDeadLetterQueuesStandApartAndAdmitOnlyTheirRule() {
        int rules = 0;
        for (var stack : stacks.entrySet()) {
            Map<String, Map<String, Object>> policies = resources(stack.getValue(), "AWS::SQS::QueuePolicy");
            for (var function : resources(stack.getValue(), FUNCTION).entrySet()) {
                Object onFailure = SamTemplate.section(
                                SamTemplate.section(
                                        SamTemplate.section(function.getValue(), "EventInvokeConfig"),
                                        "DestinationConfig"),
                                "OnFailure")
                        .get("Destination");
                for (var event :
                        SamTemplate.section(function.getValue(), "Events").entrySet()) {
                    Map<String, Object> definition = SamTemplate.asMap(event.getValue());
                    Object deadLetter = SamTemplate.section(
                                    SamTemplate.section(definition, "Properties"), "DeadLetterConfig")
                            .get("Arn");
                    if (!"EventBridgeRule".equals(definition.get("Type")) || deadLetter == null) {
                        continue;
                    }
                    rules++;
                    String where = stack.getKey() + " " + function.getKey() + "." + event.getKey();
                    // then the rule's dead letters do not mix with Lambda's on-failure records
                    assertThat(deadLetter).as(where).isNotEqualTo(onFailure);
                    // and the queue's policy admits the rule SAM generates for this event, by its ARN
                    String queue = String.valueOf(
                            ((List<?>) SamTemplate.asMap(deadLetter).get("Fn::GetAtt")).get(0));
                    Map<String, Object> ruleArn =
                            Map.of("Fn::GetAtt", List.of(function.getKey() + event.getKey(), "Arn"));
                    assertThat(policies.values()).as(where).anySatisfy(policy -> {
                        assertThat((List<Object>) policy.get("Queues")).contains(Map.of("Ref", queue));
                        assertThat(statements(policy))
                                .anySatisfy(statement -> assertThat(new ArrayList<Object>(
                                                SamTemplate.section(SamTemplate.asMap(statement), "Condition")
                                                        .values()))
                                        .contains(Map.of("aws:SourceArn", ruleArn)));
                    });
                }
            }
        }
        assertThat(rules).isPositive();
    }

    @Test
    void stacksWithSamApisSetTheirOpenApiVersion() {
        for (var stack : stacks.entrySet()) {
            if (!resources(stack.getValue(), RestApiDefinition.TYPE).isEmpty()) {
                assertThat(SamTemplate.section(SamTemplate.section(stack.getValue(), "Globals"), "Api"))
                        .as(stack.getKey().toString())
                        .containsKey("OpenApiVersion");
            }
        }
    }

    @Test
    void everyFunctionPublishesANewVersionPerRelease() {
        for (var stack : stacks.entrySet()) {
            resources(stack.getValue(), FUNCTION)
                    .forEach((logicalId, properties) -> assertThat(properties.get("AutoPublishCodeSha256"))
                            .as(stack.getKey() + " " + logicalId)
                            .isEqualTo(Map.of("Ref", "ReleaseId")));
        }
    }

    @Test
    void everyInvokeGrantNamesAnAliasNeverAFunctionOrAWildcard() {
        int grants = 0;
        for (var stack : stacks.entrySet()) {
            Map<String, Object> parameters = SamTemplate.section(stack.getValue(), "Parameters");
            for (var function : resources(stack.getValue(), FUNCTION).entrySet()) {
                String where = stack.getKey() + " " + function.getKey();
                List<?> policies = (List<?>) function.getValue().getOrDefault("Policies", List.of());
                // then no SAM policy template grants a function name and everything after it (function:Name*)
                policies.forEach(policy -> assertThat(
                                policy instanceof Map<?, ?> map && map.containsKey("LambdaInvokePolicy"))
                        .as(where + " uses LambdaInvokePolicy")
                        .isFalse());
                for (Map<String, Object> statement : invokeStatements(policies)) {
                    Object resource = statement.get("Resource");
                    List<?> resources = resource instanceof List<?> list ? list : List.of(resource);
                    // and every lambda:InvokeFunction grant names aliases only: an alias of this stack, an alias ARN
                    // passed in as a parameter, or a function ARN qualified with the live alias
                    resources.forEach(granted -> assertThat(isAlias(granted, parameters))
                            .as(where + " grants lambda:InvokeFunction on " + granted + ", which is no alias")
                            .isTrue());
                    grants += resources.size();
                }
            }
            for (var permission :
                    resources(stack.getValue(), "AWS::Lambda::Permission").entrySet()) {
                // and every resource-based permission to invoke names an alias too
                assertThat(isAlias(permission.getValue().get("FunctionName"), parameters))
                        .as(stack.getKey() + " " + permission.getKey())
                        .isTrue();
            }
        }
        assertThat(grants).isPositive();
    }

    private Map<Path, Map<String, Object>> stacks() {
        Map<Path, Map<String, Object>> documents = new LinkedHashMap<>();
        for (Path file : repository.stackFiles()) {
            try {
                documents.put(file, CloudFormationYaml.read(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }

    /** Properties by logical id of the stack's resources of one type. */
    private static Map<String, Map<String, Object>> resources(Map<String, Object> stack, String type) {
        Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
        SamTemplate.section(stack, "Resources").forEach((logicalId, value) -> {
            Map<String, Object> resource = SamTemplate.asMap(value);
            if (type.equals(resource.get("Type"))) {
                matching.put(logicalId, SamTemplate.section(resource, "Properties"));
            }
        });
        return matching;
    }

    private static Optional<String> functionDimension(Map<String, Object> alarm) {
        return ((List<?>) alarm.getOrDefault("Dimensions", List.of()))
                .stream()
                        .map(SamTemplate::asMap)
                        .filter(dimension -> "FunctionName".equals(dimension.get("Name")))
                        .map(dimension -> dimension.get("Value"))
                        .filter(value -> value instanceof Map<?, ?> map && map.containsKey("Ref"))
                        .map(value -> String.valueOf(((Map<?, ?>) value).get("Ref")))
                        .findFirst();
    }

    private static List<?> statements(Map<String, Object> policy) {
        Object statement = SamTemplate.section(policy, "PolicyDocument").get("Statement");
        return statement instanceof List<?> list ? list : List.of(statement);
    }

    /** The actions an inline policy statement list grants; SAM policy templates grant none by name here. */
    private static Stream<String> actions(Object policy) {
        if (!(policy instanceof Map<?, ?> map) || !(map.get("Statement") instanceof List<?> statements)) {
            return Stream.empty();
        }
        List<String> actions = new ArrayList<>();
        statements.stream().map(SamTemplate::asMap).forEach(statement -> {
            Object action = statement.get("Action");
            if (action instanceof List<?> list) {
                list.stream().map(String::valueOf).forEach(actions::add);
            } else if (action != null) {
                actions.add(String.valueOf(action));
            }
        });
        return actions.stream();
    }

    /** The inline policy statements of a function that grant {@code lambda:InvokeFunction} (or every Lambda action). */
    private static List<Map<String, Object>> invokeStatements(List<?> policies) {
        List<Map<String, Object>> granting = new ArrayList<>();
        for (Object policy : policies) {
            if (policy instanceof Map<?, ?> map && map.get("Statement") instanceof List<?> statements) {
                statements.stream().map(SamTemplate::asMap).forEach(statement -> {
                    Object action = statement.get("Action");
                    List<?> actions = action instanceof List<?> list ? list : List.of(String.valueOf(action));
                    if (actions.stream()
                            .map(String::valueOf)
                            .anyMatch(name -> name.equals("lambda:InvokeFunction") || name.equals("lambda:*"))) {
                        granting.add(statement);
                    }
                });
            }
        }
        return granting;
    }

    /**
     * Whether a granted resource is an alias: {@code !Ref Fn.Alias}, {@code !Ref SomethingAlias} (a parameter of the
     * stack, passed an alias ARN by the root), or {@code !Sub "${Fn.Arn}:live"}.
     */
    private static boolean isAlias(Object resource, Map<String, Object> parameters) {
        if (!(resource instanceof Map<?, ?> intrinsic)) {
            return false;
        }
        if (intrinsic.get("Ref") instanceof String ref) {
            return ref.endsWith(".Alias") || (ref.endsWith("Alias") && parameters.containsKey(ref));
        }
        return intrinsic.get("Fn::Sub") instanceof String sub && sub.endsWith(":live") && !sub.contains("*");
    }
}

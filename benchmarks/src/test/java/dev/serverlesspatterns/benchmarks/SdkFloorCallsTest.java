package dev.serverlesspatterns.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SdkFloorCallsTest {

    private final SamTemplate template = SamTemplate.ofRepository();

    @Test
    void everyTemplateFunctionDeclaresTheCallsOfItsSdkFloor() {
        // given the template's functions
        List<String> functions =
                template.functions().stream().map(FunctionDefinition::logicalId).toList();

        // when their SDK floor calls are looked up
        List<String> undeclared = functions.stream()
                .filter(function -> SdkFloorCalls.of(function).isEmpty())
                .toList();

        // then each has an entry (a new function adds its own to SdkFloorCalls) and no entry is left over
        assertThat(undeclared).as("functions without an entry in SdkFloorCalls").isEmpty();
        assertThat(SdkFloorCalls.functions()).containsExactlyInAnyOrderElementsOf(functions);
    }

    @Test
    void everyCallNamesAVariableOfItsFunctionsTemplateEnvironment() {
        // given each function's template variables
        for (FunctionDefinition function : template.functions()) {
            Set<String> variables = declaredVariables(function);

            // when its calls are listed
            List<AwsCall> calls =
                    SdkFloorCalls.of(function.logicalId()).orElseThrow().calls();

            // then the SDK floor finds each resource in the same environment as the function
            assertThat(calls)
                    .as(function.logicalId())
                    .allSatisfy(call -> assertThat(variables).contains(call.resourceVariable()));
        }
    }

    @Test
    void describesTheCallsAndWhatTheFloorLeavesOut() {
        // given a function with AWS calls only and one that also talks to Postgres
        // when their entries are described
        // then the report names each call and what is not in the floor
        assertThat(SdkFloorCalls.of("GetOrderFunction").orElseThrow().describe())
                .isEqualTo("GetItem `ORDERS_TABLE`");
        assertThat(SdkFloorCalls.of("ApplyLedgerEntriesFunction").orElseThrow().describe())
                .isEqualTo("GetSecretValue `DATABASE_SECRET_ARN`; not in the floor: Postgres over JDBC");
    }

    /**
     * The variables the function gets; their values (intrinsics) do not matter here, so each resolves to its id. The
     * stack id is given: a bucket name is computed from it with {@code Fn::Select}.
     */
    private static Set<String> declaredVariables(FunctionDefinition function) {
        Map<String, String> pseudoParameters = Map.of(
                "AWS::StackId",
                "arn:aws:cloudformation:us-east-1:000000000000:stack/shop/00000000-0000-0000-0000-000000000000");
        Intrinsics names = new Intrinsics(Map.of(), pseudoParameters, new Intrinsics.Resources() {
            @Override
            public String ref(String logicalId) {
                return logicalId;
            }

            @Override
            public String attribute(String logicalId, String attribute) {
                return logicalId + "." + attribute;
            }
        });
        return function.environment(names).keySet();
    }
}

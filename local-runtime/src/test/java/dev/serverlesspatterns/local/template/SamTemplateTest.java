package dev.serverlesspatterns.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

    private final SamTemplate template = SamTemplate.ofRepository();

    private final Intrinsics intrinsics = new Intrinsics(
            template.parameterValues(Map.of(
                    "AuthorizerResultTtlSeconds",
                    "7",
                    "PaymentsDatabaseUrl",
                    "jdbc:postgresql://db.example:5432/payments",
                    "PaymentsDatabasePassword",
                    "not-a-real-one")),
            Map.of("AWS::Region", "eu-west-1", "AWS::AccountId", "000000000000"),
            new Intrinsics.Resources() {
                @Override
                public String ref(String logicalId) {
                    return "ref-of-" + logicalId;
                }

                @Override
                public String attribute(String logicalId, String attribute) {
                    return attribute + "-of-" + logicalId;
                }
            });

    @Test
    void mergesGlobalsIntoEveryFunction() {
        // when a function's environment is resolved
        Map<String, String> environment = template.function("GetOrderFunction").environment(intrinsics);

        // then its own variables and the global ones are both there, references resolved
        assertThat(environment)
                .containsEntry("ORDERS_TABLE", "ref-of-OrdersTable")
                .containsEntry("SPRING_CLOUD_FUNCTION_DEFINITION", "getOrder")
                .containsKey("JAVA_TOOL_OPTIONS");
        assertThat(template.function("GetOrderFunction").handler())
                .isEqualTo("org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest");
    }

    @Test
    void readsTheTokenAuthorizerWithItsOverriddenTtl() {
        // given the shop API and one of its protected routes
        RestApiDefinition api = shopApi();
        var route = api.routes().stream()
                .filter(event -> event.functionLogicalId().equals("ListOrdersFunction"))
                .findFirst()
                .orElseThrow();

        // when the route's authorizer is resolved
        var authorizer = api.authorizerFor(route, intrinsics).orElseThrow();

        // then it is the alias-attached TOKEN authorizer with the template's identity source
        assertThat(authorizer.functionLogicalId()).isEqualTo("AuthorizeRequestFunction");
        assertThat(authorizer.identityHeader()).isEqualTo("Authorization");
        assertThat(authorizer.resultTtlSeconds()).isEqualTo(7);
        assertThat("Bearer a.b.c").matches(authorizer.validationExpression());
    }

    @Test
    void routesWithAuthorizerNoneAreOpen() {
        // given the token endpoint's route
        RestApiDefinition api = shopApi();
        var route = api.routes().stream()
                .filter(event -> event.path().equals("/oauth/token"))
                .findFirst()
                .orElseThrow();

        // when and then
        assertThat(api.authorizerFor(route, intrinsics)).isEmpty();
    }

    @Test
    void refusesOverridesOfUnknownParameters() {
        // when and then
        assertThatThrownBy(() -> template.parameterValues(Map.of("NoSuchParameter", "1")))
                .hasMessageContaining("no parameter NoSuchParameter");
    }

    @Test
    void aParameterWithoutDefaultMustBeGivenUnlessItNamesSomethingOfAnAwsAccount() {
        // when the password of the payments database is not given
        // then the template refuses to resolve, as sam deploy would
        assertThatThrownBy(() -> template.parameterValues(
                        Map.of("PaymentsDatabaseUrl", "jdbc:postgresql://db.example:5432/payments")))
                .hasMessageContaining("PaymentsDatabasePassword has no default");

        // and when it is, the VPC parameters (AWS-specific types, only used in VpcConfig) get the local placeholder
        Map<String, String> values = template.parameterValues(Map.of(
                "PaymentsDatabaseUrl", "jdbc:postgresql://db.example:5432/payments",
                "PaymentsDatabasePassword", "not-a-real-one"));
        assertThat(values)
                .containsEntry("PaymentsDatabaseSubnetIds", SamTemplate.NOT_USED_LOCALLY)
                .containsEntry("PaymentsDatabaseSecurityGroupId", SamTemplate.NOT_USED_LOCALLY);
    }

    @Test
    void readsTheSchemaMigrationAsACustomResourceServedByItsFunctionsAlias() {
        // when
        var migration = template.customResources().stream()
                .filter(resource -> resource.logicalId().equals("PaymentsSchemaMigration"))
                .findFirst()
                .orElseThrow();

        // then its ServiceToken names the migration function, and its version property resolves to a version ARN
        assertThat(migration.type()).isEqualTo("Custom::SchemaMigration");
        assertThat(intrinsics.referencedFunction(migration.serviceToken())).isEqualTo("MigratePaymentsSchemaFunction");
        assertThat(intrinsics.resolveString(migration.properties().get("FunctionVersion")))
                .isEqualTo("Arn-of-MigratePaymentsSchemaFunction:1");
    }

    @Test
    void resolvesSubWithParametersAndAttributes() {
        // when
        Object resolved = intrinsics.resolve(Map.of(
                "Fn::Sub",
                "https://${ShopApi}.execute-api.${AWS::Region}.amazonaws.com/${StageName}/${OrdersTable.Arn}"));

        // then
        assertThat(resolved)
                .isEqualTo("https://ref-of-ShopApi.execute-api.eu-west-1.amazonaws.com/v1/Arn-of-OrdersTable");
    }

    private RestApiDefinition shopApi() {
        return template.restApis().stream()
                .filter(api -> api.logicalId().equals("ShopApi"))
                .findFirst()
                .orElseThrow();
    }
}

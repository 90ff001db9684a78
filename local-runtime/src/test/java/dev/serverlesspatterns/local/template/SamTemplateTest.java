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
            new EchoResources());

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
        // given the shop API, defined in its own nested stack, and one of its protected routes
        OpenApiDefinition api = shopApi().definitionBody().orElseThrow();
        var route = operation(api, "GET", "/orders");

        // when the route's authorizer is resolved
        var authorizer = api.authorizerFor(route, intrinsics).orElseThrow();

        // then it is the alias-attached TOKEN authorizer of the authorizer stack, with the template's identity source
        // and the TTL the root passes down
        assertThat(authorizer).isInstanceOf(RestApiDefinition.TokenAuthorizer.class);
        var token = (RestApiDefinition.TokenAuthorizer) authorizer;
        assertThat(token.functionLogicalId()).isEqualTo("AuthorizeRequestFunction");
        assertThat(token.identityHeader()).isEqualTo("Authorization");
        assertThat(token.resultTtlSeconds()).isEqualTo(7);
        assertThat("Bearer a.b.c").matches(token.validationExpression());
    }

    @Test
    void routesWithAnEmptySecurityRequirementAreOpen() {
        // given the token endpoint's route
        OpenApiDefinition api = shopApi().definitionBody().orElseThrow();
        var route = operation(api, "POST", "/oauth/token");

        // when and then
        assertThat(api.authorizerFor(route, intrinsics)).isEmpty();
    }

    @Test
    void shopApiRoutesReachTheFunctionsOfOtherStacks() {
        // given the shop API's function routes, whose integrations name aliases passed in as nested stack parameters
        OpenApiDefinition api = shopApi().definitionBody().orElseThrow();

        // when each Lambda proxy integration's function is resolved (POST /clicks goes to Kinesis, no function)
        var functions = api.operations().stream()
                .filter(operation -> operation.integration().type().equals("aws_proxy"))
                .map(operation ->
                        intrinsics.referencedFunction(operation.integration().uri()))
                .toList();

        // then they are the functions of the services' stacks, by their logical ids
        assertThat(functions)
                .contains("IssueTokenFunction", "PlaceOrderFunction", "PublishAuditEventFunction")
                .allSatisfy(function ->
                        assertThat(template.resource(function).type()).isEqualTo(FunctionDefinition.TYPE));
    }

    @Test
    void shopApiSendsTheLegacyPathsToTheLegacyShopUrl() {
        // given the shop API's HTTP proxy routes (Strangler)
        var legacy = shopApi().definitionBody().orElseThrow().operations().stream()
                .filter(operation -> operation.integration().type().equals("http_proxy"))
                .toList();

        // then they are the legacy paths, and their URIs start at the legacy shop's URL parameter
        Intrinsics withLegacyShop = new Intrinsics(
                template.parameterValues(Map.of(
                        "PaymentsDatabaseUrl", "jdbc:postgresql://db.example:5432/payments",
                        "PaymentsDatabasePassword", "not-a-real-one",
                        "LegacyShopUrl", "https://legacy.example")),
                Map.of("AWS::Region", "eu-west-1", "AWS::AccountId", "000000000000"),
                new EchoResources());
        assertThat(legacy)
                .extracting(operation -> operation.method() + " " + operation.path())
                .containsExactlyInAnyOrder("ANY /legacy/{proxy+}", "GET /legacy/orders/{orderId}");
        assertThat(legacy)
                .extracting(operation ->
                        withLegacyShop.resolveString(operation.integration().uri()))
                .containsExactlyInAnyOrder(
                        "https://legacy.example/legacy/{proxy}", "https://legacy.example/legacy/orders/{orderId}");
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

    private static OpenApiDefinition.Operation operation(OpenApiDefinition api, String method, String path) {
        return api.operations().stream()
                .filter(operation ->
                        operation.method().equals(method) && operation.path().equals(path))
                .findFirst()
                .orElseThrow();
    }

    private RestApiDefinition shopApi() {
        return template.restApis().stream()
                .filter(api -> api.logicalId().equals("ShopApi"))
                .findFirst()
                .orElseThrow();
    }
}

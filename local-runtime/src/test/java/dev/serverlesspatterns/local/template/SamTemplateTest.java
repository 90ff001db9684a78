package dev.serverlesspatterns.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

    private final SamTemplate template = SamTemplate.ofRepository();

    private final Intrinsics intrinsics = new Intrinsics(
            template.parameterValues(Map.of("AuthorizerResultTtlSeconds", "7")),
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

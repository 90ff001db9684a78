package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.template.FunctionDefinition.ApiEvent;
import dev.serverlesspatterns.local.template.RestApiDefinition;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The template is the single source of truth: every function route it declares is served by the local runtime and
 * reaches the function the template names. (Every function's bean is checked against its service when the
 * suite starts: a missing bean stops the start.)
 */
@ExtendWith(LocalSuiteExtension.class)
class TemplateWiringIT {

    @Test
    void everyTemplateRouteReachesItsFunction(LocalSuite suite) {
        String adminToken = new Identities(new ShopApi(suite.gatewayUrl("ShopApi")), suite).adminToken();
        for (RestApiDefinition restApi : suite.stack().template().restApis()) {
            if (restApi.definitionBody().isPresent()) {
                // Its routes are the OpenAPI definition's operations with service integrations, no function
                // behind them; the pattern's own end-to-end test (ScalableWebhookIT) goes through them.
                assertThat(restApi.definitionBody().get().operations()).isNotEmpty();
                continue;
            }
            ShopApi api = new ShopApi(suite.gatewayUrl(restApi.logicalId()));
            assertThat(restApi.routes()).isNotEmpty();
            for (ApiEvent route : restApi.routes()) {
                // given the route's function invocation count
                int before = suite.invocations().count(route.functionLogicalId());

                // when the route is called, path parameters filled in
                String path = route.path().replaceAll("\\{[^}]+}", "probe");
                ShopApi.Response response =
                        api.request(route.method(), path).bearer(adminToken).send();

                // then its function ran (whatever it answered to this probe)
                assertThat(suite.invocations().count(route.functionLogicalId()))
                        .as(route.method() + " " + route.path() + " answered " + response.status() + " "
                                + response.body())
                        .isEqualTo(before + 1);
            }
        }
    }
}

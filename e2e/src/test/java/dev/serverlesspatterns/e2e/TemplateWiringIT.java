package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.OpenApiDefinition.Operation;
import dev.serverlesspatterns.local.template.RestApiDefinition;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The template is the single source of truth: every function route it declares, as a function's {@code Api} event or
 * as an OpenAPI operation with a Lambda proxy integration (the shop API, whose functions live in other nested stacks),
 * is served by the local runtime and reaches the function the template names. (Every function's bean is checked
 * against its service when the suite starts: a missing bean stops the start.)
 */
@ExtendWith(LocalSuiteExtension.class)
class TemplateWiringIT {

    private record FunctionRoute(String method, String path, String functionLogicalId) {}

    @Test
    void everyTemplateRouteReachesItsFunction(LocalSuite suite) {
        String adminToken = new Identities(new ShopApi(suite.gatewayUrl("ShopApi")), suite).adminToken();
        Intrinsics intrinsics = suite.stack().intrinsics();
        int probed = 0;
        for (RestApiDefinition restApi : suite.stack().template().restApis()) {
            ShopApi api = new ShopApi(suite.gatewayUrl(restApi.logicalId()));
            for (FunctionRoute route : functionRoutes(restApi, intrinsics)) {
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
                probed++;
            }
        }
        assertThat(probed).isPositive();
    }

    /**
     * The routes that invoke a function: {@code Api} events, and definition operations with an {@code aws_proxy}
     * integration. Service integrations (API to SQS) have no function behind them; their pattern's own end-to-end
     * test (ScalableWebhookIT) goes through them.
     */
    private static List<FunctionRoute> functionRoutes(RestApiDefinition restApi, Intrinsics intrinsics) {
        List<FunctionRoute> routes = new ArrayList<>();
        restApi.routes()
                .forEach(event ->
                        routes.add(new FunctionRoute(event.method(), event.path(), event.functionLogicalId())));
        restApi.definitionBody().ifPresent(definition -> {
            for (Operation operation : definition.operations()) {
                if (operation.integration().type().equals("aws_proxy")) {
                    routes.add(new FunctionRoute(
                            operation.method(),
                            operation.path(),
                            intrinsics.referencedFunction(
                                    operation.integration().uri())));
                }
            }
        });
        return routes;
    }
}

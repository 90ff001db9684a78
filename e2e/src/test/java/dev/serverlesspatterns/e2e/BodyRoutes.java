package dev.serverlesspatterns.e2e;

import dev.serverlesspatterns.local.template.RestApiDefinition;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The routes of the template that take a request body: every POST, PUT and PATCH of every API, the functions' Api
 * events and the operations of an OpenAPI definition alike, so a new route is covered the day it is declared.
 */
final class BodyRoutes {

    private static final Set<String> METHODS_WITH_A_BODY = Set.of("POST", "PUT", "PATCH");

    /** One route: its API's logical id, its method and its path template ({@code /orders/{orderId}}). */
    record Route(String api, String method, String path) {

        /** The path with each parameter filled with an id that names nothing. */
        String pathTo(String missingId) {
            return path.replaceAll("\\{[^}]+}", missingId);
        }

        @Override
        public String toString() {
            return api + " " + method + " " + path;
        }
    }

    private BodyRoutes() {}

    static List<Route> of(SamTemplate template) {
        List<Route> routes = new ArrayList<>();
        for (RestApiDefinition api : template.restApis()) {
            api.routes().forEach(event -> routes.add(new Route(api.logicalId(), event.method(), event.path())));
            api.definitionBody()
                    .ifPresent(definition -> definition
                            .operations()
                            .forEach(operation ->
                                    routes.add(new Route(api.logicalId(), operation.method(), operation.path()))));
        }
        return routes.stream()
                .filter(route -> METHODS_WITH_A_BODY.contains(route.method()))
                .toList();
    }
}

package dev.serverlesspatterns.local.gateway;

import dev.serverlesspatterns.local.template.FunctionDefinition.ApiEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches requests to the template's routes as API Gateway does: literal path segments win over
 * {@code {parameters}}, {@code {proxy+}} takes the rest of the path, and {@code ANY} matches every method.
 */
final class RouteTable {

    record Route(ApiEvent event, Pattern pattern, List<String> parameters, int literalSegments) {}

    record Match(ApiEvent event, Map<String, String> pathParameters) {}

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9_]+)(\\+?)}");

    private final List<Route> routes;

    RouteTable(List<ApiEvent> events) {
        this.routes = events.stream().map(RouteTable::compile).toList();
    }

    List<ApiEvent> events() {
        return routes.stream().map(Route::event).toList();
    }

    Optional<Match> match(String method, String path) {
        return routes.stream()
                .filter(route -> route.event().method().equals(method)
                        || route.event().method().equals("ANY"))
                .filter(route -> route.pattern().matcher(path).matches())
                .max((left, right) -> Integer.compare(left.literalSegments(), right.literalSegments()))
                .map(route -> {
                    Matcher matcher = route.pattern().matcher(path);
                    matcher.matches();
                    Map<String, String> parameters = new LinkedHashMap<>();
                    for (int i = 0; i < route.parameters().size(); i++) {
                        parameters.put(route.parameters().get(i), matcher.group(i + 1));
                    }
                    return new Match(route.event(), parameters);
                });
    }

    private static Route compile(ApiEvent event) {
        List<String> parameters = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        for (String segment : event.path().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            regex.append('/');
            Matcher parameter = PARAMETER.matcher(segment);
            if (parameter.matches()) {
                parameters.add(parameter.group(1));
                regex.append(parameter.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            } else {
                literals++;
                regex.append(Pattern.quote(segment));
            }
        }
        return new Route(
                event, Pattern.compile(regex.isEmpty() ? "/" : regex.toString()), List.copyOf(parameters), literals);
    }
}

package dev.serverlesspatterns.local.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches requests to an API's routes as API Gateway does: literal path segments win over {@code {parameters}},
 * {@code {proxy+}} takes the rest of the path, and {@code ANY} matches every method.
 *
 * @param <R> what a route leads to
 */
final class RouteTable<R> {

    private record Compiled<R>(R route, String method, Pattern pattern, List<String> parameters, int literalSegments) {}

    record Match<R>(R route, Map<String, String> pathParameters) {}

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9_]+)(\\+?)}");

    private final List<Compiled<R>> routes;

    RouteTable(List<R> routes, Function<R, String> method, Function<R, String> path) {
        this.routes = routes.stream()
                .map(route -> compile(route, method.apply(route), path.apply(route)))
                .toList();
    }

    Optional<Match<R>> match(String method, String path) {
        return routes.stream()
                .filter(route -> route.method().equals(method) || route.method().equals("ANY"))
                .filter(route -> route.pattern().matcher(path).matches())
                .max((left, right) -> Integer.compare(left.literalSegments(), right.literalSegments()))
                .map(route -> {
                    Matcher matcher = route.pattern().matcher(path);
                    matcher.matches();
                    Map<String, String> parameters = new LinkedHashMap<>();
                    for (int i = 0; i < route.parameters().size(); i++) {
                        parameters.put(route.parameters().get(i), matcher.group(i + 1));
                    }
                    return new Match<>(route.route(), parameters);
                });
    }

    private static <R> Compiled<R> compile(R route, String method, String path) {
        List<String> parameters = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        int literals = 0;
        for (String segment : path.split("/")) {
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
        return new Compiled<>(
                route,
                method,
                Pattern.compile(regex.isEmpty() ? "/" : regex.toString()),
                List.copyOf(parameters),
                literals);
    }
}

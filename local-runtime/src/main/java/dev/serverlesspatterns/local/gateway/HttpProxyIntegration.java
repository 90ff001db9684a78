package dev.serverlesspatterns.local.gateway;

import dev.serverlesspatterns.local.template.OpenApiDefinition;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP proxy integration ({@code type: http_proxy}), the Strangler's way to an application the suite has not
 * migrated: the method request goes to the URI as it is (method, headers, query string, body), with the URI's
 * {@code {name}} placeholders filled from {@code integration.request.path.name} (for {@code {proxy+}} routes, the rest
 * of the path), and the backend's status, headers and body come back unchanged. {@code httpMethod: ANY} keeps the
 * client's method. A backend that cannot be reached is API Gateway's {@code INTEGRATION_FAILURE}, one that answers
 * too late its {@code INTEGRATION_TIMEOUT}: both gateway responses the template can shape.
 */
final class HttpProxyIntegration implements Integration {

    private static final Logger log = LoggerFactory.getLogger(HttpProxyIntegration.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");
    /** Hop-by-hop headers, and those the JDK client sets itself and refuses to be given. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "host",
            "content-length",
            "connection",
            "keep-alive",
            "expect",
            "upgrade",
            "te",
            "trailer",
            "transfer-encoding",
            "proxy-authorization",
            "proxy-connection",
            "http2-settings");

    private final String description;
    private final String uriTemplate;
    private final String httpMethod;
    private final Map<String, Function<GatewayRequest, String>> pathParameters;
    private final Map<String, Function<GatewayRequest, String>> headers;
    private final Map<String, Function<GatewayRequest, String>> queryParameters;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param uri the integration's URI, intrinsics resolved, such as {@code http://legacy.example/legacy/{proxy}}
     * @param description the API, method and path, for logs and error messages
     */
    HttpProxyIntegration(OpenApiDefinition.Integration integration, String uri, String description, HttpClient http) {
        this.description = description;
        this.uriTemplate = uri;
        this.httpMethod = integration.httpMethod();
        this.pathParameters = new LinkedHashMap<>();
        this.headers = new LinkedHashMap<>();
        this.queryParameters = new LinkedHashMap<>();
        integration.requestParameters().forEach((parameter, source) -> {
            Function<GatewayRequest, String> value = AwsIntegration.requestValue(source, description + " " + parameter);
            if (parameter.startsWith("integration.request.path.")) {
                // A method path parameter arrives as the client encoded it; it is encoded again, once, in target().
                pathParameters.put(
                        parameter.substring("integration.request.path.".length()),
                        source.startsWith("method.request.path.")
                                ? value.andThen(ProxyEvents::decodePathParameter)
                                : value);
            } else if (parameter.startsWith("integration.request.header.")) {
                headers.put(parameter.substring("integration.request.header.".length()), value);
            } else if (parameter.startsWith("integration.request.querystring.")) {
                queryParameters.put(parameter.substring("integration.request.querystring.".length()), value);
            } else {
                throw new UnsupportedOperationException(description + " maps " + parameter
                        + "; an HTTP proxy integration maps path parameters, headers and query strings");
            }
        });
        Matcher placeholders = PLACEHOLDER.matcher(uri);
        while (placeholders.find()) {
            if (!pathParameters.containsKey(placeholders.group(1))) {
                // API Gateway refuses such an import too: the placeholder would stay in the URI.
                throw new IllegalStateException(description + " integrates " + uri + ", whose {" + placeholders.group(1)
                        + "} no integration.request.path." + placeholders.group(1) + " fills");
            }
        }
        this.timeout = Duration.ofMillis(integration.timeoutMillis());
        this.http = http;
    }

    @Override
    public Reply call(GatewayRequest request, AuthorizerDecision decision) {
        URI target = target(request);
        String method = httpMethod.equals("ANY") ? request.method() : httpMethod;
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .method(
                        method,
                        request.body().length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.exchange().getRequestHeaders().forEach((name, values) -> {
            if (forwarded(name) && !headers.containsKey(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        headers.forEach((name, value) -> builder.header(name, value.apply(request)));
        // As API Gateway does: the backend sees who called, and over which protocol.
        String forwardedFor = request.header("X-Forwarded-For");
        builder.setHeader(
                "X-Forwarded-For",
                forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp());
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException slow) {
            log.warn("{}: {} {} did not answer within {}", description, method, target, timeout);
            throw new GatewayRefusal("INTEGRATION_TIMEOUT");
        } catch (IOException unreachable) {
            log.warn("{}: {} {} could not be reached: {}", description, method, target, unreachable.toString());
            throw new GatewayRefusal("INTEGRATION_FAILURE");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Reply.internalServerError();
        }
        Map<String, List<String>> replyHeaders = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (forwarded(name) && !name.startsWith(":")) {
                replyHeaders.put(name, new ArrayList<>(values));
            }
        });
        return new Reply(response.statusCode(), replyHeaders, response.body());
    }

    /** The URI with its placeholders filled, each path segment encoded, and the client's query string kept. */
    private URI target(GatewayRequest request) {
        Matcher placeholders = PLACEHOLDER.matcher(uriTemplate);
        StringBuilder uri = new StringBuilder();
        while (placeholders.find()) {
            String value = pathParameters.get(placeholders.group(1)).apply(request);
            placeholders.appendReplacement(uri, Matcher.quoteReplacement(encodedPath(value)));
        }
        placeholders.appendTail(uri);
        StringBuilder query = new StringBuilder();
        String clientQuery = request.exchange().getRequestURI().getRawQuery();
        if (clientQuery != null && !clientQuery.isEmpty()) {
            query.append(clientQuery);
        }
        queryParameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value.apply(request), StandardCharsets.UTF_8)));
        return URI.create(query.isEmpty() ? uri.toString() : uri + "?" + query);
    }

    /** A greedy path parameter keeps its slashes; everything else in a segment is percent-encoded. */
    private static String encodedPath(String value) {
        List<String> segments = new ArrayList<>();
        for (String segment : value.split("/", -1)) {
            segments.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return String.join("/", segments);
    }

    private static boolean forwarded(String header) {
        return !NOT_FORWARDED.contains(header.toLowerCase(Locale.ROOT));
    }
}

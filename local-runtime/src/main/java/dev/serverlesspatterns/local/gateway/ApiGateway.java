package dev.serverlesspatterns.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.FunctionDefinition.ApiEvent;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.RestApiDefinition;
import dev.serverlesspatterns.local.template.RestApiDefinition.GatewayResponse;
import dev.serverlesspatterns.local.template.RestApiDefinition.TokenAuthorizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway (REST API, Lambda proxy integration) for one {@code AWS::Serverless::Api} of the template:
 * routing by method and path, the TOKEN authorizer with the template's identity source, validation
 * expression and result TTL (cached per token), the template's gateway responses, and the proxy event in
 * and out. It serves {@code http://127.0.0.1:<port>/<stage>/...}, mirroring the stage in the real URL.
 */
public final class ApiGateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiGateway.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    private final RestApiDefinition api;
    private final String apiId;
    private final String region;
    private final String stage;
    private final RouteTable routes;
    /** Each route's authorizer, resolved once from the template rather than on every request. */
    private final Map<ApiEvent, Optional<TokenAuthorizer>> authorizers;

    private final LambdaInvoker invoker;
    private final AuthorizerCache authorizerCache;
    private final Map<String, GatewayResponse> gatewayResponses;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private ApiGateway(
            RestApiDefinition api, Stack stack, LambdaInvoker invoker, InetSocketAddress address, Clock clock) {
        this.api = api;
        Intrinsics intrinsics = stack.intrinsics();
        this.apiId = intrinsics.resolveString(Map.of("Ref", api.logicalId()));
        this.region = stack.endpoint().region();
        this.stage = api.stageName(intrinsics);
        this.routes = new RouteTable(api.routes());
        this.authorizers = api.routes().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Function.identity(), route -> api.authorizerFor(route, intrinsics)));
        this.invoker = invoker;
        this.authorizerCache = new AuthorizerCache(clock);
        this.gatewayResponses = api.gatewayResponses();
        try {
            this.server = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + address + " for the API gateway", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    /** Listens on {@code address}: loopback on a laptop, all interfaces only inside a container. */
    public static ApiGateway start(
            RestApiDefinition api, Stack stack, LambdaInvoker invoker, InetSocketAddress address, Clock clock) {
        ApiGateway gateway = new ApiGateway(api, stack, invoker, address, clock);
        gateway.server.start();
        return gateway;
    }

    /** The invoke URL, like {@code https://{api}.execute-api.{region}.amazonaws.com/{stage}}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + stage);
    }

    public RestApiDefinition api() {
        return api;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            try {
                route(exchange, requestId);
            } catch (RuntimeException failure) {
                log.error("Gateway failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), failure);
                send(
                        exchange,
                        500,
                        Map.of("Content-Type", "application/json"),
                        "{\"message\":\"Internal server error\"}".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException clientGone) {
            log.debug("Client went away", clientGone);
        }
    }

    private void route(HttpExchange exchange, String requestId) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase();
        String rawPath = exchange.getRequestURI().getRawPath();
        String prefix = "/" + stage;
        if (!(rawPath.equals(prefix) || rawPath.startsWith(prefix + "/"))) {
            gatewayResponse(exchange, "MISSING_AUTHENTICATION_TOKEN");
            return;
        }
        String path = rawPath.length() == prefix.length() ? "/" : rawPath.substring(prefix.length());
        Optional<RouteTable.Match> match = routes.match(method, path);
        if (match.isEmpty()) {
            gatewayResponse(exchange, "MISSING_AUTHENTICATION_TOKEN");
            return;
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
        }
        if (body.length > MAX_PAYLOAD_BYTES) {
            gatewayResponse(exchange, "REQUEST_TOO_LARGE");
            return;
        }
        ApiEvent event = match.get().event();
        String methodArn = "arn:aws:execute-api:" + region + ":" + AwsEndpoint.ACCOUNT_ID + ":" + apiId + "/" + stage
                + "/" + method + path;
        Optional<TokenAuthorizer> authorizer = authorizers.get(event);
        AuthorizerDecision decision = null;
        if (authorizer.isPresent()) {
            Optional<AuthorizerDecision> authorized = authorize(exchange, authorizer.get(), methodArn);
            if (authorized.isEmpty()) {
                return;
            }
            decision = authorized.get();
        }
        ObjectNode proxyEvent = ProxyEvents.request(
                exchange, event, match.get().pathParameters(), path, stage, apiId, requestId, body, decision);
        InvocationResult result = invoker.invoke(event.functionLogicalId(), JSON.writeValueAsBytes(proxyEvent));
        if (result.failed()) {
            log.warn("{} failed: {}", event.functionLogicalId(), result.payloadText());
            send(
                    exchange,
                    502,
                    Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "InternalServerErrorException"),
                    "{\"message\": \"Internal server error\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        proxyResponse(exchange, event, result);
    }

    /** Runs the authorizer (or reuses its cached decision); answers the client itself when access is refused. */
    private Optional<AuthorizerDecision> authorize(HttpExchange exchange, TokenAuthorizer authorizer, String methodArn)
            throws IOException {
        String token = exchange.getRequestHeaders().getFirst(authorizer.identityHeader());
        if (token == null
                || token.isBlank()
                || (authorizer.validationExpression() != null
                        && !Pattern.matches(authorizer.validationExpression(), token))) {
            gatewayResponse(exchange, "UNAUTHORIZED");
            return Optional.empty();
        }
        Optional<AuthorizerDecision> cached = authorizerCache.get(authorizer.name(), token);
        AuthorizerDecision decision;
        if (cached.isPresent()) {
            decision = cached.get();
        } else {
            ObjectNode event = JSON.createObjectNode()
                    .put("type", "TOKEN")
                    .put("authorizationToken", token)
                    .put("methodArn", methodArn);
            InvocationResult result = invoker.invoke(authorizer.functionLogicalId(), JSON.writeValueAsBytes(event));
            if (result.failed()) {
                String message =
                        JSON.readTree(result.payload()).path("errorMessage").asString("");
                gatewayResponse(exchange, message.equals("Unauthorized") ? "UNAUTHORIZED" : "AUTHORIZER_FAILURE");
                return Optional.empty();
            }
            decision = AuthorizerDecision.parse(JSON.readTree(result.payload()));
            authorizerCache.put(authorizer.name(), token, decision, authorizer.resultTtlSeconds());
        }
        if (!decision.allows(methodArn)) {
            gatewayResponse(exchange, "ACCESS_DENIED");
            return Optional.empty();
        }
        return Optional.of(decision);
    }

    private void proxyResponse(HttpExchange exchange, ApiEvent event, InvocationResult result) throws IOException {
        JsonNode response;
        try {
            response = JSON.readTree(result.payload());
        } catch (JacksonException malformed) {
            response = JSON.createObjectNode();
        }
        if (!response.path("statusCode").canConvertToInt()) {
            log.warn("{} returned no proxy response: {}", event.functionLogicalId(), result.payloadText());
            send(
                    exchange,
                    502,
                    Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "InternalServerErrorException"),
                    "{\"message\": \"Internal server error\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        response.path("headers")
                .properties()
                .forEach(
                        header -> headers.put(header.getKey(), header.getValue().asString()));
        response.path("multiValueHeaders")
                .properties()
                .forEach(header -> header.getValue()
                        .forEach(value -> exchange.getResponseHeaders().add(header.getKey(), value.asString())));
        String body = response.path("body").asString("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        send(exchange, response.path("statusCode").asInt(), headers, bytes);
    }

    private void gatewayResponse(HttpExchange exchange, String type) throws IOException {
        GatewayResponse defaults = GatewayResponses.DEFAULTS.get(type);
        GatewayResponse custom = gatewayResponses.get(type);
        int status = custom != null ? custom.statusCode() : defaults.statusCode();
        String body = custom != null && custom.body() != null ? custom.body() : defaults.body();
        send(
                exchange,
                status,
                Map.of("Content-Type", "application/json", "x-amzn-ErrorType", GatewayResponses.errorType(type)),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}

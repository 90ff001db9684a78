package dev.serverlesspatterns.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.serverlesspatterns.local.HttpServers;
import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.RestApiDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API Gateway (REST API) for one {@code AWS::Serverless::Api} of the template. Its routes come from the functions'
 * {@code Api} events (Lambda proxy integrations behind the API's TOKEN authorizer) and from an inline OpenAPI
 * {@code DefinitionBody} (Lambda authorizers, request validators, Lambda proxy and AWS service integrations). Each
 * request goes through API Gateway's steps in order: route, payload size, authorizer, request validation,
 * integration; a step that refuses answers with the API's gateway response. It serves
 * {@code http://127.0.0.1:<port>/<stage>/...}, mirroring the stage in the real URL.
 */
public final class ApiGateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiGateway.class);
    private static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    private final RestApiDefinition api;
    private final String apiId;
    private final String region;
    private final String stage;
    private final Clock clock;
    private final HttpClient http;
    private final RouteTable<Route> routes;
    private final LambdaAuthorizers authorizers;
    private final GatewayResponses gatewayResponses;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private ApiGateway(
            RestApiDefinition api, Stack stack, LambdaInvoker invoker, InetSocketAddress address, Clock clock) {
        this.api = api;
        Intrinsics intrinsics = stack.intrinsics();
        this.apiId = intrinsics.resolveString(Map.of("Ref", api.logicalId()));
        this.region = stack.endpoint().region();
        this.stage = api.stageName(intrinsics);
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor)
                .build();
        this.routes = new RouteTable<>(
                Route.of(api, intrinsics, invoker, stack.endpoint(), http), Route::method, Route::path);
        this.authorizers = new LambdaAuthorizers(invoker, clock);
        this.gatewayResponses = new GatewayResponses(api.gatewayResponses());
        try {
            this.server = HttpServers.create(address, 64);
        } catch (IOException e) {
            http.close();
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
        http.close();
        executor.close();
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            Reply reply;
            try {
                reply = route(exchange, requestId);
            } catch (GatewayRefusal refusal) {
                reply = gatewayResponses.reply(refusal, requestId);
            } catch (RuntimeException failure) {
                log.error("Gateway failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), failure);
                reply = Reply.internalServerError();
            }
            send(exchange, reply);
        } catch (IOException clientGone) {
            log.debug("Client went away", clientGone);
        }
    }

    private Reply route(HttpExchange exchange, String requestId) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase();
        String rawPath = exchange.getRequestURI().getRawPath();
        String prefix = "/" + stage;
        if (!(rawPath.equals(prefix) || rawPath.startsWith(prefix + "/"))) {
            throw new GatewayRefusal("MISSING_AUTHENTICATION_TOKEN");
        }
        String path = rawPath.length() == prefix.length() ? "/" : rawPath.substring(prefix.length());
        Optional<RouteTable.Match<Route>> match = routes.match(method, path);
        if (match.isEmpty()) {
            throw new GatewayRefusal("MISSING_AUTHENTICATION_TOKEN");
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
            if (body.length > MAX_PAYLOAD_BYTES) {
                // Read the rest so the client, still sending, gets the answer rather than a reset connection.
                in.transferTo(OutputStream.nullOutputStream());
                throw new GatewayRefusal("REQUEST_TOO_LARGE");
            }
        }
        Route route = match.get().route();
        String methodArn = "arn:aws:execute-api:" + region + ":" + AwsEndpoint.ACCOUNT_ID + ":" + apiId + "/" + stage
                + "/" + method + path;
        GatewayRequest request = new GatewayRequest(
                exchange,
                requestId,
                clock.instant(),
                apiId,
                stage,
                method,
                route.path(),
                path,
                match.get().pathParameters(),
                body,
                methodArn);
        AuthorizerDecision decision = route.authorizer()
                .map(authorizer -> authorizers.authorize(request, authorizer))
                .orElse(null);
        route.validation().ifPresent(validation -> validation.validate(request));
        return route.integration().call(request, decision);
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach(exchange.getResponseHeaders()::put);
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}

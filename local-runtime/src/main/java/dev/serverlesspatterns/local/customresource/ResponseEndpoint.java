package dev.serverlesspatterns.local.customresource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.serverlesspatterns.local.HttpServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where custom resource functions PUT their response, as they PUT it to CloudFormation's pre-signed S3 URL on AWS: one
 * URL per request, on loopback, answered 200 like S3 does. A PUT to a URL no request was given is refused, as S3 refuses
 * a URL it did not sign. Tests of a custom resource function use it as the function's {@code ResponseURL} too.
 */
public final class ResponseEndpoint implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/cloudformation/responses/";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, CompletableFuture<JsonNode>> expected = new ConcurrentHashMap<>();

    private ResponseEndpoint(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext(PATH, this::serve);
        server.start();
    }

    public static ResponseEndpoint start() {
        try {
            return new ResponseEndpoint(
                    HttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on loopback for custom resource responses", e);
        }
    }

    /** The {@code ResponseURL} of a request, and the response document that will arrive there. */
    public Expected expect(String requestId) {
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        expected.put(requestId, response);
        URI url = URI.create(
                "http://127.0.0.1:" + server.getAddress().getPort() + PATH + requestId + "?local-presigned=true");
        return new Expected(url, response);
    }

    public record Expected(URI responseUrl, CompletableFuture<JsonNode> response) {}

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("PUT")) {
                exchange.getResponseHeaders().set("Allow", "PUT");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            CompletableFuture<JsonNode> response =
                    expected.get(exchange.getRequestURI().getPath().substring(PATH.length()));
            if (response == null) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                response.complete(JSON.readTree(body));
            } catch (JacksonException notJson) {
                response.completeExceptionally(new IllegalStateException(
                        "the response is not a JSON document: " + notJson.getOriginalMessage()));
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }
}

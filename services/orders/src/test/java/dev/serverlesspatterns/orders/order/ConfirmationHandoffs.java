package dev.serverlesspatterns.orders.order;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the Lambda Invoke API in the orders tests, where no notifications function runs. It records each
 * invoke the orders functions send (the confirmation handoffs) and answers as Lambda does when it accepts an Event
 * invoke, 202 with no body; for customers a test names, it fails (500 ServiceException) or stalls instead.
 */
final class ConfirmationHandoffs implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INVOKE_PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
    private static final Duration STALL = Duration.ofSeconds(10);

    /** One request as the Lambda API received it. */
    record Invoke(String functionName, String invocationType, JsonNode payload) {

        String orderId() {
            return payload.path("orderId").asString();
        }

        String customerId() {
            return payload.path("customerId").asString();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Invoke> invokes = new CopyOnWriteArrayList<>();
    private final Set<String> failingCustomers = ConcurrentHashMap.newKeySet();
    private final Set<String> stallingCustomers = ConcurrentHashMap.newKeySet();

    private ConfirmationHandoffs() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    static ConfirmationHandoffs start() {
        ConfirmationHandoffs handoffs = new ConfirmationHandoffs();
        handoffs.server.start();
        return handoffs;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every invoke that carried this order, retries by the SDK included. */
    List<Invoke> of(String orderId) {
        return invokes.stream()
                .filter(invoke -> invoke.orderId().equals(orderId))
                .toList();
    }

    List<Invoke> ofCustomer(String customerId) {
        return invokes.stream()
                .filter(invoke -> invoke.customerId().equals(customerId))
                .toList();
    }

    /** From now on, this customer's handoffs fail as when the Lambda service has an internal error. */
    void failFor(String customerId) {
        failingCustomers.add(customerId);
    }

    /** From now on, this customer's handoffs get no answer for ten seconds. */
    void stallFor(String customerId) {
        stallingCustomers.add(customerId);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = INVOKE_PATH.matcher(exchange.getRequestURI().getRawPath());
            if (!exchange.getRequestMethod().equals("POST") || !path.matches()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            JsonNode payload;
            try (InputStream body = exchange.getRequestBody()) {
                payload = JSON.readTree(body);
            }
            Invoke invoke = new Invoke(
                    URLDecoder.decode(path.group(1), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"),
                    payload);
            invokes.add(invoke);
            if (stallingCustomers.contains(invoke.customerId())) {
                stall();
            }
            if (failingCustomers.contains(invoke.customerId())) {
                byte[] error = "{\"Type\":\"Service\",\"message\":\"Internal error\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("x-amzn-ErrorType", "ServiceException");
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(500, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            exchange.sendResponseHeaders(202, -1);
        }
    }

    private static void stall() {
        try {
            Thread.sleep(STALL);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.serverlesspatterns.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.serverlesspatterns.local.HttpServers;
import dev.serverlesspatterns.local.LoopbackPorts;
import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP proxy integration against a real HTTP backend (the legacy app's stand-in, which echoes what it received):
 * what API Gateway forwards, what it returns, and how it answers when the backend is down or slow.
 */
@ExtendWith(SharedEmulator.class)
class HttpProxyIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the backend received, one echo per request. */
    private static final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private static HttpServer backend;
    private static ApiGateway gateway;
    private static HttpClient http;

    @BeforeAll
    static void startTheBackendAndTheGateway(AwsEmulator emulator) throws IOException {
        backend = HttpServers.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", HttpProxyIntegrationTest::echo);
        backend.createContext("/slow", HttpProxyIntegrationTest::answerLate);
        backend.start();
        SamTemplate template = SamTemplate.load(Path.of("src/test/resources/templates/strangler-api.yaml"));
        Stack stack = Provisioner.provision(
                template,
                emulator.endpoint(),
                "strangler-test",
                Map.of(
                        "LegacyUrl", "http://127.0.0.1:" + backend.getAddress().getPort(),
                        "UnreachableUrl", "http://127.0.0.1:" + LoopbackPorts.closed()));
        gateway = ApiGateway.start(
                template.restApis().getFirst(),
                stack,
                new ScriptedFunctions(),
                new InetSocketAddress("127.0.0.1", 0),
                Clock.systemUTC());
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stopEverything() {
        http.close();
        gateway.close();
        backend.stop(0);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        received.clear();
    }

    @Test
    void forwardsMethodGreedyPathQueryHeadersAndBodyToTheBackend() throws Exception {
        // when a client posts below the greedy path, with a query string, its own headers and a body
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(url("/legacy/gift-cards/AB%20CD/redemptions?amount=5&tag=a&tag=b%26c"))
                        .header("Content-Type", "application/json")
                        .header("X-Client-Trace", "trace-1")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amountCents\":500,\"note\":\"€\"}")));

        // then the backend got all of it at the same path below its own URL, body byte for byte
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode request = received.getFirst();
        assertThat(request.path("method").asString()).isEqualTo("POST");
        assertThat(request.path("path").asString()).isEqualTo("/legacy/gift-cards/AB%20CD/redemptions");
        assertThat(request.path("query").asString()).isEqualTo("amount=5&tag=a&tag=b%26c");
        assertThat(request.path("headers").path("x-client-trace").asString()).isEqualTo("trace-1");
        assertThat(request.path("headers").path("content-type").asString()).isEqualTo("application/json");
        assertThat(request.path("headers").path("x-forwarded-for").asString()).isEqualTo("127.0.0.1");
        assertThat(request.path("body").asString()).isEqualTo("{\"amountCents\":500,\"note\":\"€\"}");
    }

    @Test
    void keepsTheClientsMethodForAnyMethodRoutes() throws Exception {
        // when a client deletes and reads below the greedy path
        send(HttpRequest.newBuilder(url("/legacy/wishlists/7")).DELETE());
        send(HttpRequest.newBuilder(url("/legacy/wishlists/7")).GET());

        // then the backend saw both methods, without a body
        assertThat(received).extracting(echo -> echo.path("method").asString()).containsExactly("DELETE", "GET");
        assertThat(received)
                .allSatisfy(echo -> assertThat(echo.path("body").asString()).isEmpty());
    }

    @Test
    void returnsTheBackendsStatusHeadersAndBodyUnchanged() throws Exception {
        // when the backend answers 201 with headers of its own
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(url("/legacy/anything")).GET());

        // then the client sees that status, those headers (each value) and that body
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Served-By")).contains("legacy-backend");
        assertThat(response.headers().allValues("X-Multi")).containsExactly("one", "two");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(JSON.readTree(response.body()).path("path").asString()).isEqualTo("/legacy/anything");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void mapsPathParametersHeadersAndQueryStringsAsTheIntegrationSays() throws Exception {
        // when a client reads an order through a route whose backend names the parameter differently
        send(HttpRequest.newBuilder(url("/old-orders/ord-42?expand=lines")).GET());

        // then the backend got the mapped path, the static header and query value, and the client's query
        JsonNode request = received.getFirst();
        assertThat(request.path("path").asString()).isEqualTo("/orders/ord-42");
        assertThat(request.path("query").asString()).isEqualTo("expand=lines&source=gateway");
        assertThat(request.path("headers").path("x-shop-channel").asString()).isEqualTo("api");
    }

    @Test
    void anUnreachableBackendIsAnIntegrationFailureInTheTemplatesShape() throws Exception {
        // when the route's backend does not listen
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(url("/unreachable")).GET());

        // then the template's INTEGRATION_FAILURE gateway response answers, with its machine-readable code
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InternalServerErrorException");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asString()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(problem.path("detail").asString()).isEqualTo("Internal server error");
    }

    @Test
    void aBackendSlowerThanTheIntegrationTimeoutIsAnIntegrationTimeout() throws Exception {
        // when the backend answers after the route's 300 ms
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(url("/slow")).GET());

        // then API Gateway's own INTEGRATION_TIMEOUT answers (the template does not shape it)
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(JSON.readTree(response.body()).path("message").asString()).isEqualTo("Endpoint request timed out");
    }

    @Test
    void aPathOutsideTheLegacyRoutesNeverReachesTheBackend() throws Exception {
        // when a client asks for a path no route declares
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(url("/gift-cards/AB")).GET());

        // then the gateway refuses it itself
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(received).isEmpty();
    }

    private static URI url(String pathAndQuery) {
        return URI.create(gateway.baseUrl() + pathAndQuery);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void echo(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            ObjectNode echo = JSON.createObjectNode()
                    .put("method", exchange.getRequestMethod())
                    .put("path", exchange.getRequestURI().getRawPath())
                    .put("query", exchange.getRequestURI().getRawQuery())
                    .put("body", new String(body.readAllBytes(), StandardCharsets.UTF_8));
            ObjectNode headers = echo.putObject("headers");
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
            received.add(echo);
            byte[] reply = JSON.writeValueAsBytes(echo);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Served-By", "legacy-backend");
            exchange.getResponseHeaders().add("X-Multi", "one");
            exchange.getResponseHeaders().add("X-Multi", "two");
            exchange.sendResponseHeaders(201, reply.length);
            exchange.getResponseBody().write(reply);
        }
    }

    private static void answerLate(HttpExchange exchange) throws IOException {
        try (exchange) {
            Thread.sleep(2_000);
            exchange.sendResponseHeaders(200, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.serverlesspatterns.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the shop API, as a user with curl would use it. */
final class ShopApi implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ShopApi(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Closes the client's connections, which the gateway would otherwise keep open as idle keep-alives. */
    @Override
    public void close() {
        http.close();
    }

    record Response(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }

    Request request(String method, String path) {
        return new Request(method, path);
    }

    final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request json(String json) {
            return json(json.getBytes(StandardCharsets.UTF_8));
        }

        /** A body sent byte for byte as {@code application/json}, whether or not it is JSON, or UTF-8. */
        Request json(byte[] json) {
            headers.put("Content-Type", "application/json");
            this.body = json;
            return this;
        }

        Request form(String form) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            this.body = form.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Request basicAuth(String user, String password) {
            return header(
                    "Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
        }

        Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(builder::header);
            try {
                HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                Map<String, String> responseHeaders = new LinkedHashMap<>();
                response.headers().map().forEach((name, values) -> responseHeaders.put(name, values.getFirst()));
                return new Response(response.statusCode(), responseHeaders, response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

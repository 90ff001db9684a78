package dev.serverlesspatterns.sandbox.partner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A test's handle on a partner sandbox: started in the test's JVM on a free loopback port ({@link #start()}), or a
 * running one ({@link #at}), driven through its control API over HTTP like any other client would.
 */
public final class PartnerSandbox implements AutoCloseable {

    private final URI baseUrl;
    private final InProcessSandbox running;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PartnerSandbox(URI baseUrl, InProcessSandbox running) {
        this.baseUrl = baseUrl;
        this.running = running;
    }

    /**
     * Starts the sandbox app in this JVM, a real HTTP server on 127.0.0.1 and a free port; {@link #close} stops it. Only
     * this method needs Spring on the class path, so a client of a running sandbox ({@link #at}) needs the JDK alone.
     */
    public static PartnerSandbox start() {
        InProcessSandbox running = InProcessSandbox.start();
        return new PartnerSandbox(running.baseUrl(), running);
    }

    /** A sandbox that runs elsewhere (the local suite's companion app, for example). */
    public static PartnerSandbox at(URI baseUrl) {
        return new PartnerSandbox(baseUrl, null);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The next {@code count} partner requests (every one with count 0) wait {@code delayMillis}, then answer {@code status} (0: normally). */
    public void inject(int status, long delayMillis, int count) {
        send("POST", "/sandbox/faults", """
                {"status":%d,"delayMillis":%d,"count":%d}""".formatted(status, delayMillis, count));
    }

    /** Partner requests that reached the sandbox since it started or was reset. */
    public long requests() {
        String body = send("GET", "/sandbox/requests", null);
        return Long.parseLong(body.replaceAll("\\D", ""));
    }

    public void reset() {
        send("POST", "/sandbox/reset", null);
    }

    private String send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(5))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        "The sandbox refused " + method + " " + path + ": " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (running != null) {
            running.close();
        }
    }
}

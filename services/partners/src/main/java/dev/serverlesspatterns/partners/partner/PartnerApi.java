package dev.serverlesspatterns.partners.partner;

import dev.serverlesspatterns.partners.PartnersProperties;
import dev.serverlesspatterns.platform.Settings;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipping partner's HTTP API through the JDK's HttpClient: connect timeout from {@code partners.partner}, the
 * whole call bounded by Resilience4j's TimeLimiter {@code partner} (which cancels the exchange when it fires). An
 * answer of 5xx, a timeout or a connection failure is a {@link PartnerCallFailed}; breakers decide what it means.
 */
@Component
public class PartnerApi {

    public static final String TIME_LIMITER = "partner";

    private final HttpClient http;
    private final TimeLimiter timeLimiter;
    private final JsonMapper json;
    private final PartnersProperties.Partner partner;

    public PartnerApi(PartnersProperties properties, TimeLimiterRegistry timeLimiters, JsonMapper json) {
        this.partner = properties.partner();
        this.http = HttpClient.newBuilder()
                .connectTimeout(partner.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.timeLimiter = timeLimiters.timeLimiter(TIME_LIMITER);
        this.json = json;
    }

    /** {@code GET /rates?from&to&weightGrams}: the partner's rates for one parcel. */
    public JsonNode rates(String from, String to, int weightGrams) {
        return get("/rates", Map.of("from", from, "to", to, "weightGrams", Integer.toString(weightGrams)));
    }

    /** {@code GET /delivery-estimates?from&to}: the partner's delivery estimate. */
    public JsonNode deliveryEstimate(String from, String to) {
        return get("/delivery-estimates", Map.of("from", from, "to", to));
    }

    /** The most a call may take, the TimeLimiter's timeout. */
    public Duration timeout() {
        return timeLimiter.getTimeLimiterConfig().getTimeoutDuration();
    }

    private JsonNode get(String path, Map<String, String> query) {
        URI baseUrl = partner.baseUrl();
        String base = Settings.required(
                baseUrl == null ? null : baseUrl.toString(), "partners.partner.base-url", "PARTNER_API_URL");
        String queryString = query.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + path + "?" + queryString))
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = timeLimiter.executeFutureSupplier(
                    () -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        } catch (TimeoutException timedOut) {
            throw new PartnerCallFailed("The partner did not answer " + path + " within " + timeout(), true, timedOut);
        } catch (ExecutionException failed) {
            throw new PartnerCallFailed("The partner could not be reached for " + path, false, failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PartnerCallFailed("Interrupted while calling the partner", false, interrupted);
        } catch (Exception unexpected) {
            throw new PartnerCallFailed("The partner call for " + path + " failed", false, unexpected);
        }
        if (response.statusCode() >= 500) {
            throw new PartnerCallFailed("The partner answered " + path + " with " + response.statusCode(), false, null);
        }
        if (response.statusCode() >= 300) {
            // Our request was wrong, the partner is healthy: a failure no breaker counts.
            throw new IllegalStateException("The partner refused " + path + " with " + response.statusCode());
        }
        return json.readTree(response.body());
    }
}

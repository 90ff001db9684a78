package dev.serverlesspatterns.partners;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the partners service, fed from the template's environment variables. Each function gets only the
 * variables it needs, so a value may be empty here; the bean that needs it checks it with
 * {@link dev.serverlesspatterns.platform.Settings#required}. The breaker's open duration, its growth and the number
 * of half-open probes are Resilience4j's own settings ({@code resilience4j.circuitbreaker.instances.partner}), the
 * partner call's timeout is its TimeLimiter's ({@code resilience4j.timelimiter.instances.partner}).
 *
 * @param partner where the partner's API is
 * @param breaker the breaker whose state lives in DynamoDB
 * @param failures the EventBridge breaker
 */
@ConfigurationProperties("partners")
public record PartnersProperties(
        @DefaultValue Partner partner,
        @DefaultValue Breaker breaker,
        @DefaultValue Failures failures) {

    /**
     * @param baseUrl the partner's API, from the template's {@code PARTNER_API_URL}
     * @param connectTimeout the most a call waits for a connection (the whole call is bounded by the TimeLimiter)
     */
    public record Partner(URI baseUrl, @DefaultValue("1s") Duration connectTimeout) {}

    /**
     * @param tableName the breaker state table, from the template's {@code BREAKER_STATE_TABLE}
     * @param name the breaker's item in the table (one per partner API)
     * @param failureThreshold failures within {@code failureWindow} that open the breaker
     * @param failureWindow how long a counted failure counts
     * @param stateCacheTtl how long an instance trusts the state it last read or wrote (the staleness bound); zero
     *     reads the table on every call
     */
    public record Breaker(
            String tableName,
            @DefaultValue("shipping-rates") String name,
            @DefaultValue("3") int failureThreshold,
            @DefaultValue("30s") Duration failureWindow,
            @DefaultValue("1s") Duration stateCacheTtl) {}

    /**
     * @param tableName the failures table, from the template's {@code PARTNER_FAILURES_TABLE}
     * @param targetIndex its index by target and expiry
     * @param busName the bus failures are published on, from the template's {@code PARTNER_EVENTS_BUS}
     * @param target the partner API the estimates call, as failures name it
     * @param threshold unexpired failures that make a call fail fast
     * @param window how long a failure counts, from the template's {@code PARTNER_FAILURE_WINDOW_SECONDS}
     */
    public record Failures(
            String tableName,
            @DefaultValue("byTarget") String targetIndex,
            String busName,
            @DefaultValue("delivery-estimates") String target,
            @DefaultValue("3") int threshold,
            @DefaultValue("60s") Duration window) {}
}

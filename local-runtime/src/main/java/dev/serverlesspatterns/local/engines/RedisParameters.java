package dev.serverlesspatterns.local.engines;

import dev.serverlesspatterns.local.template.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The template's {@code Metadata.LocalRuntime.Redis}: the parameter that says whether functions reach the cache over
 * TLS, which the local runtime's Redis engine (the ElastiCache stand-in) does not speak, so it is filled with
 * {@code false}. A parameter the run overrides itself keeps its override.
 */
public record RedisParameters(String tls) {

    public static Optional<RedisParameters> of(SamTemplate template) {
        Map<String, Object> redis =
                SamTemplate.section(SamTemplate.section(template.metadata(), "LocalRuntime"), "Redis");
        Object tls = redis.get("TlsParameter");
        return tls == null ? Optional.empty() : Optional.of(new RedisParameters(String.valueOf(tls)));
    }

    public Map<String, String> filled(Map<String, String> overrides) {
        Map<String, String> filled = new LinkedHashMap<>(overrides);
        filled.putIfAbsent(tls, "false");
        return filled;
    }
}

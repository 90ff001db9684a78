package dev.serverlesspatterns.platform.priming;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled on under SCF's {@code FunctionInvoker} only ({@code PlatformDefaults})
 * @param rounds how often each function runs its priming event. One round loads the path's classes and opens its
 *     connections but leaves the path interpreted; more rounds let the JIT compile it. On a quiet machine getOrder's
 *     first invoke was 4.3x a warm one after 1 round and 1.7x after 5; under heavy load the two were within noise
 *     (platform/README.md, "SnapStart priming")
 */
@ConfigurationProperties("platform.priming")
public record PrimingProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("5") int rounds) {}

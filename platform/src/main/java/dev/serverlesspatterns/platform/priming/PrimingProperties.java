package dev.serverlesspatterns.platform.priming;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled on under SCF's {@code FunctionInvoker} only ({@code PlatformDefaults})
 * @param rounds how often each function runs its priming event. One round loads the path's classes and opens its
 *     connections, but leaves it interpreted: the first invoke after a restore was still about 4x a warm one here,
 *     and 1.7x after 5 rounds (platform/README.md, "SnapStart priming")
 */
@ConfigurationProperties("platform.priming")
public record PrimingProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("5") int rounds) {}

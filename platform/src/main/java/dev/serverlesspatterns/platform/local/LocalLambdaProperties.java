package dev.serverlesspatterns.platform.local;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Set by the local runtime when it launches a service; absent on Lambda, where the endpoint never starts.
 *
 * @param lambdaPort loopback port the local runtime sends invocations to
 * @param stopWithParent stop this service when the process that launched it exits
 */
@ConfigurationProperties("platform.local")
public record LocalLambdaProperties(
        int lambdaPort, @DefaultValue("true") boolean stopWithParent) {}

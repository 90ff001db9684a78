package dev.serverlesspatterns.platform.internalapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param qualifier the alias every internal call invokes: the one SAM's {@code AutoPublishAlias} publishes, which is
 *     also the only ARN a caller's policy grants {@code lambda:InvokeFunction} on
 */
@ConfigurationProperties("platform.internal-api")
public record InternalApiProperties(@DefaultValue("live") String qualifier) {}

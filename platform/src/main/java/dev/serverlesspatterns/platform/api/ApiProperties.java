package dev.serverlesspatterns.platform.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maxBodyBytes largest request body a function accepts before answering 413 */
@ConfigurationProperties("platform.api")
public record ApiProperties(@DefaultValue("65536") int maxBodyBytes) {}

package dev.serverlesspatterns.clickstream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the clickstream service, fed from the template's environment variables.
 *
 * @param countedClicksTable the table of clicks already counted, from the template's {@code COUNTED_CLICKS_TABLE}
 * @param productClicksTable the clicks per product, from the template's {@code PRODUCT_CLICKS_TABLE}
 */
@ConfigurationProperties("clickstream")
public record ClickstreamProperties(String countedClicksTable, String productClicksTable) {}

package dev.serverlesspatterns.orders.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Checked where it is used: only the stream function gets the bus name.
 *
 * @param busName the orders event bus, from the template's {@code ORDER_EVENTS_BUS}
 */
@ConfigurationProperties("orders.events")
public record OrderEventsProperties(String busName) {}

package dev.serverlesspatterns.orders.outbox;

import dev.serverlesspatterns.events.orders.OrderEvents;
import dev.serverlesspatterns.orders.OrdersProperties;
import dev.serverlesspatterns.orders.outbox.OrderStreamRecords.OrderEvent;
import dev.serverlesspatterns.platform.Settings;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import tools.jackson.databind.json.JsonMapper;

/** The orders event bus: puts order events with the contract's source and detail types. */
@Component
class OrderEventsBus {

    /** PutEvents takes at most ten entries per call. */
    static final int MAX_ENTRIES_PER_PUT = 10;

    private final EventBridgeClient events;
    private final JsonMapper json;
    private final String busName;

    OrderEventsBus(EventBridgeClient events, JsonMapper json, OrdersProperties properties) {
        this.events = events;
        this.json = json;
        this.busName = Settings.required(properties.events().busName(), "orders.events.bus-name", "ORDER_EVENTS_BUS");
    }

    /**
     * Puts up to {@link #MAX_ENTRIES_PER_PUT} events in one call.
     *
     * @return the index of the first event EventBridge did not take, or -1 when it took them all
     */
    int put(List<OrderEvent> batch) {
        List<PutEventsRequestEntry> entries =
                batch.stream().map(event -> entry(event).build()).toList();
        PutEventsResponse response = events.putEvents(put -> put.entries(entries));
        if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
            return -1;
        }
        return IntStream.range(0, response.entries().size())
                .filter(i -> response.entries().get(i).errorCode() != null)
                .findFirst()
                .orElse(0);
    }

    /**
     * The put of an event without its source and detail type (SnapStart priming): EventBridge answers it with a failed
     * entry and delivers nothing.
     *
     * @throws IllegalStateException when EventBridge took the entry after all
     */
    void putRefused(OrderEvent event) {
        PutEventsRequestEntry incomplete =
                entry(event).source(null).detailType(null).build();
        PutEventsResponse response = events.putEvents(put -> put.entries(incomplete));
        if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
            throw new IllegalStateException("The orders bus took an event without source and detail type");
        }
    }

    private PutEventsRequestEntry.Builder entry(OrderEvent event) {
        return PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(OrderEvents.SOURCE)
                .detailType(event.detailType())
                .detail(json.writeValueAsString(event.detail()));
    }
}

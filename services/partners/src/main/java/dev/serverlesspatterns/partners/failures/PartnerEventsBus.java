package dev.serverlesspatterns.partners.failures;

import dev.serverlesspatterns.partners.PartnersProperties;
import dev.serverlesspatterns.platform.Settings;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import tools.jackson.databind.json.JsonMapper;

/** The partner-events bus: failed partner calls are announced on it as {@code PartnerCallFailed}. */
@Component
class PartnerEventsBus {

    static final String SOURCE = "serverlesspatterns.partners";
    static final String PARTNER_CALL_FAILED = "PartnerCallFailed";

    private final EventBridgeClient events;
    private final JsonMapper json;
    private final String busName;

    PartnerEventsBus(EventBridgeClient events, JsonMapper json, PartnersProperties properties) {
        this.events = events;
        this.json = json;
        this.busName =
                Settings.required(properties.failures().busName(), "partners.failures.bus-name", "PARTNER_EVENTS_BUS");
    }

    /** @return whether EventBridge took the event */
    boolean callFailed(String target, String failedAt, String reason) {
        PutEventsResponse response = events.putEvents(put -> put.entries(entry -> entry.eventBusName(busName)
                .source(SOURCE)
                .detailType(PARTNER_CALL_FAILED)
                .detail(json.writeValueAsString(Map.of("target", target, "failedAt", failedAt, "reason", reason)))));
        return response.failedEntryCount() == null || response.failedEntryCount() == 0;
    }
}

package dev.serverlesspatterns.audit.event;

import dev.serverlesspatterns.events.audit.AuditEventReported;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link PublishAuditEvent}'s publish, which its priming event (a body breaking the schema) never
 * reaches: the same publish with a message structure SNS refuses as invalid, and the 202 answer's JSON (built, never
 * sent).
 */
@Component
@WarmsUp("publishAuditEvent")
class PublishAuditEventWarmUp implements PrimingWarmUp {

    private final AuditEventsTopic topic;
    private final ApiResponses responses;

    PublishAuditEventWarmUp(AuditEventsTopic topic, ApiResponses responses) {
        this.topic = topic;
        this.responses = responses;
    }

    @Override
    public void warmUp() {
        topic.publishRefused(
                new AuditEventReported("snapstart-priming", "snapstart-priming", "snapstart-priming", Map.of()));
        responses.json(202, new PublishAuditEvent.Published("snapstart-priming"));
    }
}

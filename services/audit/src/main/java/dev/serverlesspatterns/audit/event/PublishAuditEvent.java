package dev.serverlesspatterns.audit.event;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.audit.AuditEventReported;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import dev.serverlesspatterns.platform.api.RequestBodyReader;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * {@code POST /audit/events}: checks the caller's scope and the body against its schema before anything is published,
 * then publishes the event once and answers {@code 202} with SNS's message id. Which queues get it is the
 * subscriptions' business (their filter policies), not this function's.
 */
@Component("publishAuditEvent")
class PublishAuditEvent implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    /** The answer: SNS accepted the event under this id. */
    record Published(String messageId) {}

    private final ApiHandler api;
    private final RequestBodyReader bodies;
    private final ApiResponses responses;
    private final AuditEventsTopic topic;

    PublishAuditEvent(ApiHandler api, RequestBodyReader bodies, ApiResponses responses, AuditEventsTopic topic) {
        this.api = api;
        this.bodies = bodies;
        this.responses = responses;
        this.topic = topic;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::publish);
    }

    private APIGatewayProxyResponseEvent publish(APIGatewayProxyRequestEvent request) {
        Caller.of(request).require(Scopes.WRITE);
        AuditEventReported event = bodies.read(request, Schema.AUDIT_EVENT_REPORTED, AuditEventReported.class);
        return responses.json(202, new Published(topic.publish(event)));
    }
}

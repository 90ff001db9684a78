package dev.serverlesspatterns.notifications.routing;

import java.util.Arrays;
import org.springframework.cloud.function.context.MessageRoutingCallback;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells Spring Cloud Function's {@code functionRouter} which task sends a request: the one of its {@code channel}.
 * The router asks this callback before anything else, with the event as Lambda delivered it (the raw JSON bytes under
 * {@code FunctionInvoker}); the chosen task then converts the same message to its typed request. A request without a
 * known channel is refused here, before any task or table is touched.
 */
@Component
class NotificationChannelRouting implements MessageRoutingCallback {

    private static final String KNOWN = Arrays.toString(Channel.values());

    private final JsonMapper json;

    NotificationChannelRouting(JsonMapper json) {
        this.json = json;
    }

    /** @throws UnroutableNotification when the request names no channel this service sends by */
    @Override
    public String routingResult(Message<?> message) {
        JsonNode channel = requestOf(message.getPayload()).path("channel");
        if (!channel.isString()) {
            throw new UnroutableNotification("it names no channel (one of " + KNOWN + ")");
        }
        return Channel.named(channel.asString())
                .orElseThrow(() -> new UnroutableNotification(
                        "no task sends by channel '" + channel.asString() + "' (one of " + KNOWN + ")"))
                .task();
    }

    private JsonNode requestOf(Object payload) {
        try {
            return switch (payload) {
                case byte[] bytes -> json.readTree(bytes);
                case String text -> json.readTree(text);
                default -> json.valueToTree(payload);
            };
        } catch (JacksonException unreadable) {
            throw new UnroutableNotification("it is not JSON (" + unreadable.getOriginalMessage() + ")");
        }
    }
}

package dev.serverlesspatterns.notifications.routing;

import dev.serverlesspatterns.events.notifications.NotificationRequested;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a routed request by one channel and records it in that channel's table, once per notification id: Lambda
 * delivers an asynchronous event at least once, so every later delivery finds the record and succeeds without sending
 * again. A request of another channel is refused, should anything but the router call the task.
 */
class ChannelTask implements Function<NotificationRequested, NotificationOutcome> {

    private static final Logger log = LoggerFactory.getLogger(ChannelTask.class);

    private final Channel channel;
    private final NotificationRequestValidator validator;
    private final ChannelTables tables;
    private final Clock clock;

    ChannelTask(Channel channel, NotificationRequestValidator validator, ChannelTables tables, Clock clock) {
        this.channel = channel;
        this.validator = validator;
        this.tables = tables;
        this.clock = clock;
    }

    @Override
    public NotificationOutcome apply(NotificationRequested request) {
        validator.requireValid(request);
        if (!channel.wireName().equals(request.channel())) {
            throw new UnroutableNotification(
                    "the " + channel + " task was handed a " + request.channel() + " notification");
        }
        if (tables.recordOnce(channel, SentNotification.of(request, clock.instant()))) {
            log.info("Sent notification {} to {} by {}", request.notificationId(), request.recipient(), channel);
            return new NotificationOutcome(
                    request.notificationId(), channel.wireName(), NotificationOutcome.Status.SENT);
        }
        log.info("Notification {} was sent before; this delivery changes nothing", request.notificationId());
        return new NotificationOutcome(
                request.notificationId(), channel.wireName(), NotificationOutcome.Status.ALREADY_SENT);
    }
}

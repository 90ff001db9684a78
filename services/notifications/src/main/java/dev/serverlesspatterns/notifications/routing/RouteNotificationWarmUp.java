package dev.serverlesspatterns.notifications.routing;

import dev.serverlesspatterns.events.notifications.NotificationRequested;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of the router's path after a valid request, which its priming event (an e-mail request without
 * recipient and text) never reaches: the validation of a valid request, and each channel table's {@code PutItem} for
 * a notification id no notification has, refused by a condition that cannot hold.
 */
@Component
@WarmsUp("functionRouter")
class RouteNotificationWarmUp implements PrimingWarmUp {

    /** The nil UUID, which the contract refuses as a notification id, so no notification has it. */
    private static final String UNUSED_NOTIFICATION_ID = "00000000-0000-0000-0000-000000000000";

    private final NotificationRequestValidator validator;
    private final ChannelTables tables;
    private final Clock clock;

    RouteNotificationWarmUp(NotificationRequestValidator validator, ChannelTables tables, Clock clock) {
        this.validator = validator;
        this.tables = tables;
        this.clock = clock;
    }

    @Override
    public void warmUp() {
        for (Channel channel : Channel.values()) {
            NotificationRequested request = new NotificationRequested(
                    UUID.randomUUID().toString(), channel.wireName(), "snapstart-priming", "snapstart-priming");
            validator.requireValid(request);
            SentNotification sent = SentNotification.of(request, clock.instant());
            tables.recordRefused(
                    channel,
                    new SentNotification(
                            UNUSED_NOTIFICATION_ID, sent.channel(), sent.recipient(), sent.text(), sent.sentAt()));
        }
    }
}

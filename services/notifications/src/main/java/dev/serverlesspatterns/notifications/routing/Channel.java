package dev.serverlesspatterns.notifications.routing;

import dev.serverlesspatterns.events.notifications.NotificationRequested;
import java.util.Arrays;
import java.util.Optional;

/** The channels of a {@link NotificationRequested}, each with the function bean that sends by it. */
enum Channel {
    EMAIL(NotificationRequested.EMAIL, "sendEmailNotification"),
    SMS(NotificationRequested.SMS, "sendSmsNotification"),
    PUSH(NotificationRequested.PUSH, "sendPushNotification");

    private final String wireName;
    private final String task;

    Channel(String wireName, String task) {
        this.wireName = wireName;
        this.task = task;
    }

    /** The function bean that sends notifications of this channel. */
    String task() {
        return task;
    }

    String wireName() {
        return wireName;
    }

    /** The channel a request names, exactly as the contract spells it. */
    static Optional<Channel> named(String wireName) {
        return Arrays.stream(values())
                .filter(channel -> channel.wireName.equals(wireName))
                .findFirst();
    }
}

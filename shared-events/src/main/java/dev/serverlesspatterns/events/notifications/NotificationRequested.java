package dev.serverlesspatterns.events.notifications;

/**
 * A service asks the notifications service to send one message to a recipient, with an asynchronous Lambda invoke of
 * its router; {@code channel} ({@code EMAIL}, {@code SMS} or {@code PUSH}) picks the task that sends it and
 * {@code recipient} is that channel's address (an e-mail address, a phone number, a device token).
 * {@code notificationId}, a UUID in lower case chosen by the sender, is the idempotency key: delivering the same request twice sends it once.
 * {@link dev.serverlesspatterns.events.Schema#NOTIFICATION_REQUESTED} is its wire contract. No field is named
 * {@code payload} or {@code headers}: Spring Cloud Function's Lambda adapter would take them for the input or its
 * message headers.
 */
public record NotificationRequested(String notificationId, String channel, String recipient, String text) {

    /** The channels the router knows, each sent by its own task. */
    public static final String EMAIL = "EMAIL";

    public static final String SMS = "SMS";
    public static final String PUSH = "PUSH";
}

package dev.serverlesspatterns.notifications.cancellation;

/**
 * A message that breaks the order-activity contract. Every receive fails it the same way, so the queue's redrive
 * policy moves it, body unchanged, to the dead-letter queue after {@code maxReceiveCount} receives.
 */
class UnreadableMessage extends RuntimeException {

    UnreadableMessage(String reason) {
        super(reason, null, false, false);
    }
}

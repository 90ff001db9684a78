package dev.serverlesspatterns.paymentwebhooks.webhook;

/**
 * A message the consumer will never record. Every receive fails it the same way, so the queue's redrive policy moves
 * it, body and attributes unchanged, to the dead-letter queue after {@code maxReceiveCount} receives.
 */
class UnreadableMessage extends RuntimeException {

    UnreadableMessage(String reason) {
        super(reason, null, false, false);
    }
}

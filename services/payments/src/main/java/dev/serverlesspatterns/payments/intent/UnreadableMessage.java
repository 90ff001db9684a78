package dev.serverlesspatterns.payments.intent;

/**
 * A message that breaks its topic's contract (billing's notifications, the audit service's order activity). Every
 * receive fails it the same way, so the queue's redrive policy moves it, body unchanged, to the dead-letter queue
 * after {@code maxReceiveCount} receives.
 */
class UnreadableMessage extends RuntimeException {

    UnreadableMessage(String reason) {
        super(reason, null, false, false);
    }
}

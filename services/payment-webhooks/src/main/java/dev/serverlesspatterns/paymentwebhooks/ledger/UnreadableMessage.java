package dev.serverlesspatterns.paymentwebhooks.ledger;

/**
 * A message of the ledger queue that will never be applied. Every receive fails it the same way, so its account's
 * later entries wait behind it until the queue's redrive policy moves it, body unchanged, to the dead-letter queue
 * after {@code maxReceiveCount} receives.
 */
class UnreadableMessage extends RuntimeException {

    UnreadableMessage(String reason) {
        super(reason, null, false, false);
    }
}

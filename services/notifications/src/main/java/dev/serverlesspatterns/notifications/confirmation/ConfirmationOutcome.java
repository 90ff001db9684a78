package dev.serverlesspatterns.notifications.confirmation;

/**
 * What one delivery of a confirmation request did. Lambda discards the result of an asynchronous invoke; a
 * synchronous invoke (a test, a re-drive tool) sees whether this delivery sent the confirmation.
 */
record ConfirmationOutcome(String orderId, Status status) {

    enum Status {
        /** This delivery sent the confirmation. */
        SENT,
        /** An earlier delivery sent it; this one changed nothing. */
        ALREADY_SENT
    }

    static ConfirmationOutcome sent(String orderId) {
        return new ConfirmationOutcome(orderId, Status.SENT);
    }

    static ConfirmationOutcome alreadySent(String orderId) {
        return new ConfirmationOutcome(orderId, Status.ALREADY_SENT);
    }
}

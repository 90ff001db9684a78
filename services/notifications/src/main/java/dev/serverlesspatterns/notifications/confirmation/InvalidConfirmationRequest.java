package dev.serverlesspatterns.notifications.confirmation;

import java.util.List;

/**
 * A confirmation request that breaks its contract. It fails every attempt the same way, so Lambda's retries
 * cannot help; the on-failure queue keeps it for whoever fixes the sender and re-drives it.
 */
class InvalidConfirmationRequest extends IllegalArgumentException {

    InvalidConfirmationRequest(List<String> violations) {
        super("Invalid OrderConfirmationRequested, nothing was sent: " + String.join("; ", violations));
    }
}

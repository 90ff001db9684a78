package dev.serverlesspatterns.partners.partner;

/**
 * A partner call that failed: an answer of 5xx, no answer within the timeout, or no connection. What the caller is
 * told (502 or 504) and what a breaker counts.
 */
public class PartnerCallFailed extends RuntimeException {

    private final boolean timedOut;

    public PartnerCallFailed(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}

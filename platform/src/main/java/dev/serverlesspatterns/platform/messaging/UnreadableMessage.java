package dev.serverlesspatterns.platform.messaging;

/**
 * A message its consumer will never be able to handle: it breaks its contract. Every receive fails it the same way, so
 * the queue's redrive policy moves it, body unchanged, to the dead-letter queue after {@code maxReceiveCount}
 * receives. It carries no stack trace: its reason says all there is to say, and {@link SqsBatch} logs it alone.
 */
public class UnreadableMessage extends RuntimeException {

    public UnreadableMessage(String reason) {
        super(reason, null, false, false);
    }

    /** A message whose type attribute is missing or names none of the types its consumer reads. */
    public static UnreadableMessage unexpectedType(String typeAttribute, String actualType, String... expectedTypes) {
        return new UnreadableMessage("its " + typeAttribute + " attribute is "
                + (actualType == null ? "missing" : "'" + actualType + "'") + ", not "
                + String.join(" or ", expectedTypes));
    }
}

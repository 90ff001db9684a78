package dev.serverlesspatterns.checkout.order;

/** No carrier delivers to the checkout's country: a business outcome, so the state machine compensates. */
public class DeliveryNotPossibleException extends RuntimeException {

    DeliveryNotPossibleException(String message) {
        super(message);
    }
}

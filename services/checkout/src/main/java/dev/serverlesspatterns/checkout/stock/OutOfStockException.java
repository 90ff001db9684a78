package dev.serverlesspatterns.checkout.stock;

/**
 * A line asks for more than the sku has, or for a sku that is not sold: a business outcome, so the state machine
 * does not retry it. Its class name is the error the execution sees.
 */
public class OutOfStockException extends RuntimeException {

    OutOfStockException(String message) {
        super(message);
    }
}

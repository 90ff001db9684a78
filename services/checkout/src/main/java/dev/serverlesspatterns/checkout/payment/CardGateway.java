package dev.serverlesspatterns.checkout.payment;

import org.springframework.stereotype.Component;

/**
 * The card gateway in test mode: each test token stands for one behaviour of a real gateway, so a test (or a person
 * trying the API) picks a failure by what it sends, as with a payment provider's test cards. Any other token is
 * declined.
 *
 * <table>
 *   <caption>Test tokens</caption>
 *   <tr><th>Token</th><th>Charge</th><th>Refund</th></tr>
 *   <tr><td>{@code tok_visa}</td><td>charged</td><td>refunded</td></tr>
 *   <tr><td>{@code tok_chargeDeclined}</td><td>declined</td><td>-</td></tr>
 *   <tr><td>{@code tok_unavailableTwice}</td><td>gateway unavailable on the first two calls, then charged</td>
 *       <td>refunded</td></tr>
 *   <tr><td>{@code tok_threeDSecure}</td><td>pending on the first call (the customer confirms with their bank),
 *       charged on the next</td><td>refunded</td></tr>
 *   <tr><td>{@code tok_refundRefused}</td><td>charged</td><td>refused</td></tr>
 * </table>
 */
@Component
class CardGateway {

    enum Outcome {
        CHARGED,
        PENDING,
        DECLINED,
        UNAVAILABLE
    }

    /** @param call which call for this payment this is, from 1 (the gateway sees retries as calls) */
    Outcome charge(String cardToken, long call) {
        return switch (cardToken) {
            case "tok_visa", "tok_refundRefused" -> Outcome.CHARGED;
            case "tok_unavailableTwice" -> call <= 2 ? Outcome.UNAVAILABLE : Outcome.CHARGED;
            case "tok_threeDSecure" -> call == 1 ? Outcome.PENDING : Outcome.CHARGED;
            default -> Outcome.DECLINED;
        };
    }

    boolean refund(String cardToken) {
        return !cardToken.equals("tok_refundRefused");
    }
}

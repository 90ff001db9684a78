package dev.serverlesspatterns.events.checkout;

import java.util.List;

/**
 * Body of {@code POST /checkouts}; {@link dev.serverlesspatterns.events.Schema#START_CHECKOUT} is its wire contract.
 *
 * @param cardToken the payment provider's token of the customer's card (never the card number)
 * @param deliveryCountry ISO 3166-1 alpha-2
 */
public record StartCheckoutRequest(List<Line> items, String cardToken, String deliveryCountry) {

    public record Line(String sku, int quantity) {}
}

package dev.serverlesspatterns.checkout.api;

import dev.serverlesspatterns.events.checkout.StartCheckoutRequest;
import java.util.List;

/** The execution's input: the checkout as the state machine's states read it ({@code $.checkoutId}, ...). */
record CheckoutInput(
        String checkoutId,
        String customerId,
        List<StartCheckoutRequest.Line> items,
        String cardToken,
        String deliveryCountry) {}

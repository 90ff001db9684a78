package dev.serverlesspatterns.orders.order;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Points the orders functions' Lambda client at {@link ConfirmationHandoffs}, once per test JVM. Every test class
 * that places orders registers it: the SDK reads {@code aws.endpointUrlLambda} when the client is built, which
 * happens once, on the first order the warm PlaceOrderFunction handler places.
 */
public final class ConfirmationHandoffsExtension implements BeforeAllCallback, ParameterResolver {

    private static final String LAMBDA_ENDPOINT_PROPERTY = "aws.endpointUrlLambda";

    @Override
    public void beforeAll(ExtensionContext context) {
        handoffs(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ConfirmationHandoffs.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return handoffs(context);
    }

    private static ConfirmationHandoffs handoffs(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(ConfirmationHandoffsExtension.class))
                .computeIfAbsent(
                        ConfirmationHandoffs.class,
                        type -> {
                            ConfirmationHandoffs handoffs = ConfirmationHandoffs.start();
                            System.setProperty(
                                    LAMBDA_ENDPOINT_PROPERTY,
                                    handoffs.endpoint().toString());
                            return handoffs;
                        },
                        ConfirmationHandoffs.class);
    }
}

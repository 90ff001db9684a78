package dev.serverlesspatterns.platform.api;

import org.springframework.cloud.function.context.catalog.FunctionAroundWrapper;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Hands every API Gateway event to its function whole. SCF's AWS adapter copies a body that is a JSON array into a
 * {@code payload} header, and the function registry then calls the function once per array element, each element
 * converted into an API Gateway event of its own: {@code []} calls it never (the invoker fails and API Gateway answers
 * 502), and {@code [{"requestContext":...}]} hands it an event whose authorizer context the client wrote. Without
 * that header the function gets the real event, whose body its {@link RequestBodyReader} refuses with a 400.
 *
 * <p>SCF runs one such wrapper around every invocation, on Lambda and in the local endpoint alike; while this one
 * exists, SCF's observation wrapper backs off. SCF marks a function as running inside its wrapper with a flag on the
 * function, which it caches: Lambda runs one invocation per environment at a time, but a local service that runs one
 * function for two requests at once may run the second without this wrapper.
 */
class WholeApiGatewayEvents extends FunctionAroundWrapper {

    /** The headers the adapter sets ({@code AWSLambdaUtils} keeps their names package-private). */
    private static final String API_GATEWAY_HEADER = "aws-api-gateway";

    private static final String ELEMENTS_HEADER = "payload";

    @Override
    protected Object doApply(Object input, FunctionInvocationWrapper function) {
        if (input instanceof Message<?> message
                && Boolean.TRUE.equals(message.getHeaders().get(API_GATEWAY_HEADER))
                && message.getHeaders().containsKey(ELEMENTS_HEADER)) {
            return function.apply(MessageBuilder.fromMessage(message)
                    .removeHeader(ELEMENTS_HEADER)
                    .build());
        }
        return function.apply(input);
    }
}

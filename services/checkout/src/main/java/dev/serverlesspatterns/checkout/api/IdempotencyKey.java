package dev.serverlesspatterns.checkout.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.Headers;
import java.util.regex.Pattern;

/**
 * The client's {@code Idempotency-Key} header, required: it names the checkout, so a retried request finds the
 * execution its first attempt started.
 */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";

    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    static IdempotencyKey of(APIGatewayProxyRequestEvent request) {
        String value = Headers.first(request.getHeaders(), HEADER);
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new ApiProblemException(ApiProblem.of(
                    400,
                    "INVALID_IDEMPOTENCY_KEY",
                    "Send an Idempotency-Key header of 1 to 64 characters of A-Z, a-z, 0-9, '-' and '_'; a retry sends"
                            + " the same key."));
        }
        return new IdempotencyKey(value);
    }
}

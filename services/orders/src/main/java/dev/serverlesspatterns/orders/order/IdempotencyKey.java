package dev.serverlesspatterns.orders.order;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.Headers;
import java.util.Optional;
import java.util.regex.Pattern;

/** The client's {@code Idempotency-Key} header: one key, one order, however often the request is retried. */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";

    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    IdempotencyKey {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new ApiProblemException(ApiProblem.of(
                    400,
                    "INVALID_IDEMPOTENCY_KEY",
                    "The Idempotency-Key header must be 1 to 64 characters of A-Z, a-z, 0-9, '-' and '_'."));
        }
    }

    static Optional<IdempotencyKey> of(APIGatewayProxyRequestEvent request) {
        return Optional.ofNullable(Headers.first(request.getHeaders(), HEADER)).map(IdempotencyKey::new);
    }
}

package dev.serverlesspatterns.orders.order;

import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import java.util.Base64;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@link PageKey} into the opaque {@code nextToken} of {@code GET /orders} and back. A token is
 * base64url JSON, not a secret: decoding accepts only a well-formed key of the customer being listed, so an
 * edited token is a 400 rather than a query that starts anywhere in someone else's orders.
 */
@Component
class NextTokenCodec {

    private static final int MAX_TOKEN_LENGTH = 512;

    private final JsonMapper json;

    NextTokenCodec(JsonMapper json) {
        this.json = json;
    }

    String encode(PageKey key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(key));
    }

    PageKey decode(String token, String customerId) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        PageKey key;
        try {
            key = json.readValue(Base64.getUrlDecoder().decode(token), PageKey.class);
        } catch (IllegalArgumentException | JacksonException unreadable) {
            throw invalid();
        }
        if (key == null
                || !OrderIds.isWellFormed(key.orderId())
                || !customerId.equals(key.customerId())
                || key.createdAt() == null
                || !Timestamps.isWellFormed(key.createdAt())) {
            throw invalid();
        }
        return key;
    }

    private static ApiProblemException invalid() {
        return new ApiProblemException(ApiProblem.of(
                400,
                "INVALID_NEXT_TOKEN",
                "The nextToken is not one this API issued for this customer; start again without it."));
    }
}

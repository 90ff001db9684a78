package dev.serverlesspatterns.reporting.report;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/** A report's 200 answer, with {@code X-Cache} saying whether the cache alone answered it. */
final class CachedResponses {

    static final String HEADER = "X-Cache";

    private CachedResponses() {}

    static APIGatewayProxyResponseEvent ok(String json, boolean hit) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "application/json", HEADER, hit ? "HIT" : "MISS"))
                .withBody(json)
                .withIsBase64Encoded(false);
    }
}

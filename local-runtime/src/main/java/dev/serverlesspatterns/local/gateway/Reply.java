package dev.serverlesspatterns.local.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HTTP response the gateway sends the client. */
record Reply(int status, Map<String, List<String>> headers, byte[] body) {

    static Reply json(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("Content-Type", List.of("application/json"));
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        return new Reply(status, all, body.getBytes(StandardCharsets.UTF_8));
    }

    /** API Gateway's answer when the integration itself broke, whatever the template says. */
    static Reply internalServerError() {
        return json(
                500,
                "{\"message\": \"Internal server error\"}",
                Map.of("x-amzn-ErrorType", "InternalServerErrorException"));
    }
}

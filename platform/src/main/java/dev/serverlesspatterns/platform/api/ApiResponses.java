package dev.serverlesspatterns.platform.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Builds API Gateway proxy responses with JSON bodies, so every function answers in the same shape. */
public class ApiResponses {

    private final JsonMapper json;

    public ApiResponses(JsonMapper json) {
        this.json = json;
    }

    public APIGatewayProxyResponseEvent json(int status, Object body) {
        return response(status, "application/json", json.writeValueAsString(body));
    }

    public APIGatewayProxyResponseEvent problem(ApiProblem problem) {
        return response(problem.status(), ApiProblem.MEDIA_TYPE, json.writeValueAsString(problem));
    }

    public APIGatewayProxyResponseEvent noContent() {
        return new APIGatewayProxyResponseEvent().withStatusCode(204).withHeaders(Map.of());
    }

    private static APIGatewayProxyResponseEvent response(int status, String contentType, String body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", contentType))
                .withBody(body)
                .withIsBase64Encoded(false);
    }
}

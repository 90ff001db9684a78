package dev.serverlesspatterns.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlainJavaFloorTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void answersAnApiGatewayEventLikeAProxyIntegration() {
        // given an API Gateway proxy event
        JsonNode event = json.readTree("{\"httpMethod\":\"POST\",\"path\":\"/orders\",\"body\":\"{}\"}");

        // when the floor answers it
        JsonNode answer = PlainJavaFloor.answerTo(json, event);

        // then the answer has the shape API Gateway expects
        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.path("headers").path("Content-Type").asString()).isEqualTo("application/json");
        assertThat(json.readTree(answer.path("body").asString()).path("path").asString())
                .isEqualTo("/orders");
    }

    @Test
    void echoesTheFirstFieldOfAnyOtherEvent() {
        // given a TOKEN authorizer event
        JsonNode event = json.readTree("{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer x\"}");

        // when the floor answers it
        JsonNode answer = PlainJavaFloor.answerTo(json, event);

        // then it echoes the first field
        assertThat(answer.path("type").asString()).isEqualTo("TOKEN");
        assertThat(answer.size()).isEqualTo(1);
    }
}

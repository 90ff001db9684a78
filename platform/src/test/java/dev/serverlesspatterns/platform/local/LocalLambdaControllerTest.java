package dev.serverlesspatterns.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service launched by the local runtime answers invocations exactly as Lambda's Invoke API would. */
class LocalLambdaControllerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext service;
    private static URI base;
    private static URI functions;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class GreetingService {

        @Bean
        Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> greet(ApiResponses responses) {
            return request -> responses.json(
                    200,
                    Map.of(
                            "greeting",
                            "hello " + request.getPathParameters().get("name"),
                            "caller",
                            Caller.of(request).principalId()));
        }

        @Bean
        Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> explode() {
            return request -> {
                throw new IllegalStateException("Unauthorized");
            };
        }
    }

    @BeforeAll
    static void startTheService(@TempDir Path launcher) throws IOException {
        // given a service started as the local runtime starts it: on port 0, reporting the port it got
        Path portFile = launcher.resolve("greeting.port");
        service = new SpringApplicationBuilder(GreetingService.class)
                // the launcher gives every service AWS_REGION; Spring Cloud AWS's SNS web support builds its client at
                // start
                .properties(
                        "server.port=0",
                        "platform.local.port-file=" + portFile,
                        "spring.cloud.aws.region.static=us-east-1")
                .run();
        int port = Integer.parseInt(Files.readString(portFile));
        base = URI.create("http://127.0.0.1:" + port);
        functions = base.resolve("/2015-03-31/functions");
    }

    @AfterAll
    static void stopTheService() {
        service.close();
    }

    @Test
    void reportsTheLoopbackPortItBoundAndIsHealthy() throws Exception {
        // when the launcher asks the reported port for the service's health
        HttpResponse<String> health = HTTP.send(
                HttpRequest.newBuilder(base.resolve("/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        // then a web app answers there, on loopback only
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("UP");
        assertThat(service.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void listsTheFunctionBeansItHosts() throws Exception {
        // when the local runtime asks which functions the service offers
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(functions).GET().build(), HttpResponse.BodyHandlers.ofString());

        // then it names its beans, and not SCF's router, which it gave no way to route
        assertThat(JSON.readValue(response.body(), String[].class))
                .contains("greet", "explode")
                .doesNotContain("functionRouter");
    }

    @Test
    void convertsTheRawApiGatewayEventLikeFunctionInvoker() throws Exception {
        // given a real API Gateway proxy event
        byte[] event = fixture("events/api-gateway-get.json");

        // when it is invoked
        HttpResponse<String> response = invoke("greet", event);

        // then the function saw the typed event and its answer is a proxy response without SCF's internal headers
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Amz-Function-Error")).isEmpty();
        JsonNode proxy = JSON.readTree(response.body());
        assertThat(proxy.get("statusCode").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(proxy.get("body").asString()).get("greeting").asString())
                .isEqualTo("hello ada");
        assertThat(JSON.readTree(proxy.get("body").asString()).get("caller").asString())
                .isEqualTo("ada");
        assertThat(proxy.get("headers").propertyNames()).containsExactly("Content-Type");
    }

    @Test
    void reportsAFunctionErrorTheWayLambdaDoes() throws Exception {
        // when a function throws
        HttpResponse<String> response = invoke("explode", fixture("events/api-gateway-get.json"));

        // then the invocation itself succeeds and carries the error as Lambda reports it
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("errorMessage").asString()).isEqualTo("Unauthorized");
        assertThat(error.get("errorType").asString()).isEqualTo(IllegalStateException.class.getName());
    }

    @Test
    void answersNotFoundForAnUnknownFunction() throws Exception {
        // when
        HttpResponse<String> response = invoke("noSuchFunction", "{}".getBytes());

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("errorType").asString()).isEqualTo("ResourceNotFoundException");
    }

    private static HttpResponse<String> invoke(String function, byte[] event) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(functions + "/" + function + "/invocations"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(event))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = LocalLambdaControllerTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}

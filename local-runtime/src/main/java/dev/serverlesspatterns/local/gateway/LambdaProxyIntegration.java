package dev.serverlesspatterns.local.gateway;

import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Lambda proxy integration: the proxy event in, the function's {@code statusCode}/{@code headers}/{@code body} out. */
final class LambdaProxyIntegration implements Integration {

    private static final Logger log = LoggerFactory.getLogger(LambdaProxyIntegration.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LambdaInvoker invoker;
    private final String functionLogicalId;

    LambdaProxyIntegration(LambdaInvoker invoker, String functionLogicalId) {
        this.invoker = invoker;
        this.functionLogicalId = functionLogicalId;
    }

    @Override
    public Reply call(GatewayRequest request, AuthorizerDecision decision) {
        InvocationResult result =
                invoker.invoke(functionLogicalId, JSON.writeValueAsBytes(ProxyEvents.request(request, decision)));
        if (result.failed()) {
            log.warn("{} failed: {}", functionLogicalId, result.payloadText());
            return badGateway();
        }
        JsonNode response;
        try {
            response = JSON.readTree(result.payload());
        } catch (JacksonException malformed) {
            response = JSON.createObjectNode();
        }
        if (!response.path("statusCode").canConvertToInt()) {
            log.warn("{} returned no proxy response: {}", functionLogicalId, result.payloadText());
            return badGateway();
        }
        // Single-value headers win over multi-value ones of the same name, as on API Gateway.
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.path("multiValueHeaders")
                .properties()
                .forEach(header -> header.getValue()
                        .forEach(value -> headers.computeIfAbsent(header.getKey(), name -> new ArrayList<>())
                                .add(value.asString())));
        response.path("headers")
                .properties()
                .forEach(header ->
                        headers.put(header.getKey(), List.of(header.getValue().asString())));
        String body = response.path("body").asString("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        return new Reply(response.path("statusCode").asInt(), headers, bytes);
    }

    private static Reply badGateway() {
        return Reply.json(
                502,
                "{\"message\": \"Internal server error\"}",
                Map.of("x-amzn-ErrorType", "InternalServerErrorException"));
    }
}

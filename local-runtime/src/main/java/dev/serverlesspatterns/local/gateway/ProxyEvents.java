package dev.serverlesspatterns.local.gateway;

import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the events API Gateway hands Lambda, field for field: the REST API proxy event, and the REQUEST authorizer
 * event, which carries the same request parameters and context but neither the body nor an authorizer context.
 */
final class ProxyEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ProxyEvents() {}

    static ObjectNode request(GatewayRequest request, AuthorizerDecision decision) {
        ObjectNode event = requestParameters(request);
        if (decision != null) {
            ObjectNode authorizer = ((ObjectNode) event.get("requestContext")).putObject("authorizer");
            authorizer.put("principalId", decision.principalId());
            decision.context().forEach(authorizer::putPOJO);
            authorizer.put("integrationLatency", 0);
        }
        if (request.body().length == 0) {
            event.putNull("body");
        } else {
            event.put("body", request.bodyText());
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    /** The input of a REQUEST Lambda authorizer, which has empty objects where the proxy event has nulls. */
    static ObjectNode authorizerRequest(GatewayRequest request) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "REQUEST");
        event.put("methodArn", request.methodArn());
        event.setAll(requestParameters(request));
        for (String parameters : List.of(
                "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables")) {
            if (event.get(parameters).isNull()) {
                event.putObject(parameters);
            }
        }
        return event;
    }

    private static ObjectNode requestParameters(GatewayRequest request) {
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", request.resourcePath());
        event.put("path", request.path());
        event.put("httpMethod", request.method());

        ObjectNode headers = event.putObject("headers");
        ObjectNode multiValueHeaders = event.putObject("multiValueHeaders");
        request.exchange().getRequestHeaders().forEach((name, values) -> {
            headers.put(name, values.getLast());
            ArrayNode all = multiValueHeaders.putArray(name);
            values.forEach(all::add);
        });

        Map<String, List<String>> query = request.queryParameters();
        if (query.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode single = event.putObject("queryStringParameters");
            ObjectNode multi = event.putObject("multiValueQueryStringParameters");
            query.forEach((name, values) -> {
                single.put(name, values.getLast());
                ArrayNode all = multi.putArray(name);
                values.forEach(all::add);
            });
        }
        if (request.pathParameters().isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode parameters = event.putObject("pathParameters");
            request.pathParameters().forEach((name, value) -> parameters.put(name, decodePathParameter(value)));
        }
        event.putNull("stageVariables");

        ObjectNode context = event.putObject("requestContext");
        context.put("resourceId", Integer.toHexString(request.resourcePath().hashCode()));
        context.put("resourcePath", request.resourcePath());
        context.put("httpMethod", request.method());
        context.put("extendedRequestId", request.requestId());
        context.put("requestTime", REQUEST_TIME.format(request.time()));
        context.put("path", "/" + request.stage() + request.path());
        context.put("accountId", AwsEndpoint.ACCOUNT_ID);
        context.put("protocol", request.exchange().getProtocol());
        context.put("stage", request.stage());
        context.put("domainPrefix", "localhost");
        context.put("requestTimeEpoch", request.time().toEpochMilli());
        context.put("requestId", request.requestId());
        ObjectNode identity = context.putObject("identity");
        identity.put("sourceIp", request.sourceIp());
        identity.put("userAgent", request.header("User-Agent"));
        List.of(
                        "cognitoIdentityPoolId",
                        "accountId",
                        "cognitoIdentityId",
                        "caller",
                        "accessKey",
                        "cognitoAuthenticationType",
                        "cognitoAuthenticationProvider",
                        "userArn",
                        "user")
                .forEach(identity::putNull);
        context.put("domainName", request.header("Host"));
        context.put("apiId", request.apiId());
        return event;
    }

    /** Path parameters are percent-decoded, but a literal {@code +} stays a plus, unlike in a query string. */
    static String decodePathParameter(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

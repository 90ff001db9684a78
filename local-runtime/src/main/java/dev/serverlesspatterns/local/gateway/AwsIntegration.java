package dev.serverlesspatterns.local.gateway;

import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.template.OpenApiDefinition;
import dev.serverlesspatterns.local.template.OpenApiDefinition.IntegrationResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * An AWS service integration ({@code type: aws}) with a path-style URI such as
 * {@code arn:aws:apigateway:us-east-1:sqs:path/000000000000/queue}, or an action-style one for a service of the JSON
 * protocol such as {@code arn:aws:apigateway:us-east-1:dynamodb:action/PutItem}: API Gateway renders the request
 * template, sets the integration request's parameters, signs the request for the service and sends it to the
 * service's endpoint (here, the AWS emulator), at that path or, for an action, at the root with the action as
 * {@code X-Amz-Target} and the protocol's content type. The service's status code selects the integration response
 * like on API Gateway: the first whose selection pattern matches, else {@code default}, which therefore also catches
 * errors.
 */
final class AwsIntegration implements Integration {

    private static final Logger log = LoggerFactory.getLogger(AwsIntegration.class);
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();
    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    /** The JSON-protocol services an action-style URI can call: their target prefix and content type. */
    private static final Map<String, JsonProtocol> JSON_PROTOCOLS = Map.of(
            "dynamodb", new JsonProtocol("DynamoDB_20120810", "application/x-amz-json-1.0"),
            "kinesis", new JsonProtocol("Kinesis_20131202", "application/x-amz-json-1.1"));

    private record JsonProtocol(String targetPrefix, String contentType) {}

    private record ResponseMapping(
            Pattern selectionPattern,
            int statusCode,
            String contentType,
            Optional<MappingTemplate> template,
            Map<String, Function<HttpResponse<String>, String>> headers) {}

    private final String description;
    private final String service;
    private final String region;
    private final URI target;
    /** The action's {@code X-Amz-Target} and content type; {@code null} for a path-style URI. */
    private final Map<String, String> actionHeaders;

    private final String httpMethod;
    private final String passthroughBehavior;
    private final Map<String, MappingTemplate> requestTemplates;
    private final Map<String, Function<GatewayRequest, String>> headers;
    private final Map<String, Function<GatewayRequest, String>> queryParameters;
    private final List<ResponseMapping> responses;
    private final Duration timeout;
    private final AwsEndpoint endpoint;
    private final HttpClient http;

    /**
     * @param uri the integration's URI, intrinsics resolved
     * @param requestTemplates the request templates per content type, intrinsics resolved
     * @param description the API, method and path, for logs and error messages
     */
    AwsIntegration(
            OpenApiDefinition.Integration integration,
            String uri,
            Map<String, String> requestTemplates,
            String description,
            AwsEndpoint endpoint,
            HttpClient http) {
        this.description = description;
        // arn:aws:apigateway:{region}:{subdomain.}{service}:path/{path} or ...:{service}:action/{action}
        String[] arn = uri.split(":", 6);
        String service = arn.length < 6 ? "" : arn[4].substring(arn[4].lastIndexOf('.') + 1);
        boolean byPath = arn.length == 6 && arn[5].startsWith("path/");
        boolean byAction = arn.length == 6 && arn[5].startsWith("action/") && JSON_PROTOCOLS.containsKey(service);
        if (!(byPath || byAction) || !arn[2].equals("apigateway")) {
            throw new UnsupportedOperationException(description + " integrates " + uri
                    + "; the local runtime calls AWS services by path (arn:aws:apigateway:{region}:{service}:path/...)"
                    + " or, for " + JSON_PROTOCOLS.keySet() + ", by action (...:{service}:action/{Action})");
        }
        this.region = arn[3];
        this.service = service;
        if (byPath) {
            this.target = endpoint.endpoint().resolve("/" + arn[5].substring("path/".length()));
            this.actionHeaders = null;
        } else {
            JsonProtocol protocol = JSON_PROTOCOLS.get(service);
            this.target = endpoint.endpoint().resolve("/");
            this.actionHeaders = Map.of(
                    "X-Amz-Target",
                    protocol.targetPrefix() + "." + arn[5].substring("action/".length()),
                    "Content-Type",
                    protocol.contentType());
        }
        this.httpMethod = integration.httpMethod();
        this.passthroughBehavior = integration.passthroughBehavior();
        this.requestTemplates = new LinkedHashMap<>();
        requestTemplates.forEach((contentType, template) -> this.requestTemplates.put(
                contentType.toLowerCase(Locale.ROOT),
                MappingTemplate.compile(template, description + " request template " + contentType)));
        this.headers = new LinkedHashMap<>();
        this.queryParameters = new LinkedHashMap<>();
        integration.requestParameters().forEach((parameter, source) -> {
            Function<GatewayRequest, String> value = requestValue(source, description + " " + parameter);
            if (parameter.startsWith("integration.request.header.")) {
                headers.put(parameter.substring("integration.request.header.".length()), value);
            } else if (parameter.startsWith("integration.request.querystring.")) {
                queryParameters.put(parameter.substring("integration.request.querystring.".length()), value);
            } else {
                throw new UnsupportedOperationException(
                        description + " maps " + parameter + "; the local runtime maps headers and query strings only");
            }
        });
        this.responses = integration.responses().stream()
                .map(response -> responseMapping(response, description))
                .toList();
        this.timeout = Duration.ofMillis(integration.timeoutMillis());
        this.endpoint = endpoint;
        this.http = http;
    }

    @Override
    public Reply call(GatewayRequest request, AuthorizerDecision decision) {
        byte[] body = integrationBody(request, decision);
        HttpResponse<String> response;
        try {
            response = http.send(signed(request, body), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException slow) {
            throw new GatewayRefusal("INTEGRATION_TIMEOUT");
        } catch (IOException failure) {
            log.error("{}: {} could not be called at {}", description, service, target, failure);
            return Reply.internalServerError();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Reply.internalServerError();
        }
        return methodResponse(request, decision, response);
    }

    /** The request template for the body's media type, or the passthrough behaviour when there is none. */
    private byte[] integrationBody(GatewayRequest request, AuthorizerDecision decision) {
        MappingTemplate template = requestTemplates.get(request.mediaType());
        if (template != null) {
            return template.render(MappingTemplate.scope(request, decision, request.bodyText()))
                    .getBytes(StandardCharsets.UTF_8);
        }
        boolean passThrough = switch (passthroughBehavior) {
            case "when_no_match" -> true;
            case "when_no_templates" -> requestTemplates.isEmpty();
            default -> false;
        };
        if (!passThrough) {
            throw new GatewayRefusal("UNSUPPORTED_MEDIA_TYPE");
        }
        return request.body();
    }

    private HttpRequest signed(GatewayRequest request, byte[] body) {
        StringBuilder query = new StringBuilder();
        queryParameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value.apply(request), StandardCharsets.UTF_8)));
        URI uri = query.isEmpty() ? target : URI.create(target + "?" + query);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(httpMethod));
        String contentType = request.header("Content-Type");
        unsigned.putHeader("Content-Type", contentType == null ? "application/json" : contentType);
        headers.forEach((name, value) -> unsigned.putHeader(name, value.apply(request)));
        if (actionHeaders != null) {
            actionHeaders.forEach(unsigned::putHeader);
        }
        SdkHttpRequest signedRequest = SIGNER.sign(signing -> signing.identity(
                                AwsCredentialsIdentity.create(endpoint.accessKeyId(), endpoint.secretAccessKey()))
                        .request(unsigned.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region))
                .request();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(httpMethod, HttpRequest.BodyPublishers.ofByteArray(body));
        signedRequest.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private Reply methodResponse(GatewayRequest request, AuthorizerDecision decision, HttpResponse<String> response) {
        String status = String.valueOf(response.statusCode());
        Optional<ResponseMapping> selected = responses.stream()
                .filter(mapping -> mapping.selectionPattern() == null
                        || mapping.selectionPattern().matcher(status).matches())
                .findFirst();
        if (selected.isEmpty()) {
            log.error(
                    "{}: {} answered {} and no integration response matches it (no match for output mapping and no"
                            + " default output mapping): {}",
                    description,
                    service,
                    status,
                    response.body());
            return Reply.internalServerError();
        }
        ResponseMapping mapping = selected.get();
        if (response.statusCode() / 100 != 2) {
            log.warn(
                    "{}: {} answered {}: {}; the {} integration response maps it to {}, as API Gateway would",
                    description,
                    service,
                    status,
                    response.body(),
                    mapping.selectionPattern() == null ? "default" : "'" + mapping.selectionPattern() + "'",
                    mapping.statusCode());
        }
        String body = mapping.template()
                .map(template -> template.render(MappingTemplate.scope(request, decision, response.body())))
                .orElse(response.body());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", mapping.contentType());
        mapping.headers().forEach((name, value) -> headers.put(name, value.apply(response)));
        return Reply.json(mapping.statusCode(), body, headers);
    }

    /** A method request value ({@code method.request.header.X}, ...) or a static {@code 'text'}. */
    static Function<GatewayRequest, String> requestValue(String source, String usedBy) {
        for (String location : List.of("header", "querystring", "path")) {
            String prefix = "method.request." + location + ".";
            if (source.startsWith(prefix)) {
                String name = source.substring(prefix.length());
                return request -> {
                    String value = switch (location) {
                        case "header" -> request.header(name);
                        case "querystring" -> request.queryParameter(name);
                        default -> request.pathParameters().get(name);
                    };
                    return value == null ? "" : value;
                };
            }
        }
        String text = OpenApiDefinition.staticValue(source, usedBy);
        return request -> text;
    }

    private static ResponseMapping responseMapping(IntegrationResponse response, String description) {
        Map<String, String> templates = response.responseTemplates();
        String contentType = templates.containsKey("application/json") || templates.isEmpty()
                ? "application/json"
                : templates.keySet().iterator().next();
        Optional<MappingTemplate> template = Optional.ofNullable(templates.get(contentType))
                .map(text -> MappingTemplate.compile(
                        text, description + " integration response " + response.statusCode() + " template"));
        Map<String, Function<HttpResponse<String>, String>> headers = new LinkedHashMap<>();
        response.responseParameters().forEach((parameter, source) -> {
            if (!parameter.startsWith("method.response.header.")) {
                throw new UnsupportedOperationException(
                        description + " maps " + parameter + "; the local runtime maps method response headers only");
            }
            String name = parameter.substring("method.response.header.".length());
            if (source.startsWith("integration.response.header.")) {
                String header = source.substring("integration.response.header.".length());
                headers.put(
                        name, backend -> backend.headers().firstValue(header).orElse(""));
            } else {
                String text = OpenApiDefinition.staticValue(source, description + " " + parameter);
                headers.put(name, backend -> text);
            }
        });
        return new ResponseMapping(
                response.selectionPattern() == null ? null : Pattern.compile(response.selectionPattern()),
                response.statusCode(),
                contentType,
                template,
                headers);
    }
}

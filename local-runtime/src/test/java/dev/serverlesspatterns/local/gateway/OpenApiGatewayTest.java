package dev.serverlesspatterns.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.RestApiDefinition;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API defined by an inline OpenAPI {@code DefinitionBody}, the Scalable Webhook's shape: API Gateway straight
 * into the emulator's SQS queue behind a REQUEST authorizer and a body validator, with the definition's gateway
 * responses; next to an API of the suite's usual kind, from its functions' {@code Api} events.
 */
@ExtendWith(SharedEmulator.class)
class OpenApiGatewayTest {

    private static final String AUTHORIZER = "VerifyWebhookSignatureFunction";
    private static final String WEBHOOK = """
            {"eventId": "evt-1", "type":"payment.succeeded","paymentId":"pay-7",
              "amount":{"value":1250,"currency":"EUR"}}""";
    private static final String DIGEST = "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static AwsEmulator emulator;
    private static SqsClient sqs;
    private static String queueUrl;
    private static ScriptedFunctions functions;
    private static ApiGateway webhooks;
    private static ApiGateway shop;
    private static HttpClient http;

    @BeforeAll
    static void startTheGateways(AwsEmulator shared) {
        emulator = shared;
        sqs = emulator.endpoint().configure(SqsClient.builder());
        SamTemplate template = template();
        Stack stack = Provisioner.provision(template, emulator.endpoint(), "webhook-test", Map.of());
        queueUrl = stack.ref("PaymentWebhooksQueue");
        functions = new ScriptedFunctions()
                .answering(AUTHORIZER, OpenApiGatewayTest::verifySignature)
                .answering("AuthorizeRequestFunction", event -> ScriptedFunctions.policy("Allow", event))
                .answering(
                        "ListOrdersFunction",
                        event -> ScriptedFunctions.returning(
                                "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"[]\"}"));
        webhooks =
                ApiGateway.start(api(template, "PaymentWebhooksApi"), stack, functions, loopback(), Clock.systemUTC());
        shop = ApiGateway.start(api(template, "ShopApi"), stack, functions, loopback(), Clock.systemUTC());
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stopEverything() {
        http.close();
        shop.close();
        webhooks.close();
        sqs.close();
    }

    @BeforeEach
    void emptyTheQueue() {
        sqs.purgeQueue(request -> request.queueUrl(queueUrl));
        functions.forget();
    }

    @Test
    void queuesAValidSignedWebhookExactlyAsSentAndAccepts() {
        // given a signed webhook whose body has spacing, non-ASCII text and form-encoding characters
        String body = WEBHOOK.replace("pay-7", "pay-7 +&= €");

        // when it is posted
        HttpResponse<String> response = post("/webhooks/payments", body, signed());

        // then the default integration response answers, and the queue holds the body byte for byte once
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        List<Message> messages = receive();
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo(body);
            assertThat(message.messageAttributes().get("ContentDigest").stringValue())
                    .isEqualTo(DIGEST);
        });
        assertThat(functions.events(AUTHORIZER)).hasSize(1);
    }

    @Test
    void refusesAWebhookWithoutSignatureWithoutAskingTheAuthorizer() {
        // given a webhook without its signature header
        Map<String, String> headers = signed();
        headers.remove("Webhook-Signature");

        // when it is posted
        HttpResponse<String> response = post("/webhooks/payments", WEBHOOK, headers);

        // then the definition's UNAUTHORIZED response answers, the authorizer never ran and nothing was queued
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("BAD_SIGNATURE");
        assertThat(functions.events(AUTHORIZER)).isEmpty();
        assertThat(queueSize()).isZero();
    }

    @Test
    void refusesAnEmptyIdentitySourceLikeAMissingOne() {
        // given a webhook whose digest header is empty
        Map<String, String> headers = signed();
        headers.put("Content-Digest", "");

        // when it is posted
        HttpResponse<String> response = post("/webhooks/payments", WEBHOOK, headers);

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(functions.events(AUTHORIZER)).isEmpty();
    }

    @Test
    void answers401WhenTheAuthorizerThrowsUnauthorized() {
        // given a signature the authorizer rejects by throwing "Unauthorized"
        Map<String, String> headers = signed();
        headers.put("Webhook-Signature", "sha256=forged");

        // when it is posted
        HttpResponse<String> response = post("/webhooks/payments", WEBHOOK, headers);

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("BAD_SIGNATURE");
        assertThat(functions.events(AUTHORIZER)).hasSize(1);
        assertThat(queueSize()).isZero();
    }

    @Test
    void answers403WhenTheAuthorizerDenies() {
        // given a signature the authorizer answers with a Deny policy
        Map<String, String> headers = signed();
        headers.put("Webhook-Signature", "sha256=revoked");

        // when it is posted
        HttpResponse<String> response = post("/webhooks/payments", WEBHOOK, headers);

        // then API Gateway's own ACCESS_DENIED response answers (the definition does not customise it)
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body())
                .isEqualTo("{\"message\":\"User is not authorized to access this resource with an explicit deny\"}");
        assertThat(queueSize()).isZero();
    }

    @Test
    void refusesAWebhookThatBreaksTheSchemaWithTheValidationError() {
        // given a webhook missing a required field and carrying one the schema does not allow, validly signed
        String body =
                "{\"eventId\":\"evt-1\",\"type\":\"payment.succeeded\",\"amount\":{\"value\":1,\"currency\":\"EUR\"},"
                        + "\"extra\":true}";

        // when it is posted
        HttpResponse<String> response = post("/webhooks/payments", body, signed());

        // then the authorizer ran first, and the BAD_REQUEST_BODY template carries API Gateway's validation text
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .startsWith("{\"type\":\"https://serverlesspatterns.dev/problems/invalid-webhook\"")
                .contains("\"code\":\"INVALID_WEBHOOK\"")
                .contains("object has missing required properties ([\"paymentId\"])")
                .contains("object instance has properties which are not allowed by the schema: [\"extra\"]");
        assertThat(functions.events(AUTHORIZER)).hasSize(1);
        assertThat(queueSize()).isZero();
    }

    @Test
    void validatesTheModelsTheSchemaReferences() {
        // given a webhook whose nested amount has a currency outside the Money model's enum
        String body = WEBHOOK.replace("\"EUR\"", "\"GBP\"");

        // when it is posted
        HttpResponse<String> response = post("/webhooks/payments", body, signed());

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("instance value (\"GBP\") not found in enum (possible values: [\"EUR\",\"USD\"])");
        assertThat(queueSize()).isZero();
    }

    @Test
    void refusesMalformedJson() {
        // when a truncated JSON body is posted
        HttpResponse<String> response = post("/webhooks/payments", "{\"eventId\":\"evt-1\",", signed());

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("INVALID_WEBHOOK");
        assertThat(JSON.readTree(response.body()).path("detail").asString()).startsWith("[Unexpected end-of-input");
        assertThat(queueSize()).isZero();
    }

    @Test
    void refusesAnOverLongField() {
        // given a payment id longer than the schema's maxLength of 64
        String body = WEBHOOK.replace("pay-7", "p".repeat(65));

        // when it is posted
        HttpResponse<String> response = post("/webhooks/payments", body, signed());

        // then the text lands in the template verbatim, quotes unescaped, as API Gateway substitutes it
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .endsWith("\"detail\":\"[string \"" + "p".repeat(65)
                        + "\" is too long (length: 65, maximum allowed: 64)]\"}");
        assertThat(queueSize()).isZero();
    }

    @Test
    void refusesABodyOverTenMegabytesBeforeTheAuthorizer() {
        // given a body one byte over API Gateway's 10 MB payload limit
        String body = "x".repeat(10 * 1024 * 1024 + 1);

        // when it is posted
        HttpResponse<String> response = post("/webhooks/payments", body, signed());

        // then the definition's REQUEST_TOO_LARGE response answers
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("WEBHOOK_TOO_LARGE");
        assertThat(functions.events(AUTHORIZER)).isEmpty();
        assertThat(queueSize()).isZero();
    }

    @Test
    void refusesABodyOfAMediaTypeWithoutTemplateWhenPassthroughIsNever() {
        // given a signed webhook sent as text, for which the integration has no request template
        Map<String, String> headers = signed();
        headers.put("Content-Type", "text/plain");

        // when it is posted
        HttpResponse<String> response = post("/webhooks/payments", WEBHOOK, headers);

        // then
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
        assertThat(queueSize()).isZero();
    }

    @Test
    void handsTheRequestAuthorizerTheDocumentedEvent() {
        // when a signed webhook is posted with a query string
        HttpResponse<String> response = post("/webhooks/payments?source=psp&source=retry", WEBHOOK, signed());

        // then the authorizer got a REQUEST event with the documented fields, and without the body
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode event = functions.events(AUTHORIZER).getFirst();
        JsonNode documented = fixture("api-gateway-request-authorizer-event.json");
        assertThat(event.propertyNames()).containsExactlyInAnyOrderElementsOf(documented.propertyNames());
        assertThat(event.path("requestContext").propertyNames())
                .containsAll(documented.path("requestContext").propertyNames());
        assertThat(event.path("type").asString()).isEqualTo("REQUEST");
        assertThat(event.path("methodArn").asString())
                .isEqualTo("arn:aws:execute-api:" + emulator.endpoint().region() + ":000000000000:local/v1/POST"
                        + "/webhooks/payments");
        assertThat(event.path("resource").asString()).isEqualTo("/webhooks/payments");
        assertThat(event.path("path").asString()).isEqualTo("/webhooks/payments");
        assertThat(event.path("httpMethod").asString()).isEqualTo("POST");
        assertThat(ScriptedFunctions.header(event, "Webhook-Signature")).isEqualTo("sha256=valid");
        assertThat(ScriptedFunctions.header(event, "Content-Digest")).isEqualTo(DIGEST);
        assertThat(event.path("queryStringParameters").path("source").asString())
                .isEqualTo("retry");
        assertThat(event.path("multiValueQueryStringParameters")
                        .path("source")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactly("psp", "retry");
        assertThat(event.path("pathParameters").isEmpty()).isTrue();
        assertThat(event.path("stageVariables").isEmpty()).isTrue();
        assertThat(event.path("requestContext").path("resourcePath").asString()).isEqualTo("/webhooks/payments");
        assertThat(event.path("requestContext").path("stage").asString()).isEqualTo("v1");
        assertThat(event.path("requestContext").path("requestId").asString())
                .isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertThat(event.path("requestContext")
                        .path("identity")
                        .path("sourceIp")
                        .asString())
                .isEqualTo("127.0.0.1");
        assertThat(event.has("body")).isFalse();
    }

    @Test
    void asksTheAuthorizerOnEveryRequestWhenItsResultTtlIsZero() {
        // when the same signed webhook is posted twice
        post("/webhooks/payments", WEBHOOK, signed());
        post("/webhooks/payments", WEBHOOK, signed());

        // then
        assertThat(functions.events(AUTHORIZER)).hasSize(2);
        assertThat(receive()).hasSize(2);
    }

    @Test
    void cachesTheAuthorizersAnswerPerIdentitySourceValues() {
        // when two webhooks come with the same signature and tenant, and a third for another tenant
        HttpResponse<String> first = post("/webhooks/refunds?tenant=acme", WEBHOOK, signed());
        HttpResponse<String> second = post("/webhooks/refunds?tenant=acme", WEBHOOK, signed());
        HttpResponse<String> third = post("/webhooks/refunds?tenant=globex", WEBHOOK, signed());

        // then the authorizer ran once per tenant, and each message carries its request id and tenant
        assertThat(List.of(first, second, third))
                .extracting(HttpResponse::statusCode)
                .containsOnly(202);
        assertThat(functions.events(AUTHORIZER)).hasSize(2);
        List<Message> messages = receive();
        assertThat(messages)
                .extracting(
                        message -> message.messageAttributes().get("RequestId").stringValue())
                .containsExactlyInAnyOrder(requestId(first), requestId(second), requestId(third));
        assertThat(messages)
                .extracting(message -> message.messageAttributes().get("Tenant").stringValue())
                .containsExactlyInAnyOrder("acme", "acme", "globex");
    }

    @Test
    void refusesAMissingQueryStringIdentitySource() {
        // when a webhook for the cached authorizer comes without its tenant
        HttpResponse<String> response = post("/webhooks/refunds", WEBHOOK, signed());

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(functions.events(AUTHORIZER)).isEmpty();
    }

    @Test
    void passesAnSqsErrorThroughTheDefaultIntegrationResponseLikeApiGateway() {
        // when a webhook goes to a queue that does not exist, through an integration with only a default response
        HttpResponse<String> response = post("/webhooks/unmapped-errors", WEBHOOK, Map.of());

        // then, as on API Gateway, the default response catches SQS's 400 too
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"accepted\"}");
    }

    @Test
    void selectsTheIntegrationResponseWhosePatternMatchesTheSqsStatus() {
        // when a webhook goes to a queue that does not exist, through an integration mapping 4xx to 500
        HttpResponse<String> response = post("/webhooks/mapped-errors", WEBHOOK, Map.of());

        // then
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"The webhook was not queued.\"}");
    }

    @Test
    void answersUnknownRoutesWithMissingAuthenticationToken() {
        // when a path the definition does not declare is called
        HttpResponse<String> response = post("/webhooks/unknown", WEBHOOK, signed());

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }

    @Test
    void servesAnApiOfFunctionEventsNextToIt() {
        // when the events-style API is called with and without a bearer token
        HttpResponse<String> allowed = send(HttpRequest.newBuilder(uri(shop, "/orders"))
                .header("Authorization", "Bearer a.b.c")
                .GET());
        HttpResponse<String> anonymous =
                send(HttpRequest.newBuilder(uri(shop, "/orders")).GET());

        // then its TOKEN authorizer and Lambda proxy integration work as before
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo("[]");
        JsonNode proxyEvent = functions.events("ListOrdersFunction").getFirst();
        assertThat(proxyEvent
                        .path("requestContext")
                        .path("authorizer")
                        .path("principalId")
                        .asString())
                .isEqualTo("merchant-42");
        assertThat(functions
                        .events("AuthorizeRequestFunction")
                        .getFirst()
                        .path("authorizationToken")
                        .asString())
                .isEqualTo("Bearer a.b.c");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    /** The webhook signature check's stand-in: allows "sha256=valid", denies "sha256=revoked", else Unauthorized. */
    private static InvocationResult verifySignature(JsonNode event) {
        return switch (String.valueOf(ScriptedFunctions.header(event, "Webhook-Signature"))) {
            case "sha256=valid" -> ScriptedFunctions.policy("Allow", event);
            case "sha256=revoked" -> ScriptedFunctions.policy("Deny", event);
            default -> ScriptedFunctions.throwing("Unauthorized");
        };
    }

    private static Map<String, String> signed() {
        return new HashMap<>(Map.of(
                "Content-Type", "application/json",
                "Webhook-Signature", "sha256=valid",
                "Webhook-Timestamp", "1764150000",
                "Content-Digest", DIGEST));
    }

    private static HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(webhooks, path)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(ApiGateway gateway, String path) {
        return URI.create(gateway.baseUrl() + path);
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-amzn-RequestId").orElseThrow();
    }

    private static List<Message> receive() {
        return sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(1)
                        .messageAttributeNames("All"))
                .messages();
    }

    private static int queueSize() {
        return Integer.parseInt(sqs.getQueueAttributes(request ->
                        request.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static RestApiDefinition api(SamTemplate template, String logicalId) {
        return template.restApis().stream()
                .filter(api -> api.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow();
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress("127.0.0.1", 0);
    }

    private static SamTemplate template() {
        try {
            return SamTemplate.load(Path.of(OpenApiGatewayTest.class
                    .getResource("/templates/webhook-api.yaml")
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode fixture(String name) {
        try (InputStream in = OpenApiGatewayTest.class.getResourceAsStream("/events/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

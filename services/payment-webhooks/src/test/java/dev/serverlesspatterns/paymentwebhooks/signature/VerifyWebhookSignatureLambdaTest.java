package dev.serverlesspatterns.paymentwebhooks.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REQUEST authorizer through SCF's FunctionInvoker, fed the event API Gateway sends for {@code POST
 * /webhooks/payments} ({@code events/verify-webhook-signature.json}), signed with the stack's generated secret.
 */
@PaymentWebhooksStack
class VerifyWebhookSignatureLambdaTest {

    private static final String FUNCTION = "VerifyWebhookSignatureFunction";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String METHOD_ARN =
            "arn:aws:execute-api:us-east-1:000000000000:w3bh00k5ab/v1/POST/webhooks/payments";

    private WebhookSignature provider;

    @BeforeEach
    void shareTheSecretWithTheProvider(ProvisionedStack stack) {
        provider = new WebhookSignature(
                stack.secretString("WebhookSigningSecret").getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5));
    }

    @Test
    void allowsAFreshlySignedWebhookWithTheBarePolicy(LambdaHarness lambda) {
        // given
        ObjectNode event = signed(Fixtures.event("verify-webhook-signature.json"), Instant.now());

        // when
        JsonNode policy = JSON.readTree(lambda.invoke(FUNCTION, event.toString()));

        // then the answer is the policy itself: SCF did not wrap it as an HTTP response although the event has
        // httpMethod, so API Gateway can read it
        assertThat(policy.has("statusCode")).as("wrapped as an HTTP response").isFalse();
        assertThat(policy.has("body")).as("wrapped as an HTTP response").isFalse();
        assertThat(policy.path("principalId").asString()).isEqualTo("payment-provider");
        JsonNode statement = policy.path("policyDocument").path("Statement").get(0);
        assertThat(policy.path("policyDocument").path("Version").asString()).isEqualTo("2012-10-17");
        assertThat(statement.path("Effect").asString()).isEqualTo("Allow");
        assertThat(statement.path("Action").asString()).isEqualTo("execute-api:Invoke");
        assertThat(statement.path("Resource").valueStream().map(JsonNode::asString))
                .containsExactly(METHOD_ARN);
        assertThat(statement.path("Condition").isNull())
                .as("API Gateway refuses a null Condition")
                .isFalse();
        assertThat(policy.path("context").path("eventSigner").asString()).isEqualTo("payment-provider");
        assertThat(policy.path("context").path("signedAt").asString())
                .isEqualTo(event.path("headers").path("Webhook-Timestamp").asString());
    }

    @Test
    void readsHeaderNamesWhateverTheirCase(LambdaHarness lambda) {
        // given the same headers as a client that writes them in lower case sends them
        ObjectNode event = signed(Fixtures.event("verify-webhook-signature.json"), Instant.now());
        ObjectNode lowerCase = JSON.createObjectNode();
        event.path("headers")
                .properties()
                .forEach(header -> lowerCase.set(header.getKey().toLowerCase(), header.getValue()));
        event.set("headers", lowerCase);

        // when
        JsonNode policy = JSON.readTree(lambda.invoke(FUNCTION, event.toString()));

        // then
        assertThat(policy.path("policyDocument")
                        .path("Statement")
                        .get(0)
                        .path("Effect")
                        .asString())
                .isEqualTo("Allow");
    }

    static Stream<Arguments> badSignatures() {
        return Stream.of(
                bad(
                        "signature of another key",
                        event -> headers(event)
                                .put(
                                        "Webhook-Signature",
                                        new WebhookSignature(
                                                        "not-the-key".getBytes(StandardCharsets.UTF_8), Duration.ZERO)
                                                .sign(
                                                        headers(event)
                                                                .path("Webhook-Timestamp")
                                                                .asString(),
                                                        headers(event)
                                                                .path("Content-Digest")
                                                                .asString()))),
                bad(
                        "digest changed after signing",
                        event -> headers(event).put("Content-Digest", ContentDigest.of("{\"eventId\":\"forged\"}"))),
                bad(
                        "timestamp changed after signing",
                        event -> headers(event)
                                .put(
                                        "Webhook-Timestamp",
                                        String.valueOf(Long.parseLong(headers(event)
                                                        .path("Webhook-Timestamp")
                                                        .asString())
                                                + 1))),
                bad("no signature header", event -> headers(event).remove("Webhook-Signature")),
                bad("no timestamp header", event -> headers(event).remove("Webhook-Timestamp")),
                bad("no Content-Digest header", event -> headers(event).remove("Content-Digest")),
                bad("no headers at all", event -> event.remove("headers")),
                bad("signature not hex", event -> headers(event).put("Webhook-Signature", "sha256=not-hex")));
    }

    private static Arguments bad(String name, Consumer<ObjectNode> spoil) {
        return Arguments.of(name, spoil);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignatures")
    void answersUnauthorizedToABadSignature(String name, Consumer<ObjectNode> spoil, LambdaHarness lambda) {
        // given
        ObjectNode event = signed(Fixtures.event("verify-webhook-signature.json"), Instant.now());
        spoil.accept(event);

        // when / then: exactly "Unauthorized", which API Gateway turns into 401 BAD_SIGNATURE
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, event.toString()))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessage("Unauthorized");
    }

    @Test
    void answersUnauthorizedToAWebhookSignedSixMinutesAgo(LambdaHarness lambda) {
        // given a replay of a correctly signed webhook, past the 5-minute tolerance
        ObjectNode event = signed(
                Fixtures.event("verify-webhook-signature.json"), Instant.now().minusSeconds(360));

        // when / then
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, event.toString()))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessage("Unauthorized");
    }

    /** The fixture's headers as the provider sends them at {@code signedAt}: timestamp and signature filled in. */
    private ObjectNode signed(ObjectNode event, Instant signedAt) {
        String timestamp = String.valueOf(signedAt.getEpochSecond());
        ObjectNode headers = headers(event);
        headers.put("Webhook-Timestamp", timestamp);
        headers.put(
                "Webhook-Signature",
                provider.sign(timestamp, headers.path("Content-Digest").asString()));
        return event;
    }

    private static ObjectNode headers(ObjectNode event) {
        return (ObjectNode) event.path("headers");
    }
}

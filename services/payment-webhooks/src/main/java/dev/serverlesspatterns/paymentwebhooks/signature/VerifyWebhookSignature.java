package dev.serverlesspatterns.paymentwebhooks.signature;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksProperties;
import dev.serverlesspatterns.platform.api.Unauthorized;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The webhook route's REQUEST authorizer: checks {@code Webhook-Signature} over {@code Webhook-Timestamp} and
 * {@code Content-Digest} (see {@link WebhookSignature}). A missing, stale or wrong signature ends with "Unauthorized",
 * which API Gateway answers with 401 {@code BAD_SIGNATURE}; nothing is queued. A valid one gets an Allow.
 *
 * <p>Returns {@link IamPolicyResponse}, never a Map: a REQUEST authorizer event has {@code httpMethod}, and Spring
 * Cloud Function wraps a Map answer to such an event as an HTTP response. It passes an {@code IamPolicyResponse}
 * through as it is (proven through {@code FunctionInvoker} by {@code VerifyWebhookSignatureLambdaTest}).
 */
@Component("verifyWebhookSignature")
class VerifyWebhookSignature implements Function<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {

    static final String SIGNATURE_HEADER = "Webhook-Signature";
    static final String TIMESTAMP_HEADER = "Webhook-Timestamp";
    static final String CONTENT_DIGEST_HEADER = "Content-Digest";
    static final String SIGNER = "payment-provider";

    private static final Logger log = LoggerFactory.getLogger(VerifyWebhookSignature.class);

    private final SigningSecret secret;
    private final PaymentWebhooksProperties properties;
    private final Clock clock;

    VerifyWebhookSignature(SigningSecret secret, PaymentWebhooksProperties properties, Clock clock) {
        this.secret = secret;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public IamPolicyResponse apply(APIGatewayCustomAuthorizerEvent event) {
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        String timestamp = header(headers, TIMESTAMP_HEADER);
        try {
            new WebhookSignature(secret.bytes(), properties.signatureTolerance())
                    .verify(
                            header(headers, SIGNATURE_HEADER),
                            timestamp,
                            header(headers, CONTENT_DIGEST_HEADER),
                            clock.instant());
        } catch (WebhookSignature.Rejected rejected) {
            log.info("Rejected a webhook: {}", rejected.getMessage());
            throw new Unauthorized();
        }
        return allow(event.getMethodArn(), timestamp);
    }

    /**
     * Allows exactly the method that was asked about. The result TTL is 0 (every webhook has its own timestamp and
     * digest), so no cached policy is ever reused for another route.
     */
    private static IamPolicyResponse allow(String methodArn, String timestamp) {
        IamPolicyResponse.Statement statement = IamPolicyResponse.Statement.builder()
                .withAction(IamPolicyResponse.EXECUTE_API_INVOKE)
                .withEffect(IamPolicyResponse.ALLOW)
                .withResource(List.of(methodArn))
                // IamPolicyResponse writes "Condition" even when unset, and API Gateway refuses "Condition": null.
                .withCondition(Map.of())
                .build();
        return IamPolicyResponse.builder()
                .withPrincipalId(SIGNER)
                .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
                        .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                        .withStatement(List.of(statement))
                        .build())
                .withContext(Map.of("eventSigner", SIGNER, "signedAt", timestamp))
                .build();
    }

    /** HTTP header names are case-insensitive; API Gateway passes them as the client wrote them. */
    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}

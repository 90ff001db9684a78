package dev.serverlesspatterns.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.template.OpenApiDefinition.IntegrationResponse;
import dev.serverlesspatterns.local.template.OpenApiDefinition.Operation;
import dev.serverlesspatterns.local.template.RequestAuthorizer.IdentitySource;
import dev.serverlesspatterns.local.template.RequestAuthorizer.IdentitySource.Location;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An API's inline OpenAPI DefinitionBody, read from a template the way API Gateway imports it. */
class OpenApiDefinitionTest {

    private final SamTemplate template = template();
    private final RestApiDefinition api = template.restApis().stream()
            .filter(restApi -> restApi.logicalId().equals("PaymentWebhooksApi"))
            .findFirst()
            .orElseThrow();
    private final OpenApiDefinition definition = api.definitionBody().orElseThrow();

    private final Intrinsics intrinsics = new Intrinsics(
            template.parameterValues(Map.of()),
            Map.of("AWS::Region", "eu-west-1", "AWS::AccountId", "000000000000"),
            new EchoResources());

    @Test
    void readsEachOperationWithItsValidatorBodyModelAndIntegration() {
        // when the webhook operation is read
        Operation operation = operation("/webhooks/payments");

        // then it carries what API Gateway imports for it
        assertThat(operation.method()).isEqualTo("POST");
        assertThat(operation.security()).containsExactly("WebhookSignature");
        assertThat(operation.requestValidator()).hasValueSatisfying(validator -> {
            assertThat(validator.name()).isEqualTo("body-only");
            assertThat(validator.validateRequestBody()).isTrue();
            assertThat(validator.validateRequestParameters()).isFalse();
        });
        assertThat(operation.bodySchemas())
                .containsEntry("application/json", Map.of("$ref", "#/components/schemas/PaymentWebhook"));
        assertThat(definition.schemas()).containsKeys("PaymentWebhook", "Money");
        OpenApiDefinition.Integration integration = operation.integration();
        assertThat(integration.type()).isEqualTo("aws");
        assertThat(integration.httpMethod()).isEqualTo("POST");
        assertThat(integration.passthroughBehavior()).isEqualTo("never");
        assertThat(integration.requestParameters())
                .containsExactly(
                        Map.entry("integration.request.header.Content-Type", "'application/x-www-form-urlencoded'"));
        assertThat((String) integration.requestTemplates().get("application/json"))
                .startsWith("Action=SendMessage&MessageBody=$util.urlEncode($input.body)");
        assertThat(integration.responses())
                .containsExactly(new IntegrationResponse(
                        null, 202, Map.of("application/json", "{\"status\":\"accepted\"}"), Map.of()));
        assertThat(integration.timeoutMillis()).isEqualTo(29_000);
    }

    @Test
    void resolvesTheIntegrationUriOnceTheStackExists() {
        // when the SQS integration's URI is resolved
        String uri = intrinsics.resolveString(
                operation("/webhooks/payments").integration().uri());

        // then it names the provisioned queue by name
        assertThat(uri)
                .isEqualTo("arn:aws:apigateway:eu-west-1:sqs:path/000000000000/QueueName-of-PaymentWebhooksQueue");
    }

    @Test
    void putsIntegrationResponsesWithASelectionPatternBeforeTheDefault() {
        // when
        List<IntegrationResponse> responses =
                operation("/webhooks/mapped-errors").integration().responses();

        // then
        assertThat(responses).extracting(IntegrationResponse::selectionPattern).containsExactly("4\\d{2}", null);
        assertThat(responses).extracting(IntegrationResponse::statusCode).containsExactly(500, 202);
    }

    @Test
    void readsTheRequestAuthorizerOfTheSecuritySchemeAndTheFunctionItsUriNames() {
        // when the webhook operation's authorizer is resolved
        LambdaAuthorizer authorizer = definition
                .authorizerFor(operation("/webhooks/payments"), intrinsics)
                .orElseThrow();

        // then it is the REQUEST authorizer on the function's alias, uncached, with three header identity sources
        assertThat(authorizer)
                .isEqualTo(new RequestAuthorizer(
                        "WebhookSignature",
                        "VerifyWebhookSignatureFunction",
                        List.of(
                                new IdentitySource(Location.HEADER, "Webhook-Signature"),
                                new IdentitySource(Location.HEADER, "Webhook-Timestamp"),
                                new IdentitySource(Location.HEADER, "Content-Digest")),
                        0));
    }

    @Test
    void readsQueryStringIdentitySources() {
        // when
        RequestAuthorizer authorizer = (RequestAuthorizer) definition
                .authorizerFor(operation("/webhooks/refunds"), intrinsics)
                .orElseThrow();

        // then
        assertThat(authorizer.identitySources())
                .containsExactly(
                        new IdentitySource(Location.HEADER, "Webhook-Signature"),
                        new IdentitySource(Location.QUERY_STRING, "tenant"));
        assertThat(authorizer.resultTtlSeconds()).isEqualTo(300);
    }

    @Test
    void leavesOperationsWithoutSecurityOpen() {
        // when and then
        assertThat(definition.authorizerFor(operation("/webhooks/unmapped-errors"), intrinsics))
                .isEmpty();
    }

    @Test
    void takesTheDefinitionsGatewayResponses() {
        // when
        var responses = api.gatewayResponses();

        // then
        assertThat(responses).containsOnlyKeys("UNAUTHORIZED", "BAD_REQUEST_BODY", "REQUEST_TOO_LARGE");
        assertThat(responses.get("BAD_REQUEST_BODY").statusCode()).isEqualTo(400);
        assertThat(responses.get("BAD_REQUEST_BODY").body()).contains("$context.error.validationErrorString");
    }

    @Test
    void findsTheFunctionASubNames() {
        // when and then: the alias form SAM allows, an attribute, and a variable of the long form
        assertThat(intrinsics.referencedFunction(Map.of("Fn::Sub", "arn:${AWS::Partition}:x/${Verify.Alias}/y")))
                .isEqualTo("Verify");
        assertThat(intrinsics.referencedFunction(Map.of("Fn::Sub", "arn:x/${Verify.Arn}/invocations")))
                .isEqualTo("Verify");
        assertThat(intrinsics.referencedFunction(Map.of(
                        "Fn::Sub", List.of("arn:x/${Target}/y", Map.of("Target", Map.of("Ref", "Verify"))))))
                .isEqualTo("Verify");
        assertThatThrownBy(() -> intrinsics.referencedFunction(Map.of("Fn::Sub", "${One.Arn}/${Two.Arn}")))
                .hasMessageContaining("Cannot tell which resource");
    }

    @Test
    void resolvesAnAliasInsideSubLikeRef() {
        // when and then
        assertThat(intrinsics.resolveString(Map.of("Fn::Sub", "functions/${Verify.Alias}/invocations")))
                .isEqualTo("functions/Arn-of-Verify:live/invocations");
    }

    private Operation operation(String path) {
        return definition.operations().stream()
                .filter(operation -> operation.path().equals(path))
                .findFirst()
                .orElseThrow();
    }

    private static SamTemplate template() {
        try {
            return SamTemplate.load(Path.of(OpenApiDefinitionTest.class
                    .getResource("/templates/webhook-api.yaml")
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

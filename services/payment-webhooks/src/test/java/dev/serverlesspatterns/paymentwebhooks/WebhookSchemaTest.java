package dev.serverlesspatterns.paymentwebhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.template.SamTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway validates a webhook against the template's {@code PaymentWebhook} model before it is queued; the consumer
 * checks it again against its own copy. The two must say the same.
 */
class WebhookSchemaTest {

    @Test
    void theConsumersSchemaIsTheApisModel() throws IOException {
        // given the model in the API's definition
        Map<String, Object> definition =
                SamTemplate.ofRepository().resource("PaymentWebhooksApi").section("DefinitionBody");
        JsonNode model = Events.JSON
                .valueToTree(definition)
                .path("components")
                .path("schemas")
                .path("PaymentWebhook");

        // and the consumer's schema, without its dialect declaration
        ObjectNode consumers;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("payment-webhook.schema.json")) {
            consumers = (ObjectNode) Events.JSON.readTree(in);
        }
        consumers.remove("$schema");

        // then
        assertThat(model.isMissingNode()).isFalse();
        assertThat(consumers).isEqualTo(model);
    }
}

package dev.serverlesspatterns.paymentwebhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * API Gateway validates a webhook against the template's {@code PaymentWebhook} model before it is queued; the consumer
 * checks it again against its own copy. The two must say the same.
 */
class WebhookSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theConsumersSchemaIsTheApisModel() {
        // given the model in the API's definition
        Map<String, Object> definition =
                SamTemplate.ofRepository().resource("PaymentWebhooksApi").section("DefinitionBody");
        JsonNode model =
                JSON.valueToTree(definition).path("components").path("schemas").path("PaymentWebhook");

        // and the consumer's schema, without its dialect declaration
        ObjectNode consumers = (ObjectNode) JSON.readTree(Fixtures.text("payment-webhook.schema.json"));
        consumers.remove("$schema");

        // then
        assertThat(model.isMissingNode()).isFalse();
        assertThat(consumers).isEqualTo(model);
    }
}

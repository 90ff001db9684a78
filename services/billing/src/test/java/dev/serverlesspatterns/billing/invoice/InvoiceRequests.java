package dev.serverlesspatterns.billing.invoice;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fixture {@code events/issue-invoice.json}, the API Gateway proxy event of {@code POST /billing/invoices}, with
 * a fresh order id per request (all tests of the JVM share one emulator) and whatever a test changes.
 */
final class InvoiceRequests {

    static final String FUNCTION = "IssueInvoiceFunction";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode event;
    private final ObjectNode body;

    private InvoiceRequests(ObjectNode event) {
        this.event = event;
        this.body = (ObjectNode) JSON.readTree(event.get("body").asString());
    }

    static InvoiceRequests newRequest() {
        InvoiceRequests request = new InvoiceRequests(fixture());
        request.body.put("orderId", UUID.randomUUID().toString());
        request.body.put("customerId", "customer-" + UUID.randomUUID());
        return request;
    }

    String orderId() {
        return body.get("orderId").asString();
    }

    ObjectNode body() {
        return body;
    }

    InvoiceRequests scopes(String scopes) {
        ((ObjectNode) event.get("requestContext").get("authorizer")).put("scopes", scopes);
        return this;
    }

    Response sendTo(LambdaHarness lambda) {
        event.put("body", JSON.writeValueAsString(body));
        JsonNode output = JSON.readTree(lambda.invoke(FUNCTION, JSON.writeValueAsString(event)));
        Map<String, String> headers = new LinkedHashMap<>();
        output.path("headers")
                .properties()
                .forEach(
                        header -> headers.put(header.getKey(), header.getValue().asString()));
        return new Response(
                output.path("statusCode").asInt(),
                headers,
                JSON.readTree(output.path("body").asString()));
    }

    /** What the function handed API Gateway: status, headers and the JSON body. */
    record Response(int statusCode, Map<String, String> headers, JsonNode body) {}

    private static ObjectNode fixture() {
        try (InputStream in = InvoiceRequests.class.getClassLoader().getResourceAsStream("events/issue-invoice.json")) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture events/issue-invoice.json");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.serverlesspatterns.billing.invoice;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.billing.InvoiceIssued;
import dev.serverlesspatterns.events.billing.IssueInvoiceRequest;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.api.Caller;
import dev.serverlesspatterns.platform.api.RequestBodyReader;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * {@code POST /billing/invoices}. The order id is the idempotency key: the invoice id follows from it and the write
 * only creates, so a retried request finds the invoice its first attempt wrote. {@code InvoiceIssued} is published
 * after the write and noted on the invoice; a request that finds the invoice not yet noted (its first attempt
 * failed to publish) publishes it again, so no invoice stays untold. Subscribers get it at least once and are
 * idempotent on the invoice id.
 */
@Component("issueInvoice")
class IssueInvoice implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final ApiHandler api;
    private final RequestBodyReader bodies;
    private final ApiResponses responses;
    private final BillingTable invoices;
    private final BillingNotificationsTopic topic;
    private final Clock clock;

    IssueInvoice(
            ApiHandler api,
            RequestBodyReader bodies,
            ApiResponses responses,
            BillingTable invoices,
            BillingNotificationsTopic topic,
            Clock clock) {
        this.api = api;
        this.bodies = bodies;
        this.responses = responses;
        this.invoices = invoices;
        this.topic = topic;
        this.clock = clock;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::issue);
    }

    private APIGatewayProxyResponseEvent issue(APIGatewayProxyRequestEvent request) {
        Caller.of(request).require(Scopes.WRITE);
        IssueInvoiceRequest body = bodies.read(request, Schema.ISSUE_INVOICE, IssueInvoiceRequest.class);
        Invoice invoice = Invoice.issue(body, clock.instant());
        boolean created = invoices.insert(invoice);
        if (!created) {
            invoice = invoices.find(invoice.invoiceId())
                    .orElseThrow(() -> new IllegalStateException(
                            "Invoice of order " + body.orderId() + " vanished after its insert failed"));
            if (!invoice.sameTermsAs(body)) {
                throw ApiProblemException.conflict(
                        "ORDER_ALREADY_INVOICED",
                        "Order " + body.orderId() + " was invoiced with different terms; an order is invoiced once.");
            }
        }
        if (!invoice.notified()) {
            topic.publish(invoice.issued());
            invoices.markNotified(invoice.invoiceId(), clock.instant());
        }
        return created(invoice.issued(), !created);
    }

    private APIGatewayProxyResponseEvent created(InvoiceIssued invoice, boolean replayed) {
        APIGatewayProxyResponseEvent response = responses.json(201, invoice);
        Map<String, String> headers = new HashMap<>(response.getHeaders());
        headers.put("Location", "/billing/invoices/" + invoice.invoiceId());
        if (replayed) {
            headers.put(REPLAYED_HEADER, "true");
        }
        return response.withHeaders(headers);
    }
}

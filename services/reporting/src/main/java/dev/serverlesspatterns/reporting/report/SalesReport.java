package dev.serverlesspatterns.reporting.report;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.Caller;
import dev.serverlesspatterns.reporting.ReportingProperties;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /reports/sales?from=YYYY-MM-DD&to=YYYY-MM-DD}: units and revenue per day and SKU, read cache-aside by
 * {@link CachedSales}.
 */
@Component("salesReport")
class SalesReport implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final ApiHandler api;
    private final CachedSales sales;
    private final JsonMapper json;
    private final ReportingProperties properties;

    SalesReport(ApiHandler api, CachedSales sales, JsonMapper json, ReportingProperties properties) {
        this.api = api;
        this.sales = sales;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent request) {
        return api.handle(request, this::read);
    }

    private APIGatewayProxyResponseEvent read(APIGatewayProxyRequestEvent request) {
        Caller.of(request).require(Scopes.READ);
        LocalDate from = date(request, "from");
        LocalDate to = date(request, "to");
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days < 1 || days > properties.maximumSalesDays()) {
            throw new ApiProblemException(ApiProblem.of(
                    400,
                    "INVALID_DATE_RANGE",
                    "to must not be before from, and the range may span at most " + properties.maximumSalesDays()
                            + " days."));
        }
        CachedSales.Read read = sales.read(from, to);
        return CachedResponses.ok(json.writeValueAsString(new Sales(from, to, read.salesJson())), read.hit());
    }

    private static LocalDate date(APIGatewayProxyRequestEvent request, String name) {
        Map<String, String> query = request.getQueryStringParameters();
        String value = query == null ? null : query.get(name);
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException invalid) {
            throw new ApiProblemException(
                    ApiProblem.of(400, "INVALID_DATE_RANGE", name + " must be a date, YYYY-MM-DD."));
        }
    }

    /** The lines go into the answer as the cache holds them: {@link CachedSales} joined them without parsing. */
    record Sales(LocalDate from, LocalDate to, @JsonRawValue String sales) {}
}

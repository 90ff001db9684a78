package dev.serverlesspatterns.reporting.report;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.serverlesspatterns.platform.api.ApiHandler;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import dev.serverlesspatterns.platform.api.Caller;
import dev.serverlesspatterns.reporting.ReportingProperties;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /reports/sales?from=YYYY-MM-DD&to=YYYY-MM-DD}: units and revenue per day and SKU, cache-aside with one
 * cache key per day, so that a change evicts only its own day. When every day of the range is cached the cache alone
 * answers; otherwise one query reads the whole range and every day of it is cached again.
 */
@Component("salesReport")
class SalesReport implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final TypeReference<List<Reports.SkuSales>> DAY = new TypeReference<>() {};

    private final ApiHandler api;
    private final ReportCache cache;
    private final Reports reports;
    private final JsonMapper json;
    private final ReportingProperties properties;

    SalesReport(ApiHandler api, ReportCache cache, Reports reports, JsonMapper json, ReportingProperties properties) {
        this.api = api;
        this.cache = cache;
        this.reports = reports;
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
        List<LocalDate> range = from.datesUntil(to.plusDays(1)).toList();
        List<Optional<String>> cached =
                cache.get(range.stream().map(ReportCache::salesKey).toList());
        boolean hit = cached.stream().allMatch(Optional::isPresent);
        List<Reports.SkuSales> sales = new ArrayList<>();
        if (hit) {
            cached.forEach(day -> sales.addAll(json.readValue(day.orElseThrow(), DAY)));
        } else {
            sales.addAll(reports.sales(from, to));
            Map<LocalDate, List<Reports.SkuSales>> byDay =
                    sales.stream().collect(Collectors.groupingBy(Reports.SkuSales::day));
            range.forEach(day ->
                    cache.put(ReportCache.salesKey(day), json.writeValueAsString(byDay.getOrDefault(day, List.of()))));
        }
        return CachedResponses.ok(json.writeValueAsString(new Sales(from, to, sales)), hit);
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

    record Sales(LocalDate from, LocalDate to, List<Reports.SkuSales> sales) {}
}

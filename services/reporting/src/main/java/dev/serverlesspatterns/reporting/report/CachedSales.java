package dev.serverlesspatterns.reporting.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sales report's cache-aside read, one cache key per day so that a change evicts only its own day: when every day
 * of the range is cached the cache alone answers; otherwise one query reads the whole range and every day of it is
 * cached again. Public for the reporting benchmark, which measures this path apart from the function around it.
 */
@Component
public class CachedSales {

    private static final TypeReference<List<Reports.SkuSales>> DAY = new TypeReference<>() {};

    private final ReportCache cache;
    private final Reports reports;
    private final JsonMapper json;

    CachedSales(ReportCache cache, Reports reports, JsonMapper json) {
        this.cache = cache;
        this.reports = reports;
        this.json = json;
    }

    public Read read(LocalDate from, LocalDate to) {
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
        return new Read(sales, hit);
    }

    /** The report's lines, and whether the cache alone answered. */
    public record Read(List<Reports.SkuSales> sales, boolean hit) {

        public int lines() {
            return sales.size();
        }
    }
}

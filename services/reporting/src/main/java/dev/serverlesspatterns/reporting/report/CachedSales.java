package dev.serverlesspatterns.reporting.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sales report's cache-aside read, one cache key per day so that a change evicts only its own day: when every day
 * of the range is cached the cache alone answers; otherwise one query reads the whole range and every day of it is
 * cached again. Public for the reporting benchmark, which measures this path apart from the function around it.
 *
 * <p>A day is cached as its JSON array of lines, and a report is those arrays joined as they are: a hit parses and
 * re-serialises nothing. Parsing a month's ~6,000 cached lines and writing them again was most of a hit's time in the
 * reporting benchmark (benchmarks/reports/reporting-2026-12-07.md).
 */
@Component
public class CachedSales {

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
        if (cached.stream().allMatch(Optional::isPresent)) {
            return new Read(joined(cached.stream().map(Optional::orElseThrow).toList()), true);
        }
        Map<LocalDate, List<Reports.SkuSales>> byDay =
                reports.sales(from, to).stream().collect(Collectors.groupingBy(Reports.SkuSales::day));
        List<String> days = range.stream()
                .map(day -> json.writeValueAsString(byDay.getOrDefault(day, List.of())))
                .toList();
        for (int day = 0; day < range.size(); day++) {
            cache.put(ReportCache.salesKey(range.get(day)), days.get(day));
        }
        return new Read(joined(days), false);
    }

    /** The days' JSON arrays as one array, in the days' order: their elements, without the days' own brackets. */
    private static String joined(List<String> days) {
        return days.stream()
                .map(day -> day.substring(1, day.length() - 1).strip())
                .filter(lines -> !lines.isEmpty())
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** The report's lines as a JSON array, and whether the cache alone answered. */
    public record Read(String salesJson, boolean hit) {}
}

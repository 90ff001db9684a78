package dev.serverlesspatterns.reporting;

import dev.serverlesspatterns.platform.Settings;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Settings of the reporting service, fed from the template's environment variables. The database URL comes from
 * Spring's own {@code SPRING_DATASOURCE_URL}, the cache's from {@code SPRING_DATA_REDIS_HOST} and {@code _PORT}; a value a function does
 * not need may be empty, and the bean that needs it checks it with {@link Settings#required}.
 *
 * @param databaseSecretArn secret holding the database's {@code username} and {@code password}
 *     ({@code DATABASE_SECRET_ARN})
 * @param cacheTtl how long a report stays cached when no change invalidates it ({@code REPORT_CACHE_TTL_SECONDS},
 *     the template parameter {@code ReportCacheTtlSeconds})
 * @param maximumSalesDays the longest range {@code GET /reports/sales} answers, so that one request reads a bounded
 *     number of cache keys and rows
 */
@ConfigurationProperties("reporting")
public record ReportingProperties(
        String databaseSecretArn,

        @DefaultValue("300") @DurationUnit(ChronoUnit.SECONDS)
        Duration cacheTtl,

        @DefaultValue("31") int maximumSalesDays) {}

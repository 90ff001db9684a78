package dev.serverlesspatterns.reporting.report;

import dev.serverlesspatterns.reporting.ReportingProperties;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The cache-aside store in front of the read model: one Redis key per report and its parameters, JSON values, each
 * written with the TTL {@code ReportCacheTtlSeconds} sets. The keys are named here only, for the readers and for the
 * replication that deletes them when an order changes. An unreachable cache is a miss, never an error: reports then
 * come from the database, which is slower but correct.
 */
@Component
public class ReportCache {

    private static final Logger log = LoggerFactory.getLogger(ReportCache.class);

    private final StringRedisTemplate redis;
    private final ReportingProperties properties;

    ReportCache(StringRedisTemplate redis, ReportingProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** The sales of one UTC day; a range report is the days of the range. */
    public static String salesKey(LocalDate day) {
        return "report:sales:" + day;
    }

    public static String customerOrdersKey(String customerId) {
        return "report:customer-orders:" + customerId;
    }

    /** @return the cached values in the order of the keys, an absent one where the cache has none */
    List<Optional<String>> get(List<String> keys) {
        try {
            List<String> values = redis.opsForValue().multiGet(keys);
            return values == null
                    ? keys.stream().map(key -> Optional.<String>empty()).toList()
                    : values.stream().map(Optional::ofNullable).toList();
        } catch (DataAccessException unreachable) {
            log.warn("The report cache did not answer; reading the database", unreachable);
            return keys.stream().map(key -> Optional.<String>empty()).toList();
        }
    }

    void put(String key, String value) {
        try {
            redis.opsForValue().set(key, value, properties.cacheTtl());
        } catch (DataAccessException unreachable) {
            log.warn("The report cache did not take {}; the next read misses again", key, unreachable);
        }
    }

    /**
     * Forgets reports a change made stale.
     *
     * @throws DataAccessException when the cache did not answer: the change must be retried, or the stale report would
     *     stay until its TTL ends
     */
    public void evict(Collection<String> keys) {
        if (!keys.isEmpty()) {
            redis.delete(keys);
        }
    }
}

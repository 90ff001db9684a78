package dev.serverlesspatterns.platform.priming;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * What copies restored from one snapshot must not share, renewed after each restore:
 *
 * <ul>
 *   <li>Hikari pools: a connection the priming opened is a socket frozen into the snapshot, long closed or shared by
 *       every copy once restored. Soft eviction closes each idle connection now and each busy one when it is returned;
 *       the pool opens fresh ones on demand. Only pools that exist are touched: a lazy pool is not built for this.
 *   <li>Secrets ({@code CachedSecret}): each forgets its value by itself after a restore (it is a CRaC resource too),
 *       so a secret rotated after the snapshot was taken reaches the restored copies.
 *   <li>Left alone: AWS credentials (the SDK's providers refresh by expiry, and Lambda hands a restored copy new
 *       ones), {@code SecureRandom} (no service seeds one; Lambda's runtime reseeds it after a restore), and no code
 *       here holds a seeded {@code java.util.Random}.
 * </ul>
 */
final class RestoredCopies {

    private static final boolean HIKARI_PRESENT =
            ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", RestoredCopies.class.getClassLoader());

    private final ListableBeanFactory beans;

    RestoredCopies(ListableBeanFactory beans) {
        this.beans = beans;
    }

    void renew() {
        if (HIKARI_PRESENT) {
            evictPooledConnections();
        }
    }

    private void evictPooledConnections() {
        for (String name : beans.getBeanNamesForType(HikariDataSource.class, false, false)) {
            if (isBuilt(name)) {
                HikariDataSource pool = beans.getBean(name, HikariDataSource.class);
                if (pool.getHikariPoolMXBean() != null) {
                    pool.getHikariPoolMXBean().softEvictConnections();
                }
            }
        }
    }

    private boolean isBuilt(String name) {
        return !(beans instanceof ConfigurableListableBeanFactory factory) || factory.containsSingleton(name);
    }
}

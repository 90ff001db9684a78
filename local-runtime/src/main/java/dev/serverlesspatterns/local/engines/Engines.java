package dev.serverlesspatterns.local.engines;

import dev.serverlesspatterns.local.LoopbackPorts;
import dev.serverlesspatterns.local.emulator.AwsEmulators;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import redis.embedded.RedisServer;

/**
 * Postgres (the RDS stand-in) and Redis (the ElastiCache stand-in), chosen in the same order as the AWS
 * emulator: explicit URLs from the environment, else containers when Docker is available, else embedded
 * binaries on a free loopback port.
 */
public final class Engines {

    /** The Postgres the tests run against in a container; docker-compose.yml runs the same. */
    public static final String POSTGRES_IMAGE = "postgres:17.6-alpine";

    /** The Redis the tests run against in a container; docker-compose.yml runs the same. */
    public static final String REDIS_IMAGE = "redis:7.4.5-alpine";

    /**
     * Every Postgres the suite starts loads pg_stat_statements (as RDS does by default), so a test can count the calls
     * of one statement exactly; table statistics also count other statements and publish late.
     */
    private static final String PRELOAD_STATEMENT_STATISTICS = "shared_preload_libraries=pg_stat_statements";

    private Engines() {}

    public static Engine postgres(Map<String, String> environment) {
        String url = environment.get("SPRING_DATASOURCE_URL");
        if (url != null && !url.isBlank()) {
            return new External(
                    url,
                    environment.getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"),
                    environment.getOrDefault("SPRING_DATASOURCE_PASSWORD", "postgres"));
        }
        if (AwsEmulators.dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
                    .withCommand("postgres", "-c", "fsync=off", "-c", PRELOAD_STATEMENT_STATISTICS);
            container.start();
            return new Running(
                    container.getJdbcUrl(),
                    container.getUsername(),
                    container.getPassword(),
                    "Postgres container (" + POSTGRES_IMAGE + ")",
                    container::stop);
        }
        EmbeddedPostgres postgres = LoopbackPorts.startOnFreePort(
                "embedded Postgres",
                port -> EmbeddedPostgres.builder()
                        .setPort(port)
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .start());
        return new Running(
                postgres.getJdbcUrl("postgres", "postgres"),
                "postgres",
                "postgres",
                "embedded Postgres",
                () -> closeQuietly(postgres));
    }

    /**
     * A Postgres nobody serves: a JDBC URL naming a closed loopback port, for a run whose template asks for a database
     * it must never reach (provisioning only, or proving that functions start without the network).
     */
    public static Engine unreachablePostgres() {
        return new Running(
                "jdbc:postgresql://127.0.0.1:" + LoopbackPorts.closed() + "/unreachable",
                "nobody",
                "unreachable",
                "no Postgres (a closed loopback port)",
                () -> {});
    }

    public static Engine redis(Map<String, String> environment) {
        String url = environment.get("SPRING_DATA_REDIS_URL");
        if (url != null && !url.isBlank()) {
            return new External(url, "", "");
        }
        if (AwsEmulators.dockerAvailable()) {
            GenericContainer<?> container =
                    new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE)).withExposedPorts(6379);
            container.start();
            return new Running(
                    "redis://" + container.getHost() + ":" + container.getMappedPort(6379),
                    "",
                    "",
                    "Redis container (" + REDIS_IMAGE + ")",
                    container::stop);
        }
        return LoopbackPorts.startOnFreePort("embedded Redis", port -> {
            RedisServer redis =
                    RedisServer.newRedisServer().bind("127.0.0.1").port(port).build();
            redis.start();
            return new Running("redis://127.0.0.1:" + port, "", "", "embedded Redis", () -> stopQuietly(redis));
        });
    }

    private record External(String url, String username, String password) implements Engine {
        @Override
        public String description() {
            return url + " (from the environment)";
        }

        @Override
        public void close() {}
    }

    private record Running(String url, String username, String password, String description, Runnable stop)
            implements Engine {
        @Override
        public void close() {
            stop.run();
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Postgres did not stop cleanly", e);
        }
    }

    private static void stopQuietly(RedisServer redis) {
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not stop cleanly", e);
        }
    }
}

package dev.serverlesspatterns.local.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engines the decision order picks answer real queries; here that means the embedded binaries. */
class EnginesTest {

    @Test
    void postgresAnswersSql() throws Exception {
        // given the Postgres this machine offers
        try (Engine postgres = Engines.postgres(Map.of());
                // when a client connects and asks a question
                Connection connection =
                        DriverManager.getConnection(postgres.url(), postgres.username(), postgres.password());
                ResultSet answer = connection
                        .createStatement()
                        .executeQuery("select 40 + 2, current_setting('listen_addresses'),"
                                + " current_setting('shared_preload_libraries')")) {
            // then a real engine answered: an embedded one listening on loopback only, a container's on every address
            // of the container's own network; either keeps statement statistics
            answer.next();
            assertThat(answer.getInt(1)).isEqualTo(42);
            assertThat(answer.getString(2)).isEqualTo(embedded(postgres) ? "127.0.0.1" : "*");
            assertThat(answer.getString(3)).isEqualTo("pg_stat_statements");
        }
    }

    @Test
    void redisAnswersPing() throws Exception {
        // given the Redis this machine offers
        try (Engine redis = Engines.redis(Map.of())) {
            URI uri = URI.create(redis.url());

            // when a client sends PING over the Redis protocol
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                String reply = in.readLine();

                // then it answers PONG
                assertThat(reply).isEqualTo("+PONG");

                // and an embedded one is bound to loopback only (CONFIG GET answers the array [name, value])
                if (embedded(redis)) {
                    out.write("*3\r\n$6\r\nCONFIG\r\n$3\r\nGET\r\n$4\r\nbind\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    List<String> bind =
                            List.of(in.readLine(), in.readLine(), in.readLine(), in.readLine(), in.readLine());
                    assertThat(bind).containsExactly("*2", "$4", "bind", "$9", "127.0.0.1");
                }
            }
        }
    }

    @Test
    void explicitUrlsWinOverEverythingElse() {
        // given URLs in the environment
        Map<String, String> environment = Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db.internal:5432/shop",
                "SPRING_DATA_REDIS_URL", "redis://cache.internal:6379");

        // when the engines are chosen
        try (Engine postgres = Engines.postgres(environment);
                Engine redis = Engines.redis(environment)) {
            // then they are used as given, and nothing is started
            assertThat(postgres.url()).isEqualTo("jdbc:postgresql://db.internal:5432/shop");
            assertThat(redis.url()).isEqualTo("redis://cache.internal:6379");
            assertThat(postgres.description()).contains("from the environment");
        }
    }

    private static boolean embedded(Engine engine) {
        return engine.description().startsWith("embedded");
    }
}

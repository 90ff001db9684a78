package dev.serverlesspatterns.benchmarks;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.emulator.AwsEmulators;
import dev.serverlesspatterns.local.engines.Engine;
import dev.serverlesspatterns.local.engines.Engines;
import dev.serverlesspatterns.local.engines.PostgresParameters;
import dev.serverlesspatterns.local.engines.RedisParameters;
import dev.serverlesspatterns.local.events.EventSources;
import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reporting service's two numbers (benchmarks/README.md, "Reporting benchmark"): the sales report (the GROUP BY
 * over order lines per day and SKU) answered by the cache against the same report answered by the database, p50 and
 * p99 in the same run, interleaved, on a read model of {@value #ORDERS} orders over a month, for a month's report and for
 * a day's; and the replication lag from an order write to its read-model row under a burst of writes.
 *
 * <p>The reads are measured at two levels against the local runtime's real Redis and Postgres: (a) the function in
 * this JVM through SCF's FunctionInvoker with an API Gateway event, exactly the handler Lambda calls (what a caller of
 * the deployed function sees, minus the network); (b) the service's cache-aside class alone ({@code CachedSales}, from
 * a Spring context of the service built here), so that the framework's cost and the cache-against-database difference
 * show apart. The replication runs the local runtime's event source mapping on the orders table's stream (moto) into
 * the same function; writes go straight to the table, as placeOrder's PutItem does.
 */
public final class ReportingBenchmark {

    private static final Logger log = LoggerFactory.getLogger(ReportingBenchmark.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SALES = "SalesReportFunction";
    private static final String REPLICATE = "ReplicateOrdersFunction";
    private static final int WARM_UP_ROUNDS = 15;
    private static final int ROUNDS = 150;
    private static final int BURST = 500;
    /** Orders in the read model, loaded straight into its table: a month of a shop's orders. */
    private static final int ORDERS = 30_000;

    private static final int SKUS = 200;
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 30);
    /** A hit's cost grows with the report's size, so both a month's report (~6,000 lines) and a day's (~200). */
    private static final List<Range> RANGES =
            List.of(new Range("month", FIRST_DAY, LAST_DAY), new Range("day", LAST_DAY, LAST_DAY));

    private ReportingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path repository = Path.of("").toAbsolutePath();
        SamTemplate template = SamTemplate.ofRepository();
        try (AwsEmulator emulator = AwsEmulators.start(System.getenv());
                Engine postgres = Engines.postgres(System.getenv());
                Engine redis = Engines.redis(System.getenv())) {
            emulator.endpoint().systemProperties().forEach(System::setProperty);
            Map<String, String> parameters =
                    PostgresParameters.of(template).orElseThrow().filledFrom(postgres, Map.of());
            parameters = RedisParameters.of(template).orElseThrow().filled(parameters);
            Stack stack = Provisioner.provision(template, emulator.endpoint(), "bench", parameters, Optional.of(redis));
            LambdaHarness lambda = new LambdaHarness(stack);
            lambda.createCustomResource("ReportingSchemaMigration");
            // Only the replication runs; the other functions of the template are not in this JVM, so the stream's
            // other consumer (the outbox) is answered as if it had succeeded.
            LambdaInvoker onlyReplication = (function, event) -> REPLICATE.equals(function)
                    ? lambda.invoke(function, event)
                    : new InvocationResult("{}".getBytes(StandardCharsets.UTF_8), null);
            try (EventSources sources = EventSources.start(stack, onlyReplication, (function, event) -> "ignored");
                    DynamoDbClient dynamo = stack.endpoint().configure(DynamoDbClient.builder())) {
                String table = stack.ref("OrdersTable");
                ReadModel readModel = load(postgres);

                List<Reads> function = new ArrayList<>();
                for (Range range : RANGES) {
                    function.add(functionReads(lambda, redis, range));
                    log.info("(a) function, {}: {}", range.name(), function.getLast());
                }
                List<Reads> cacheAside = cacheAsideReads(redis);
                // Described when the reads end, so that its load average is the reads'.
                MachineInfo machine = MachineInfo.describe(Path.of(System.getProperty("java.home"), "bin", "java"));
                Lag lag = burst(dynamo, table, postgres);
                Path report =
                        write(repository, readModel, function, cacheAside, machine, lag, emulator, postgres, redis);
                log.info("Report written to {}", report);
            }
        }
    }

    /**
     * A month of orders straight into the read model's table (as replication would have left it): 1 to 4 lines of
     * {@value #SKUS} SKUs each, one in twenty cancelled, a fixed seed so runs compare.
     */
    private static ReadModel load(Engine postgres) throws SQLException {
        Random random = new Random(42);
        long seconds = ChronoUnit.SECONDS.between(
                FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC),
                LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        int lines = 0;
        try (Connection connection = connect(postgres);
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO reporting.orders (order_id, customer_id, status, currency, items, total_cents,
                                                      created_at, last_updated, version, deleted, replicated_at)
                        VALUES (?, ?, ?, 'EUR', ?::jsonb, ?, ?, ?, 1, false, now())
                        """)) {
            connection.setAutoCommit(false);
            for (int order = 0; order < ORDERS; order++) {
                StringBuilder items = new StringBuilder("[");
                long total = 0;
                int count = 1 + random.nextInt(4);
                for (int line = 0; line < count; line++) {
                    int quantity = 1 + random.nextInt(3);
                    int price = 199 + random.nextInt(9800);
                    total += (long) quantity * price;
                    items.append(line == 0 ? "" : ",")
                            .append("{\"sku\":\"SKU-%03d\",\"quantity\":%d,\"unitPriceCents\":%d}"
                                    .formatted(random.nextInt(SKUS), quantity, price));
                }
                lines += count;
                Timestamp created = Timestamp.from(
                        FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds((long)
                                (random.nextDouble() * seconds)));
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, "customer-" + random.nextInt(5000));
                insert.setString(3, random.nextInt(20) == 0 ? "CANCELLED" : "OPEN");
                insert.setString(4, items.append(']').toString());
                insert.setLong(5, total);
                insert.setTimestamp(6, created);
                insert.setTimestamp(7, created);
                insert.addBatch();
                if (order % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
            try (Statement analyze = connection.createStatement()) {
                connection.setAutoCommit(true);
                analyze.execute("ANALYZE reporting.orders");
            }
        }
        return new ReadModel(ORDERS, lines);
    }

    /** (a) The function through FunctionInvoker; each round a database read (the days' keys deleted) and a hit. */
    private static Reads functionReads(LambdaHarness lambda, Engine redis, Range range) throws IOException {
        String event = salesEvent(range);
        return interleaved(redis, range, () -> hitOf(lambda.invoke(SALES, event)));
    }

    /**
     * (b) The service's cache-aside class alone ({@code CachedSales}), from a context of the service like the function's
     * own. The service is on the class path at run time only (its Lambda jar, which cannot be a compile dependency:
     * Spring Boot's repackaging nests its classes), so the context is started and the class called reflectively; a
     * reflective call costs well under a microsecond against the milliseconds measured.
     */
    private static List<Reads> cacheAsideReads(Engine redis) throws Exception {
        Class<?> application = Class.forName("dev.serverlesspatterns.reporting.ReportingApplication");
        Class<?> cachedSales = Class.forName("dev.serverlesspatterns.reporting.report.CachedSales");
        Class<?> springApplication = Class.forName("org.springframework.boot.SpringApplication");
        Object spring =
                springApplication.getConstructor(Class[].class).newInstance((Object) new Class<?>[] {application});
        // The function runs AOT-processed; Spring finds the AOT initializer by the main class, which is this one unless
        // set.
        springApplication.getMethod("setMainApplicationClass", Class.class).invoke(spring, application);
        // The function's environment is in this JVM's system properties since (a) ran it.
        try (AutoCloseable service = (AutoCloseable)
                springApplication.getMethod("run", String[].class).invoke(spring, (Object) new String[] {
                    "--spring.main.web-application-type=none", "--spring.cloud.function.definition=salesReport"
                })) {
            Object sales = service.getClass().getMethod("getBean", Class.class).invoke(service, cachedSales);
            Method read = cachedSales.getMethod("read", LocalDate.class, LocalDate.class);
            Method hit = read.getReturnType().getMethod("hit");
            List<Reads> reads = new ArrayList<>();
            for (Range range : RANGES) {
                reads.add(interleaved(redis, range, () -> {
                    try {
                        return (boolean) hit.invoke(read.invoke(sales, range.from(), range.to()));
                    } catch (InvocationTargetException failure) {
                        throw new IllegalStateException("CachedSales.read failed", failure.getCause());
                    } catch (IllegalAccessException failure) {
                        throw new IllegalStateException(failure);
                    }
                }));
                log.info("(b) cache-aside class, {}: {}", range.name(), reads.getLast());
            }
            return reads;
        }
    }

    /** Interleaved: each round a database read (the days' keys deleted first) and a hit, so both see the same noise. */
    private static Reads interleaved(Engine redis, Range range, BooleanSupplier read) throws IOException {
        // ReportCache.salesKey's keys: the benchmark has the service on its class path at run time only.
        List<String> keys = range.from()
                .datesUntil(range.to().plusDays(1))
                .map(day -> "report:sales:" + day)
                .toList();
        long[] hits = new long[ROUNDS];
        long[] misses = new long[ROUNDS];
        URI redisUrl = URI.create(redis.url());
        try (Socket socket = new Socket(redisUrl.getHost(), redisUrl.getPort())) {
            for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
                delete(socket, keys);
                long started = System.nanoTime();
                boolean missWasHit = read.getAsBoolean();
                long missed = System.nanoTime() - started;
                started = System.nanoTime();
                boolean hit = read.getAsBoolean();
                long hitTook = System.nanoTime() - started;
                if (missWasHit || !hit) {
                    throw new IllegalStateException("Expected a miss then a hit, got hit=" + missWasHit + ", " + hit);
                }
                if (round >= 0) {
                    misses[round] = missed;
                    hits[round] = hitTook;
                }
            }
        }
        return new Reads(Percentiles.of(hits), Percentiles.of(misses));
    }

    private static Lag burst(DynamoDbClient dynamo, String table, Engine postgres) throws Exception {
        List<String> written = new ArrayList<>();
        String customer = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        Instant started = Instant.now();
        try (ExecutorService writers = Executors.newFixedThreadPool(16)) {
            List<java.util.concurrent.Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                futures.add(writers.submit(() -> write(dynamo, table, customer)));
            }
            for (var future : futures) {
                written.add(future.get());
            }
        }
        long writeMillis = ChronoUnit.MILLIS.between(started, Instant.now());
        awaitRows(postgres, written);
        try (Connection connection = connect(postgres);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag),
                               percentile_cont(0.99) WITHIN GROUP (ORDER BY lag), max(lag)
                        FROM (SELECT extract(epoch FROM replicated_at - last_updated) * 1000 AS lag
                              FROM reporting.orders WHERE customer_id = '%s') lags
                        """.formatted(customer))) {
            result.next();
            return new Lag(result.getDouble(1), result.getDouble(2), result.getDouble(3), writeMillis);
        }
    }

    /** An order item as the orders table stores it, written now (its updatedAt is the write's time). */
    private static String write(DynamoDbClient dynamo, String table, String customer) {
        String orderId = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("orderId", AttributeValue.fromS(orderId));
        item.put("customerId", AttributeValue.fromS(customer));
        item.put("status", AttributeValue.fromS("OPEN"));
        item.put("currency", AttributeValue.fromS("EUR"));
        item.put(
                "items",
                AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                        "sku", AttributeValue.fromS("BOOK-42"),
                        "quantity", AttributeValue.fromN("2"),
                        "unitPriceCents", AttributeValue.fromN("1250"))))));
        item.put("totalCents", AttributeValue.fromN("2500"));
        item.put("createdAt", AttributeValue.fromS(now));
        item.put("updatedAt", AttributeValue.fromS(now));
        item.put("version", AttributeValue.fromN("1"));
        dynamo.putItem(put -> put.tableName(table).item(item));
        return orderId;
    }

    private static void awaitRows(Engine postgres, List<String> orderIds) throws Exception {
        String ids = String.join("','", orderIds);
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Connection connection = connect(postgres);
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(
                            "SELECT count(*) FROM reporting.orders WHERE order_id IN ('" + ids + "')")) {
                result.next();
                if (result.getInt(1) == orderIds.size()) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The read model did not receive all " + orderIds.size() + " orders in 5 min");
    }

    private static Connection connect(Engine postgres) throws SQLException {
        return DriverManager.getConnection(postgres.url(), postgres.username(), postgres.password());
    }

    /** DEL over RESP: the benchmark needs one command, not a Redis client. */
    private static void delete(Socket socket, List<String> keys) throws IOException {
        StringBuilder command = new StringBuilder("*" + (keys.size() + 1) + "\r\n$3\r\nDEL\r\n");
        keys.forEach(key -> command.append("$")
                .append(key.length())
                .append("\r\n")
                .append(key)
                .append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(command.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        int read;
        do {
            read = in.read();
        } while (read != '\n' && read != -1);
    }

    /** Whether the function's 200 answer came from the cache alone. */
    private static boolean hitOf(String response) {
        JsonNode proxy = JSON.readTree(response);
        if (proxy.get("statusCode").asInt() != 200) {
            throw new IllegalStateException("Expected a 200, got " + response);
        }
        return "HIT".equals(proxy.get("headers").get("X-Cache").asString());
    }

    private static String salesEvent(Range range) throws IOException {
        return Files.readString(Path.of("services/reporting/src/test/resources/events/sales-report.json"))
                .replace("2026-11-26", range.from().toString())
                .replace("2026-11-27", range.to().toString());
    }

    private static Path write(
            Path repository,
            ReadModel readModel,
            List<Reads> function,
            List<Reads> cacheAside,
            MachineInfo machine,
            Lag lag,
            AwsEmulator emulator,
            Engine postgres,
            Engine redis)
            throws IOException {
        StringBuilder rows = new StringBuilder();
        StringBuilder goals = new StringBuilder();
        for (int index = 0; index < RANGES.size(); index++) {
            Range range = RANGES.get(index);
            level(rows, goals, range, "(a) function via FunctionInvoker", function.get(index));
            level(rows, goals, range, "(b) cache-aside class `CachedSales`", cacheAside.get(index));
        }
        String text = """
                # Reporting benchmark, %s

                Machine: %s cores, %s; load average (1, 5, 15 min) at the end of the reads: %s. Java %s. AWS
                emulator: %s. Postgres: %s. Redis: %s. Command: `benchmarks/reporting`.

                ## Sales report: cache hit against database path (same run, interleaved)

                The sales report of a whole month (%s to %s: %d days, one cache key per day) and of its last day, on
                a read model of %d orders with %d order lines, loaded straight into `reporting.orders`. Each of %d
                rounds (after %d warm-up rounds) deletes the range's keys, reads the report (a miss: Redis MGET, the
                GROUP BY query, one Redis SET per day) and reads it again (a hit: Redis MGET, the days' cached JSON
                joined as it is).

                | report | level | path | p50 | p99 |
                | --- | --- | --- | --- | --- |
                %s
                (a) is the handler Lambda runs with an API Gateway event, without the network. (b) is the class the
                function calls, from a Spring context of the service built in the benchmark's JVM: the difference
                between (a) and (b) is the framework's event conversion and the response's JSON.

                Goals: hit p99 <= 2 ms, and the hit >= 10x faster than the database path.
                %s
                ## Replication lag under a burst of %d writes

                %d orders written to the orders table by 16 writers (%d ms for all writes), each replicated by the
                local runtime's event source mapping on the table's stream into `replicateOrders`. Lag is the read
                model's `replicated_at` minus the order's `updatedAt` (both this machine's clock).

                | p50 | p99 | max |
                | --- | --- | --- |
                | %.0f ms | %.0f ms | %.0f ms |

                The local mapping polls the stream (moto) and runs one batch per shard at a time, as Lambda does; on
                AWS the lag adds the stream's own propagation (typically well under a second) and the VPC function's
                connection reuse.
                """.formatted(
                        LocalDate.now(),
                        machine.cores(),
                        machine.cpu(),
                        machine.loadAverage(),
                        Runtime.version(),
                        emulator.endpoint().description().replaceAll(" at http://127\\.0\\.0\\.1:\\d+", ""),
                        postgres.description(),
                        redis.description(),
                        FIRST_DAY,
                        LAST_DAY,
                        ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1,
                        readModel.orders(),
                        readModel.lines(),
                        ROUNDS,
                        WARM_UP_ROUNDS,
                        rows,
                        goals,
                        BURST,
                        BURST,
                        lag.writeMillis(),
                        lag.p50(),
                        lag.p99(),
                        lag.max());
        Path report = repository.resolve("benchmarks/reports/reporting-" + LocalDate.now() + ".md");
        try {
            Files.writeString(report, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report;
    }

    private static void level(StringBuilder rows, StringBuilder goals, Range range, String level, Reads reads) {
        rows.append("| %s | %s | cache hit | %.3f ms | %.3f ms |%n"
                .formatted(range.name(), level, reads.hit().p50(), reads.hit().p99()));
        rows.append("| %s | %s | database (miss) | %.3f ms | %.3f ms |%n"
                .formatted(range.name(), level, reads.miss().p50(), reads.miss().p99()));
        goals.append("- %s, %s: hit p99 %s 2 ms; the hit is %.1fx faster at p50 and %.1fx at p99.%n"
                .formatted(
                        range.name(),
                        level,
                        goal(reads),
                        reads.miss().p50() / reads.hit().p50(),
                        reads.miss().p99() / reads.hit().p99()));
    }

    private static String goal(Reads reads) {
        return reads.hit().p99() <= 2.0 ? "meets" : "misses";
    }

    private record Range(String name, LocalDate from, LocalDate to) {}

    private record ReadModel(int orders, int lines) {}

    private record Reads(Percentiles hit, Percentiles miss) {}

    private record Lag(double p50, double p99, double max, long writeMillis) {}

    /** Milliseconds. */
    private record Percentiles(double p50, double p99) {
        static Percentiles of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Percentiles(at(sorted, 0.50), at(sorted, 0.99));
        }

        private static double at(long[] sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1_000_000.0;
        }
    }
}

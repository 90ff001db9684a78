package dev.serverlesspatterns.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Services in real JVMs of their own: how they get their ports, and how they heal after a crash or a timeout. */
class ServiceProcessTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REQUEST_ID = "RequestId: [0-9a-f-]{36} Error: ";

    /**
     * Launched at the same moment, as the local suite launches all services. Each JVM start costs seconds of CPU,
     * so the timeout test reuses invoicing: a timeout keeps the JVM, which that test checks.
     */
    private static ServiceProcess billing;

    private static ServiceProcess invoicing;

    @TempDir
    static Path logs;

    @TempDir
    Path directory;

    private final List<ServiceProcess> started = new ArrayList<>();

    @BeforeAll
    static void launchTwoServicesTogether() {
        billing = start("billing", "billing", logs);
        invoicing = start("invoicing", "invoicing", logs);
    }

    @AfterAll
    static void stopTheSharedServices() {
        billing.close();
        invoicing.close();
    }

    @AfterEach
    void stopTheServices() {
        started.forEach(ServiceProcess::close);
    }

    @Test
    void servicesStartedTogetherEachAnswerOnAPortOfTheirOwn() throws Exception {
        // given two services launched at the same moment, as the local suite launches all of them

        // when both are ready
        try (ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> billingReady = waiting.submit(billing::awaitReady);
            Future<?> invoicingReady = waiting.submit(invoicing::awaitReady);
            billingReady.get();
            invoicingReady.get();
        }

        // then each answers as itself: neither was handed a port the other took
        assertThat(answer(billing.invoke("whoAmI", "Billing", event(Map.of()), 30))
                        .get("identity")
                        .asString())
                .isEqualTo("billing");
        assertThat(answer(invoicing.invoke("whoAmI", "Invoicing", event(Map.of()), 30))
                        .get("identity")
                        .asString())
                .isEqualTo("invoicing");
    }

    @Test
    void aKilledServiceReportsItsInFlightInvocationAsARuntimeExitAndIsReplaced() throws Exception {
        // given a ready service with an invocation in flight
        ServiceProcess service = start("billing", "billing", directory.resolve("logs"));
        started.add(service);
        service.awaitReady();
        ProcessHandle firstJvm = service.process();
        Path workStarted = directory.resolve("started");
        CompletableFuture<InvocationResult> inFlight = CompletableFuture.supplyAsync(
                () -> service.invoke("work", "Billing", work(60_000, workStarted, directory.resolve("finished")), 120));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(workStarted));

        // when its JVM is killed (kill -9)
        firstJvm.destroyForcibly();

        // then the invocation ends as Lambda reports a dead runtime
        InvocationResult result = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(result.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(result.payload());
        assertThat(error.get("errorType").asString()).isEqualTo("Runtime.ExitError");
        assertThat(error.get("errorMessage").asString())
                .matches(REQUEST_ID + "Runtime exited with error: signal: killed");

        // and the next invocation runs in a new JVM
        JsonNode next = answer(service.invoke("whoAmI", "Billing", event(Map.of()), 60));
        assertThat(next.get("pid").asLong())
                .isNotEqualTo(firstJvm.pid())
                .isEqualTo(service.process().pid());
    }

    @Test
    void anInvocationPastItsTimeoutIsReportedAsTimedOutAndItsLateWorkIsStopped() throws Exception {
        // given a ready service that has answered once
        ServiceProcess service = invoicing;
        service.awaitReady();
        long pid = answer(service.invoke("whoAmI", "Invoicing", event(Map.of()), 60))
                .get("pid")
                .asLong();
        Path workStarted = directory.resolve("started");
        Path workFinished = directory.resolve("finished");

        // when a function that works for 4 seconds runs under a 2 second timeout
        InvocationResult result = service.invoke("work", "Invoicing", work(4_000, workStarted, workFinished), 2);

        // then it is reported in Lambda's words
        assertThat(result.functionError()).isEqualTo("Unhandled");
        JsonNode error = JSON.readTree(result.payload());
        assertThat(error.get("errorType").asString()).isEqualTo("Sandbox.Timedout");
        assertThat(error.get("errorMessage").asString()).matches(REQUEST_ID + "Task timed out after 2.00 seconds");

        // and the work had started but is stopped at the deadline: it never finishes late
        assertThat(workStarted).exists();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(workFinished));

        // and the same JVM keeps answering (a timeout does not discard it, see ServiceProcess)
        assertThat(answer(service.invoke("whoAmI", "Invoicing", event(Map.of()), 60))
                        .get("pid")
                        .asLong())
                .isEqualTo(pid);
    }

    private static ServiceProcess start(String name, String identity, Path logDirectory) {
        return ServiceProcess.start(
                name,
                List.of("-cp", System.getProperty("java.class.path"), WorkingService.class.getName()),
                Map.of("SERVICE_IDENTITY", identity),
                logDirectory);
    }

    private static byte[] work(long millis, Path startedFile, Path finishedFile) {
        return event(Map.of(
                "millis", millis, "startedFile", startedFile.toString(), "finishedFile", finishedFile.toString()));
    }

    private static byte[] event(Map<String, Object> fields) {
        return JSON.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode answer(InvocationResult result) {
        assertThat(result.failed()).as(result.payloadText()).isFalse();
        return JSON.readTree(result.payload());
    }
}

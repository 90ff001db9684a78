package dev.serverlesspatterns.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start-up cache the JVM cannot use never stops a service; the runtime learns that it must train it again. */
class StartupCacheTest {

    @TempDir
    Path directory;

    @Test
    void aServiceStartsWithoutACacheItsJvmCannotUseAndTheCacheIsReportedUnusable() throws Exception {
        // given a trained cache whose AOT file the JVM cannot map (another JDK's, or a torn write)
        Path bootJar = Files.writeString(directory.resolve("billing-exec.jar"), "the service's Boot jar");
        StartupCache cache = StartupCache.of(bootJar, ServiceProcess.JVM_OPTIONS);
        Files.createDirectories(cache.directory());
        Files.writeString(cache.aotFile(), "not an AOT cache");
        Path aotErrors = directory.resolve("billing.aot-errors.log");

        // when the service starts with it
        List<String> launch = new ArrayList<>(cache.cacheOptions(aotErrors));
        launch.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkingService.class.getName()));
        Set<String> functions;
        try (ServiceProcess service = ServiceProcess.start(
                "billing", launch, Map.of("SERVICE_IDENTITY", "billing"), directory.resolve("logs"))) {
            functions = service.awaitReady();
        }

        // then it answers without the cache, and the cache is reported unusable
        assertThat(functions).contains("whoAmI");
        assertThat(StartupCache.usable(aotErrors)).isFalse();
    }
}

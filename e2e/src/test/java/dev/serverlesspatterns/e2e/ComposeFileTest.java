package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.emulator.ContainerEmulator;
import dev.serverlesspatterns.local.engines.Engines;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml cannot run here (no Docker engine), so its promises are checked as data. */
class ComposeFileTest {

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void pinsEveryImage() {
        services.forEach((name, service) -> {
            Object image = service.get("image");
            if (image != null) {
                assertThat(String.valueOf(image)).as(name).contains(":").doesNotEndWith(":latest");
            }
        });
    }

    @Test
    void runsTheFlociVersionTheTestsUse() {
        assertThat(services.get("floci")).containsEntry("image", ContainerEmulator.FLOCI_IMAGE);
    }

    @Test
    void runsThePostgresVersionTheTestsUse() {
        assertThat(services.get("postgres")).containsEntry("image", Engines.POSTGRES_IMAGE);
    }

    @Test
    void bindsPublishedPortsToLoopbackOnly() {
        services.forEach((name, service) -> {
            @SuppressWarnings("unchecked")
            List<String> ports = (List<String>) service.getOrDefault("ports", List.of());
            assertThat(ports).as(name).allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
        });
    }

    @Test
    void startsDependentsOnlyWhenTheirDependenciesAreHealthy() {
        services.forEach((name, service) -> {
            assertThat(service).as(name + " has a health check").containsKey("healthcheck");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> dependsOn =
                    (Map<String, Map<String, String>>) service.getOrDefault("depends_on", Map.of());
            dependsOn.forEach((dependency, condition) -> {
                assertThat(condition).as(name + " -> " + dependency).containsEntry("condition", "service_healthy");
                assertThat(services.get(dependency)).as(dependency).containsKey("healthcheck");
            });
        });
    }
}

package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.emulator.ContainerEmulator;
import dev.serverlesspatterns.local.engines.Engines;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run here (no Docker engine), so its promises are checked as data; the suite containers'
 * health checks run for real in {@link ComposeHealthCheckIT}.
 */
class ComposeFileTest {

    private static ComposeFile compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void readComposeFile() {
        compose = ComposeFile.ofRepository();
        services = compose.services();
    }

    @Test
    void leavesOutTheObsoleteVersionKey() {
        // Compose v2 ignores it with a warning on every command.
        assertThat(compose.document()).doesNotContainKey("version");
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
    void servesTheShopApiOnTheSuitePort() {
        // The gateway serves the template's APIs on consecutive ports from SUITE_PORT, in template order; the health
        // check and the published port are the shop API's.
        assertThat(SamTemplate.ofRepository().restApis().getFirst().logicalId()).isEqualTo("ShopApi");
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
    void postgresKeepsStatementStatisticsAsTheTestsOneDoes() {
        assertThat(services.get("postgres"))
                .containsEntry("command", List.of("postgres", "-c", "shared_preload_libraries=pg_stat_statements"));
    }

    @Test
    void runsTheRedisVersionTheTestsUse() {
        assertThat(services.get("redis")).containsEntry("image", Engines.REDIS_IMAGE);
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

    @Test
    void probesEachSuiteOnThePortItPublishes() {
        assertThat(compose.suiteServices()).isNotEmpty().allSatisfy((name, service) -> {
            String port = ComposeFile.environment(service).get(ComposeFile.SUITE_PORT);
            assertThat(port).as(name + " sets " + ComposeFile.SUITE_PORT).isNotBlank();
            @SuppressWarnings("unchecked")
            List<String> ports = (List<String>) service.get("ports");
            assertThat(ports).as(name).contains("127.0.0.1:" + port + ":" + port);
            ComposeFile.HealthCheck healthCheck = ComposeFile.healthCheck(service);
            assertThat(healthCheck.viaShell()).as(name).isTrue();
            assertThat(healthCheck.shellCommand()).as(name).contains("${" + ComposeFile.SUITE_PORT + "}");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void proxiesEverySuitesLegacyPathsToTheLegacyShopService() {
        // The companion app's URL parameter names the compose service, so the suite starts no monolith of its own.
        String urlParameter = SamTemplate.ofRepository().companionApps().stream()
                .filter(app -> app.name().equals("LegacyShop"))
                .findFirst()
                .orElseThrow()
                .urlParameter();
        assertThat((Map<String, Object>) services.get("legacy-shop").get("build"))
                .containsEntry("target", "legacy-shop");
        assertThat(compose.suiteServices()).isNotEmpty().allSatisfy((name, service) -> {
            assertThat((List<String>) service.get("command"))
                    .as(name)
                    .containsSubsequence("--parameter", urlParameter + "=http://legacy-shop:8080");
            assertThat((Map<String, Object>) service.get("depends_on")).as(name).containsKey("legacy-shop");
        });
    }

    @Test
    void leavesEveryShellVariableToTheContainer() {
        // A single $ is replaced by compose from the host's environment before the container sees the command.
        services.forEach((name, service) -> {
            ComposeFile.HealthCheck healthCheck = ComposeFile.healthCheck(service);
            if (healthCheck.viaShell()) {
                assertThat(healthCheck.test().get(1).replace("$$", "")).as(name).doesNotContain("$");
            }
        });
    }
}

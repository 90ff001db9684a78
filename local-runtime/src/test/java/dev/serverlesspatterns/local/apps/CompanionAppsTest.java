package dev.serverlesspatterns.local.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.engines.Engine;
import dev.serverlesspatterns.local.engines.Engines;
import dev.serverlesspatterns.local.template.CompanionAppDefinition;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompanionAppsTest {

    private static final SamTemplate TEMPLATE =
            SamTemplate.load(Path.of("src/test/resources/templates/companion-app.yaml"));

    /** {@link HealthApp} as a runnable jar, where the template expects it. */
    @BeforeAll
    static void packageTheApp() throws IOException {
        Path jar = TEMPLATE.companionApps().getFirst().jar();
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, HealthApp.class.getName());
        manifest.getMainAttributes()
                .put(
                        Attributes.Name.CLASS_PATH,
                        Path.of("target/test-classes/").toAbsolutePath().toUri().toString());
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // The manifest is the whole jar: its class path names the test classes.
        }
    }

    @Test
    void readsTheAppsOfTheTemplateMetadata() {
        // when
        var apps = TEMPLATE.companionApps();

        // then the jar resolves against the template's folder, like a CodeUri
        assertThat(apps)
                .containsExactly(new CompanionAppDefinition(
                        "Partner",
                        Path.of("target/companion-app-test/partner.jar").toAbsolutePath(),
                        "PartnerUrl",
                        "/health",
                        true));
    }

    @Test
    void aRunThatStartsNoAppStillResolvesTheTemplate() {
        // when a run only provisions (no gateway, so no app), without a value for the URL parameter
        Map<String, String> values = TEMPLATE.parameterValues(Map.of());

        // then the URL parameter gets the local placeholder instead of stopping the run
        assertThat(values).containsEntry("PartnerUrl", SamTemplate.NOT_USED_LOCALLY);
    }

    @Test
    void startsTheAppWithTheDatabaseAndFillsItsUrlParameter(@TempDir Path logs) throws Exception {
        // given a Postgres engine the app is told about (nobody needs to serve it for this test)
        Engine postgres = Engines.unreachablePostgres();

        // when the apps start
        try (CompanionApps apps = CompanionApps.start(TEMPLATE, Map.of(), Optional.of(postgres), logs, line -> {})) {
            // then the URL parameter names the running app, which got the engine's settings
            String url = apps.filledInto(Map.of("Other", "kept")).get("PartnerUrl");
            assertThat(url).startsWith("http://127.0.0.1:");
            HttpResponse<String> database = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "/database"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(database.body()).isEqualTo(postgres.url() + " " + postgres.username());
            assertThat(apps.filledInto(Map.of("Other", "kept"))).containsEntry("Other", "kept");
        }
    }

    @Test
    void anOverriddenUrlMeansTheRunBringsItsOwnApp(@TempDir Path logs) {
        // given a run that names the app's URL itself (compose runs the app as its own service)
        Map<String, String> overrides = Map.of("PartnerUrl", "http://partner:8080");

        // when the apps start
        try (CompanionApps apps = CompanionApps.start(TEMPLATE, overrides, Optional.empty(), logs, line -> {})) {
            // then none is started, none needs Postgres, and the override stands
            assertThat(CompanionApps.needPostgres(TEMPLATE, overrides)).isFalse();
            assertThat(apps.filledInto(overrides)).containsEntry("PartnerUrl", "http://partner:8080");
            assertThat(logs).isEmptyDirectory();
        }
    }
}

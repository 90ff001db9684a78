package dev.serverlesspatterns.local.apps;

import dev.serverlesspatterns.local.engines.Engine;
import dev.serverlesspatterns.local.template.CompanionAppDefinition;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The template's companion apps ({@code Metadata.LocalRuntime.Apps}, see {@link CompanionAppDefinition}): started
 * in parallel, each with the Postgres engine when it asks for one, and their URLs filled into the parameters they
 * name. An app whose URL parameter the run overrides is not started: the run brings its own (compose runs it as a
 * service of its own).
 */
public final class CompanionApps implements AutoCloseable {

    private final List<CompanionApp> apps;
    private final Map<String, String> urls;

    private CompanionApps(List<CompanionApp> apps, Map<String, String> urls) {
        this.apps = apps;
        this.urls = urls;
    }

    /** Whether an app the run starts needs the Postgres engine. */
    public static boolean needPostgres(SamTemplate template, Map<String, String> overrides) {
        return toStart(template, overrides).stream().anyMatch(CompanionAppDefinition::postgres);
    }

    public static CompanionApps start(
            SamTemplate template,
            Map<String, String> overrides,
            Optional<Engine> postgres,
            Path logDirectory,
            Consumer<String> progress) {
        List<CompanionApp> launched = new ArrayList<>();
        Map<String, String> urls = new LinkedHashMap<>();
        try {
            for (CompanionAppDefinition definition : toStart(template, overrides)) {
                launched.add(CompanionApp.launch(definition, postgres, logDirectory));
            }
            for (CompanionApp app : launched) {
                URI url = app.awaitReady();
                urls.put(app.definition().urlParameter(), url.toString());
                progress.accept(app.definition().name() + " ready at " + url + " (log: " + app.logFile() + ")");
            }
        } catch (RuntimeException failure) {
            launched.forEach(CompanionApp::close);
            throw failure;
        }
        return new CompanionApps(List.copyOf(launched), Map.copyOf(urls));
    }

    /** The parameters with the started apps' URLs added; the run's own overrides stay as they are. */
    public Map<String, String> filledInto(Map<String, String> parameters) {
        Map<String, String> filled = new LinkedHashMap<>(parameters);
        urls.forEach(filled::putIfAbsent);
        return filled;
    }

    @Override
    public void close() {
        apps.forEach(CompanionApp::close);
    }

    @Override
    public String toString() {
        return "companion apps " + urls.keySet();
    }

    private static List<CompanionAppDefinition> toStart(SamTemplate template, Map<String, String> overrides) {
        return template.companionApps().stream()
                .filter(app -> !overrides.containsKey(app.urlParameter()))
                .toList();
    }
}

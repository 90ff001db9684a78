package dev.serverlesspatterns.platform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tells the local runtime that this service is ready and where it listens: once the application is ready, the
 * port the web server bound is written to {@link LocalLambdaProperties#portFile()} (written aside and moved into
 * place, so the launcher never reads half a file). Optionally stops the service when its launcher goes away.
 *
 * <p>Ready means initialized as on Lambda: there FunctionInvoker looks its function up while the execution
 * environment initializes, so the (lazily initialized) function beans exist before the first invocation starts its
 * timeout clock. Here every function of the service is looked up before the port is reported.
 */
class LocalRuntimeHandshake implements ApplicationListener<ApplicationReadyEvent> {

    private final LocalLambdaProperties properties;
    private final FunctionCatalog catalog;

    LocalRuntimeHandshake(LocalLambdaProperties properties, FunctionCatalog catalog) {
        this.properties = properties;
        this.catalog = catalog;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        LocalLambdaController.functionNames(catalog, false).forEach(name -> catalog.lookup(name, "application/json"));
        if (properties.portFile() != null && context instanceof WebServerApplicationContext web) {
            writePort(properties.portFile(), web.getWebServer().getPort());
        }
        if (properties.launcherPid() != null) {
            ProcessHandle.of(properties.launcherPid())
                    .map(ProcessHandle::onExit)
                    .orElse(CompletableFuture.completedFuture(null))
                    .thenRun(() -> System.exit(SpringApplication.exit(context)));
        }
    }

    private static void writePort(Path portFile, int port) {
        try {
            Path written = Files.writeString(
                    portFile.resolveSibling(portFile.getFileName() + ".tmp"),
                    String.valueOf(port),
                    StandardCharsets.US_ASCII);
            Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot tell the local runtime this service's port", e);
        }
    }
}

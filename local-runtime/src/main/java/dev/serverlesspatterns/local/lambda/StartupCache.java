package dev.serverlesspatterns.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What makes a service's JVM start fast locally (there is no SnapStart here): its Boot jar extracted to plain jars
 * ({@code java -Djarmode=tools -jar app.jar extract}), and a JDK AOT cache (JEP 483/514/515) trained on one start of
 * that layout. The AOT cache needs a class path of plain jars, which a Boot jar's nested jars are not; the extracted
 * layout alone also starts faster than the Boot jar, which unpacks nested jars while it loads classes.
 *
 * <p>Both live under {@code target/local-start/<key>/} beside the Boot jar, so {@code mvn clean} drops them. The key
 * covers the jar's size and modification time, the JDK build and the JVM options: a rebuilt jar, another JDK or
 * other options get a fresh cache, and the old keys are deleted. Everything is written aside and moved into place,
 * so a suite killed half-way, or two suites preparing the same jar at once, never leave a half-written cache.
 *
 * <p>A cache the JVM cannot use (it checks the class path and the JDK itself) never breaks a start: the JVM says so
 * on its {@code aot} log, which {@link #launch} sends to a file, and starts without it; {@link #usable} reads that
 * file so the runtime can discard the cache and train again.
 */
final class StartupCache {

    /**
     * {@code on} (the default) uses and trains the caches; {@code use} uses the extracted jars and the caches already
     * trained but trains none (test runs, which start the suite once and would only pay for the training);
     * {@code off} starts the Boot jars as they are.
     */
    static final String MODE_PROPERTY = "local.startup-cache";

    private static final String CACHE_DIRECTORY = "local-start";
    private static final String APP_DIRECTORY = "app";
    private static final String AOT_FILE = "app.aot";

    private final Path bootJar;
    private final Path directory;

    private StartupCache(Path bootJar, Path directory) {
        this.bootJar = bootJar;
        this.directory = directory;
    }

    static boolean enabled() {
        return !"off".equals(mode());
    }

    static boolean trains() {
        return "on".equals(mode());
    }

    private static String mode() {
        String mode = System.getProperty(MODE_PROPERTY, "on");
        if (!List.of("on", "use", "off").contains(mode)) {
            throw new IllegalArgumentException(MODE_PROPERTY + " is '" + mode + "': use on, use or off");
        }
        return mode;
    }

    /** The cache of this Boot jar started with these JVM options on the JDK running this runtime. */
    static StartupCache of(Path bootJar, List<String> jvmOptions) {
        try {
            String identity = String.join(
                    "\n",
                    String.valueOf(Files.size(bootJar)),
                    String.valueOf(Files.getLastModifiedTime(bootJar).toMillis()),
                    System.getProperty("java.home"),
                    Runtime.version().toString(),
                    String.join(" ", jvmOptions));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            String key = HexFormat.of().formatHex(digest, 0, 8);
            return new StartupCache(
                    bootJar, bootJar.resolveSibling(CACHE_DIRECTORY).resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + bootJar, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** Extracts the Boot jar unless this key already has it, and deletes the caches of earlier builds. */
    void prepare(String java) {
        if (Files.isRegularFile(extractedJar())) {
            return;
        }
        try {
            deleteOtherKeys();
            Files.createDirectories(directory);
            Path extracting = Files.createTempDirectory(directory, "extracting-");
            extract(java, extracting);
            try {
                Files.move(extracting, directory.resolve(APP_DIRECTORY), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException moveFailed) {
                deleteTree(extracting);
                if (!Files.isRegularFile(extractedJar())) {
                    throw moveFailed;
                }
                // Another suite extracted the same jar first; its copy is as good as ours.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract " + bootJar + " into " + directory, e);
        }
    }

    boolean trained() {
        return Files.isRegularFile(aotFile());
    }

    /**
     * What follows {@code java} and the JVM options to start the service: the extracted jar, with the AOT cache
     * once trained.
     */
    List<String> launch(Path aotErrors) {
        List<String> launch = new ArrayList<>(cacheOptions(aotErrors));
        launch.addAll(List.of("-jar", extractedJar().toString()));
        return launch;
    }

    /** The options that use the AOT cache once trained; the JVM writes its AOT errors, if any, to {@code aotErrors}. */
    List<String> cacheOptions(Path aotErrors) {
        if (!trained()) {
            return List.of();
        }
        return List.of("-XX:AOTCache=" + aotFile(), "-Xlog:aot=error:file=" + aotErrors + "::filecount=0");
    }

    /** The same start as a training run that writes its AOT cache to {@code output} when the JVM exits. */
    List<String> trainingLaunch(Path output) {
        return List.of("-XX:AOTCacheOutput=" + output, "-jar", extractedJar().toString());
    }

    /** Where a training run of this cache writes: beside the cache, moved into place by {@link #accept}. */
    Path trainingOutput() {
        return directory.resolve("training-" + ProcessHandle.current().pid() + ".aot");
    }

    Path directory() {
        return directory;
    }

    /** Makes a training run's output the cache. */
    void accept(Path trained) {
        try {
            Files.move(trained, aotFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the trained cache " + trained, e);
        }
    }

    /** Whether the JVM started with {@link #launch} used its cache: it logs an AOT error when it cannot. */
    static boolean usable(Path aotErrors) {
        try {
            return !Files.isRegularFile(aotErrors) || Files.size(aotErrors) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void discard() {
        try {
            Files.deleteIfExists(aotFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the unusable cache " + aotFile(), e);
        }
    }

    /** Deletes what a training run left behind when it did not finish. */
    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".config"));
        } catch (IOException ignored) {
            // Left in the cache directory; the next build's key deletes it with the rest.
        }
    }

    private Path extractedJar() {
        return directory.resolve(APP_DIRECTORY).resolve(bootJar.getFileName());
    }

    Path aotFile() {
        return directory.resolve(AOT_FILE);
    }

    private void extract(String java, Path destination) throws IOException {
        Process process = new ProcessBuilder(
                        java,
                        "-Djarmode=tools",
                        "-jar",
                        bootJar.toString(),
                        "extract",
                        "--force",
                        "--destination",
                        destination.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Extracting " + bootJar + " failed");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while extracting " + bootJar, e);
        }
    }

    private void deleteOtherKeys() throws IOException {
        Path caches = directory.getParent();
        if (!Files.isDirectory(caches)) {
            return;
        }
        try (Stream<Path> keys = Files.list(caches)) {
            for (Path key : keys.filter(key -> !key.equals(directory)).toList()) {
                deleteTree(key);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

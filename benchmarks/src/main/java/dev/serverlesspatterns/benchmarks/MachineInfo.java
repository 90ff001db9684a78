package dev.serverlesspatterns.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the figures depend on besides the code: the processor, the cores the JVMs may use, memory, the OS,
 * the JDK and how busy the machine was when the run began.
 *
 * @param javaVersion what {@code java -version} prints for the JDK the benchmarked JVMs run on
 */
record MachineInfo(String cpu, int cores, String memory, String os, List<String> javaVersion, String loadAverage) {

    static MachineInfo describe(Path java) {
        return new MachineInfo(
                firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(),
                firstValue(Path.of("/proc/meminfo"), "MemTotal")
                        .map(MachineInfo::gibibytes)
                        .orElse("unknown"),
                firstValue(Path.of("/etc/os-release"), "PRETTY_NAME")
                                .map(name -> name.replace("\"", "") + ", ")
                                .orElse("")
                        + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Commands.lines(Commands.output(Path.of("."), java.toString(), "-version")),
                read(Path.of("/proc/loadavg"))
                        .map(load ->
                                String.join(" ", List.of(load.split("\\s+")).subList(0, 3)))
                        .orElse("unknown"));
    }

    /** The value of the first {@code key: value} or {@code key=value} line of a file. */
    private static Optional<String> firstValue(Path file, String key) {
        return read(file)
                .flatMap(text -> text.lines()
                        .filter(line -> line.startsWith(key))
                        .map(line -> line.substring(key.length())
                                .replaceFirst("^\\s*[:=]\\s*", "")
                                .strip())
                        .findFirst());
    }

    private static String gibibytes(String memTotal) {
        long kilobytes = Long.parseLong(memTotal.split("\\s+")[0]);
        return String.format(Locale.ROOT, "%.1f GiB", kilobytes / (1024.0 * 1024.0));
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException unavailable) {
            return Optional.empty();
        }
    }
}

package dev.serverlesspatterns.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The peak resident set size of this process, as Linux counts it ({@code VmHWM} in /proc/self/status). */
final class PeakRss {

    /** Reported where the kernel offers no figure (not Linux). */
    static final long UNKNOWN = -1;

    private PeakRss() {}

    static long ofThisProcessKb() {
        try {
            return fromStatusKb(Files.readAllLines(Path.of("/proc/self/status")));
        } catch (IOException | UnsupportedOperationException notLinux) {
            return UNKNOWN;
        }
    }

    /** Parses the {@code VmHWM:   205312 kB} line of a /proc/PID/status file. */
    static long fromStatusKb(List<String> statusLines) {
        return statusLines.stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.substring("VmHWM:".length()).strip().split("\\s+")[0])
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElse(UNKNOWN);
    }
}

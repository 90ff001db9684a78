package dev.serverlesspatterns.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeakRssTest {

    @Test
    void readsTheHighWaterMarkFromProcStatus() {
        // given the memory lines of /proc/self/status
        List<String> status =
                List.of("Name:\tjava", "VmPeak:\t 4012345 kB", "VmHWM:\t  205312 kB", "VmRSS:\t  198000 kB");

        // when the peak resident set is read
        // then it is VmHWM, in kB
        assertThat(PeakRss.fromStatusKb(status)).isEqualTo(205312);
    }

    @Test
    void isUnknownWithoutTheLinuxFigure() {
        // given a status without VmHWM
        // when the peak resident set is read
        // then it is reported as unknown, not as zero
        assertThat(PeakRss.fromStatusKb(List.of("Name:\tjava"))).isEqualTo(PeakRss.UNKNOWN);
    }
}

package dev.serverlesspatterns.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void theMedianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        // given five wall times, one of them a slow outlier
        List<Long> wallMs = List.of(4900L, 4700L, 9800L, 4800L, 5000L);

        // when they are summarized
        Summary summary = Summary.of(wallMs);

        // then the outlier moves the maximum, not the median
        assertThat(summary.median()).isEqualTo(4900);
        assertThat(summary.min()).isEqualTo(4700);
        assertThat(summary.max()).isEqualTo(9800);
        assertThat(summary.count()).isEqualTo(5);
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        // given four measurements
        List<Long> values = List.of(10L, 40L, 20L, 30L);

        // when they are summarized
        Summary summary = Summary.of(values);

        // then the median lies between the two middle ones
        assertThat(summary.median()).isEqualTo(25);
    }

    @Test
    void formatsTheMedianWithItsRangeAndASingleRunAlone() {
        // given a summary of several runs and one of a single run
        Summary several = Summary.of(List.of(4630.2, 4812.0, 5230.7));
        Summary single = Summary.of(List.of(612L));

        // when they are formatted for the table
        // then the range follows the median only when there is one
        assertThat(several.format()).isEqualTo("4812 (4630–5231)");
        assertThat(single.format()).isEqualTo("612");
    }

    @Test
    void theRatioComparesMedians() {
        // given a function's and its floor's wall times
        Summary function = Summary.of(List.of(4700L, 4800L, 4900L));
        Summary floor = Summary.of(List.of(500L, 600L, 700L));

        // when the function is compared with the floor
        double ratio = function.ratioTo(floor);

        // then it is the quotient of the medians
        assertThat(ratio).isEqualTo(8.0);
    }

    @Test
    void refusesToSummarizeNothing() {
        // given no measurement at all
        // when it is summarized
        // then it is refused rather than reported as zero
        assertThatIllegalArgumentException().isThrownBy(() -> Summary.of(List.of()));
    }
}

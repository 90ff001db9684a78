package dev.serverlesspatterns.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void writesAFixedWidthSoThatTextOrderIsTimeOrder() {
        // given
        Instant onTheSecond = Instant.parse("2026-11-03T10:15:30Z");
        Instant halfASecondLater = Instant.parse("2026-11-03T10:15:30.5Z");

        // when
        String earlier = Timestamps.format(onTheSecond);
        String later = Timestamps.format(halfASecondLater);

        // then
        assertThat(earlier).isEqualTo("2026-11-03T10:15:30.000000Z");
        assertThat(later).isEqualTo("2026-11-03T10:15:30.500000Z");
        assertThat(earlier).isLessThan(later);
    }

    @Test
    void keepsMicrosecondsAndDropsNanoseconds() {
        // given
        Instant precise = Instant.parse("2026-11-03T10:15:30.123456789Z");

        // when
        String formatted = Timestamps.format(precise);

        // then
        assertThat(formatted).isEqualTo("2026-11-03T10:15:30.123456Z");
    }

    @Test
    void recognisesOnlyItsOwnFormat() {
        // when / then
        assertThat(Timestamps.isWellFormed("2026-11-03T10:15:30.123456Z")).isTrue();
        assertThat(Timestamps.isWellFormed("2026-11-03T10:15:30Z")).isFalse();
        assertThat(Timestamps.isWellFormed("2026-11-03T10:15:30.123456+01:00")).isFalse();
        assertThat(Timestamps.isWellFormed("yesterday")).isFalse();
    }
}

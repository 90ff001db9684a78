package dev.serverlesspatterns.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void withoutOptionsEveryFunctionRunsFiveTimesWithoutToolOptions() {
        // given no options
        // when the command line is parsed
        BenchmarkOptions options = BenchmarkOptions.parse();

        // then the defaults apply
        assertThat(options.runs()).isEqualTo(5);
        assertThat(options.withToolOptions()).isFalse();
        assertThat(options.functions()).isEmpty();
        assertThat(options.reportDirectory()).isEmpty();
        assertThat(options.primed()).isFalse();
        assertThat(options.warmInvokes()).isEqualTo(10);
        assertThat(options.jvmOptions()).isEmpty();
    }

    @Test
    void readsEveryOption() {
        // given a full command line
        // when it is parsed
        BenchmarkOptions options = BenchmarkOptions.parse(
                "--runs",
                "3",
                "--with-tool-options",
                "--function",
                "PlaceOrderFunction",
                "--function",
                "GetOrderFunction",
                "--report-dir",
                "/tmp/reports",
                "--primed",
                "--warm",
                "0",
                "--jvm-option",
                "-XX:TieredStopAtLevel=1",
                "--jvm-option",
                "-Xshare:off");

        // then each option is taken
        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.withToolOptions()).isTrue();
        assertThat(options.functions()).containsExactly("PlaceOrderFunction", "GetOrderFunction");
        assertThat(options.reportDirectory()).contains(Path.of("/tmp/reports"));
        assertThat(options.primed()).isTrue();
        assertThat(options.warmInvokes()).isZero();
        assertThat(options.jvmOptions()).containsExactly("-XX:TieredStopAtLevel=1", "-Xshare:off");
    }

    @Test
    void onlyTheDefaultRunWritesTheDaysReport() {
        // given the default run, a run with the tool options and a run of one function
        LocalDate day = LocalDate.of(2026, 11, 26);

        // when their report files are named
        // then only the default run takes the plain name
        assertThat(BenchmarkOptions.parse().reportFileName(day)).isEqualTo("cold-start-2026-11-26.md");
        assertThat(BenchmarkOptions.parse("--with-tool-options").reportFileName(day))
                .isEqualTo("cold-start-2026-11-26-tool-options.md");
        assertThat(BenchmarkOptions.parse("--function", "PlaceOrderFunction").reportFileName(day))
                .isEqualTo("cold-start-2026-11-26-partial.md");
        assertThat(BenchmarkOptions.parse("--primed", "--jvm-option", "-XX:TieredStopAtLevel=1")
                        .reportFileName(day))
                .isEqualTo("cold-start-2026-11-26-primed-jvm-options.md");
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        // given wrong command lines
        // when they are parsed
        // then each is refused with a reason
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--runs", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--runs"));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--fast"));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--warm", "-1"));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--jvm-option"));
    }
}

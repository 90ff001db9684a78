package dev.serverlesspatterns.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void showsEachFunctionWithBothFloorsAndTheRatiosToEach() {
        // given a function, its SDK floor and its plain-Java floor measured twice each, and a function without fixture
        FunctionResult placeOrder =
                FunctionResult.measuring("PlaceOrderFunction", "services/orders/events/place-order.json");
        placeOrder.function().add(new RunResult.Measured(4800, warm(204800, 2700, 2000, 500, "201", 5000)));
        placeOrder.function().add(new RunResult.Measured(5000, warm(215040, 2900, 2100, 520, "409", 5200)));
        placeOrder.sdkFloor().add(new RunResult.Measured(1000, warm(102400, 900, 300, 200, "200", 3000)));
        placeOrder.sdkFloor().add(new RunResult.Measured(1200, warm(112640, 1100, 320, 220, "200", 3000)));
        placeOrder.floor().add(new RunResult.Measured(600, new ProbeResult(51200, 300, 200, 60, "200")));
        placeOrder.floor().add(new RunResult.Measured(640, new ProbeResult(51200, 340, 210, 70, "200")));
        FunctionResult authorize =
                FunctionResult.skipped("AuthorizeRequestFunction", "no fixture: `authorize-request.json`");

        // when the table is rendered
        String table = MarkdownReport.table(List.of(authorize, placeOrder));

        // then each measured function has its row, its floors' and the ratios to both, and the skipped one says why
        assertThat(table.lines())
                .contains(
                        "| **AuthorizeRequestFunction** | — | — | — | — | — | — | — | no fixture: `authorize-request.json` |",
                        "| **PlaceOrderFunction** `place-order.json` | 2/2 | 4900 (4800–5000) | 2800 (2700–2900)"
                                + " | 2050 + 510 | 5.1 (5.0–5.2) | 100.0× | 205 (200–210) | 201 ×1, 409 ×1 |",
                        "| ↳ SDK floor | 2/2 | 1100 (1000–1200) | 1000 (900–1100) | 310 + 210 | 3.0 | 70.0×"
                                + " | 105 (100–110) | 200 ×2 |",
                        "| ↳ plain-Java floor | 2/2 | 620 (600–640) | 320 (300–340) | 205 + 65 | — | — | 50 | 200 ×2 |",
                        "| ↳ function / SDK floor |  | 4.5× | 2.8× |  | 1.7× |  | 2.0× |  |",
                        "| ↳ function / floor |  | 7.9× | 8.8× |  | — |  | 4.1× |  |");
    }

    @Test
    void aPrimedFunctionShowsItsPrimingAndItsFirstInvokeAgainstAWarmOne() {
        // given a function measured twice in primed mode: priming, then a first invoke twice as long as a warm one
        FunctionResult getOrder = FunctionResult.measuring("GetOrderFunction", "get-order.json");
        getOrder.function().add(new RunResult.Measured(4800, primed(2000, 400, 12, 6000)));
        getOrder.function().add(new RunResult.Measured(5000, primed(2000, 420, 14, 7000)));

        // when the tables are rendered
        String table = MarkdownReport.table(List.of(getOrder));
        String primedTable = MarkdownReport.primedTable(List.of(getOrder));

        // then the main table shows init + priming + first invoke, the primed one restore to first response
        assertThat(table).contains("| 2000 + 410 + 13 | 6.5 (6.0–7.0) | 2.0× |");
        assertThat(primedTable.lines())
                .contains("| **GetOrderFunction** | 410 (400–420) | 13 (12–14) | 6.5 (6.0–7.0) | 2.0× | yes |");
    }

    @Test
    void countsFailedRunsAgainstTheAttempts() {
        // given one measured and one failed run, and a failed SDK floor run
        FunctionResult getOrder = FunctionResult.measuring("GetOrderFunction", "get-order.json");
        getOrder.function().add(new RunResult.Measured(4800, new ProbeResult(204800, 2700, 2000, 500, "404")));
        getOrder.function().add(new RunResult.Failed("exit code 1", "java.lang.IllegalStateException: boom"));
        getOrder.sdkFloor().add(new RunResult.Failed("exit code 1", "ResourceNotFoundException"));

        // when the table is rendered
        String table = MarkdownReport.table(List.of(getOrder));

        // then the run count shows the failure and both failures are counted
        assertThat(table).contains("| **GetOrderFunction** `get-order.json` | 1/2 | 4800 |");
        assertThat(table).contains("| ↳ SDK floor | 0/1 | — |");
        assertThat(getOrder.failedRuns()).isEqualTo(2);
    }

    private static ProbeResult warm(
            long rssKb, long firstResponseMs, long initMs, long invokeMs, String outcome, long warmMedianUs) {
        return new ProbeResult(
                rssKb, firstResponseMs, initMs, invokeMs, outcome, OptionalLong.empty(), OptionalLong.of(warmMedianUs));
    }

    private static ProbeResult primed(long initMs, long primeMs, long invokeMs, long warmMedianUs) {
        return new ProbeResult(
                250000,
                initMs + primeMs + invokeMs + 500,
                initMs,
                invokeMs,
                "404",
                OptionalLong.of(primeMs),
                OptionalLong.of(warmMedianUs));
    }
}

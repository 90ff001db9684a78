package dev.serverlesspatterns.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void showsEachFunctionWithItsFloorAndTheirRatio() {
        // given a function measured twice, its floor twice, and a function without fixture
        FunctionResult placeOrder =
                FunctionResult.measuring("PlaceOrderFunction", "services/orders/events/place-order.json");
        placeOrder.function().add(new RunResult.Measured(4800, new ProbeResult(204800, 2700, 2000, 500, "201")));
        placeOrder.function().add(new RunResult.Measured(5000, new ProbeResult(215040, 2900, 2100, 520, "409")));
        placeOrder.floor().add(new RunResult.Measured(600, new ProbeResult(51200, 300, 200, 60, "200")));
        placeOrder.floor().add(new RunResult.Measured(640, new ProbeResult(51200, 340, 210, 70, "200")));
        FunctionResult authorize =
                FunctionResult.skipped("AuthorizeRequestFunction", "no fixture: `authorize-request.json`");

        // when the table is rendered
        String table = MarkdownReport.table(List.of(authorize, placeOrder));

        // then each measured function has its row, its floor's and the ratio, and the skipped one says why
        assertThat(table.lines())
                .contains(
                        "| **AuthorizeRequestFunction** | — | — | — | — | — | no fixture: `authorize-request.json` |",
                        "| **PlaceOrderFunction** `place-order.json` | 2/2 | 4900 (4800–5000) | 2800 (2700–2900)"
                                + " | 2050 + 510 | 205 (200–210) | 201 ×1, 409 ×1 |",
                        "| ↳ plain-Java floor | 2/2 | 620 (600–640) | 320 (300–340) | 205 + 65 | 50 | 200 ×2 |",
                        "| ↳ function / floor |  | 7.9× | 8.8× |  | 4.1× |  |");
    }

    @Test
    void countsFailedRunsAgainstTheAttempts() {
        // given one measured and one failed run
        FunctionResult getOrder = FunctionResult.measuring("GetOrderFunction", "get-order.json");
        getOrder.function().add(new RunResult.Measured(4800, new ProbeResult(204800, 2700, 2000, 500, "404")));
        getOrder.function().add(new RunResult.Failed("exit code 1", "java.lang.IllegalStateException: boom"));

        // when the table is rendered
        String table = MarkdownReport.table(List.of(getOrder));

        // then the run count shows the failure and the failure is counted
        assertThat(table).contains("| **GetOrderFunction** `get-order.json` | 1/2 | 4800 |");
        assertThat(getOrder.failedRuns()).isEqualTo(1);
    }
}

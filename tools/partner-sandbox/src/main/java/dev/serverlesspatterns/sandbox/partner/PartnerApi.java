package dev.serverlesspatterns.sandbox.partner;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner's API: shipping rates for a parcel between two countries, and a delivery estimate. Every request is
 * counted before the injected fault (if any) answers it, so a test can tell exactly how many calls reached it.
 */
@RestController
class PartnerApi {

    private final PartnerBehaviour behaviour;

    PartnerApi(PartnerBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    @GetMapping("/rates")
    ResponseEntity<Object> rates(@RequestParam String from, @RequestParam String to, @RequestParam int weightGrams)
            throws InterruptedException {
        Optional<ResponseEntity<Object>> failed = answerFault();
        if (failed.isPresent()) {
            return failed.get();
        }
        long base = 450 + weightGrams / 100 * 15L + (from.equals(to) ? 0 : 800);
        return ResponseEntity.ok(Map.of(
                "from",
                from,
                "to",
                to,
                "weightGrams",
                weightGrams,
                "rates",
                List.of(
                        Map.of("service", "STANDARD", "priceCents", base, "currency", "EUR"),
                        Map.of("service", "EXPRESS", "priceCents", base * 2, "currency", "EUR"))));
    }

    @GetMapping("/delivery-estimates")
    ResponseEntity<Object> deliveryEstimate(@RequestParam String from, @RequestParam String to)
            throws InterruptedException {
        Optional<ResponseEntity<Object>> failed = answerFault();
        if (failed.isPresent()) {
            return failed.get();
        }
        return ResponseEntity.ok(Map.of("from", from, "to", to, "days", from.equals(to) ? 1 : 3));
    }

    /** Waits the fault's delay; a fault with a status answers with it, one without goes on to the normal answer. */
    private Optional<ResponseEntity<Object>> answerFault() throws InterruptedException {
        Optional<Fault> fault = behaviour.arrived();
        if (fault.isEmpty()) {
            return Optional.empty();
        }
        Thread.sleep(fault.get().delayMillis());
        int status = fault.get().status();
        return status == 0
                ? Optional.empty()
                : Optional.of(ResponseEntity.status(status).body(Map.of("error", "injected fault " + status)));
    }
}

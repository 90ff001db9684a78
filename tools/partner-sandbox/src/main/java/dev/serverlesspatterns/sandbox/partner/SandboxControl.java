package dev.serverlesspatterns.sandbox.partner;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The control API a test uses: inject faults, read the request count, reset both. */
@RestController
class SandboxControl {

    private final PartnerBehaviour behaviour;

    SandboxControl(PartnerBehaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** {@code {"status":500,"delayMillis":0,"count":3}}: the next 3 partner requests answer 500. */
    @PostMapping("/sandbox/faults")
    ResponseEntity<Void> inject(@RequestBody Fault fault) {
        if (fault.delayMillis() < 0 || (fault.status() != 0 && (fault.status() < 100 || fault.status() > 599))) {
            return ResponseEntity.badRequest().build();
        }
        behaviour.inject(fault);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sandbox/requests")
    Map<String, Long> requests() {
        return Map.of("count", behaviour.requests());
    }

    @PostMapping("/sandbox/reset")
    ResponseEntity<Void> reset() {
        behaviour.reset();
        return ResponseEntity.noContent().build();
    }
}

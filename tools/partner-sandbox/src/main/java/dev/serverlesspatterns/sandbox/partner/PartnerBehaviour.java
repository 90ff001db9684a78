package dev.serverlesspatterns.sandbox.partner;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The faults the control API injected, and the count of partner requests that arrived. */
@Component
class PartnerBehaviour {

    private final AtomicLong requests = new AtomicLong();
    private Fault fault;
    private int remaining;

    /** Counts a partner request and tells which fault, if any, answers it. */
    synchronized Optional<Fault> arrived() {
        requests.incrementAndGet();
        if (fault == null) {
            return Optional.empty();
        }
        Fault current = fault;
        if (current.count() > 0 && --remaining == 0) {
            fault = null;
        }
        return Optional.of(current);
    }

    synchronized void inject(Fault next) {
        fault = next;
        remaining = next.count();
    }

    synchronized void reset() {
        fault = null;
        remaining = 0;
        requests.set(0);
    }

    long requests() {
        return requests.get();
    }
}

package dev.serverlesspatterns.platform.priming;

import dev.serverlesspatterns.platform.api.Unauthorized;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * The CRaC resource Lambda calls around a SnapStart snapshot. Before the snapshot it runs each function of
 * {@code spring.cloud.function.definition} once with its priming event, through the started context's catalog (see
 * {@link CatalogInvocation}); that loads the request path's classes, builds the lazy beans and SDK clients the path
 * uses, warms the JSON mappers and makes the path's first AWS calls. Then it runs the function's
 * {@link PrimingWarmUp}s, the write calls the event cannot reach without writing. A priming that fails is logged and skipped: a
 * function that was not primed is slower on its first invoke, which is no reason to fail its init. After the restore
 * it renews what restored copies must not share ({@link RestoredCopies}).
 *
 * <p>Registered once the context has started, so the snapshot hook never meets a half-built context. The org.crac
 * global context holds its resources weakly; the application context holds this bean.
 */
public final class FunctionPriming implements Resource, ApplicationListener<ContextRefreshedEvent> {

    private static final Logger log = LoggerFactory.getLogger(FunctionPriming.class);

    private final PrimingEvents events;
    private final CatalogInvocation invocation;
    private final PrimingWarmUps warmUps;
    private final List<String> definitions;
    private final int rounds;
    private final RestoredCopies restoredCopies;

    FunctionPriming(
            PrimingEvents events,
            CatalogInvocation invocation,
            PrimingWarmUps warmUps,
            String definitions,
            int rounds,
            RestoredCopies restoredCopies) {
        this.events = events;
        this.invocation = invocation;
        this.warmUps = warmUps;
        this.definitions = Arrays.stream(definitions.split(";"))
                .map(String::strip)
                .filter(definition -> !definition.isEmpty())
                .toList();
        this.rounds = rounds;
        this.restoredCopies = restoredCopies;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        restoredCopies.renew();
    }

    /**
     * Runs every function with its priming event, then its {@link PrimingWarmUp}s, each {@code rounds} times over (see
     * {@link PrimingProperties}); an event or warm-up that fails is not tried again.
     *
     * @return the functions that ran to an answer and whose warm-ups all ran
     */
    public List<String> prime() {
        return definitions.stream().filter(this::prime).toList();
    }

    private boolean prime(String definition) {
        boolean answered = primeWithEvent(definition);
        // Even after a failed event: the warm-ups warm other calls.
        boolean warmedUp = warmUp(definition);
        return answered && warmedUp;
    }

    private boolean warmUp(String definition) {
        List<PrimingWarmUp> found;
        try {
            found = warmUps.of(definition);
        } catch (RuntimeException unbuildable) {
            log.warn("SnapStart priming could not build the warm-ups of {}", definition, unbuildable);
            return false;
        }
        return found.stream().filter(warmUp -> warmUp(definition, warmUp)).count() == found.size();
    }

    private boolean warmUp(String definition, PrimingWarmUp warmUp) {
        try {
            for (int round = 1; round <= rounds; round++) {
                warmUp.warmUp();
            }
            log.info(
                    "SnapStart priming ran {} for {} {} times",
                    warmUp.getClass().getSimpleName(),
                    definition,
                    rounds);
            return true;
        } catch (RuntimeException | LinkageError failure) {
            log.warn(
                    "SnapStart warm-up {} of {} failed, its calls stay cold",
                    warmUp.getClass().getSimpleName(),
                    definition,
                    failure);
            return false;
        }
    }

    private boolean primeWithEvent(String definition) {
        Optional<byte[]> event;
        try {
            event = events.of(definition);
        } catch (IOException unreadable) {
            log.warn("SnapStart priming skipped {}: its event is unreadable", definition, unreadable);
            return false;
        }
        if (event.isEmpty()) {
            log.warn(
                    "SnapStart priming skipped {}: no {} on the class path",
                    definition,
                    PrimingEvents.location(definition));
            return false;
        }
        for (int round = 1; round <= rounds; round++) {
            if (!run(definition, event.get())) {
                return false;
            }
        }
        log.info("SnapStart priming ran {} {} times", definition, rounds);
        return true;
    }

    private boolean run(String definition, byte[] event) {
        try {
            byte[] answer = invocation.invoke(definition, event);
            log.debug("{} answered its priming event with {}", definition, new String(answer, StandardCharsets.UTF_8));
            return true;
        } catch (Exception | LinkageError failure) {
            if (answeredUnauthorized(failure)) {
                // An authorizer's 401 is an answer, not a failure: its priming event carries a token it must refuse.
                log.debug("{} answered its priming event with Unauthorized", definition);
                return true;
            }
            // Whatever goes wrong, the function still starts: only its first invoke stays cold.
            log.warn("SnapStart priming of {} failed, its first invoke stays cold", definition, failure);
            return false;
        }
    }

    private static boolean answeredUnauthorized(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Unauthorized) {
                return true;
            }
        }
        return false;
    }
}

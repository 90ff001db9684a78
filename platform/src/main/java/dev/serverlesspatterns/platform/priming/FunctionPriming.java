package dev.serverlesspatterns.platform.priming;

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
 * uses, warms the JSON mappers and makes the path's first AWS calls. A priming that fails is logged and skipped: a
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
    private final List<String> definitions;
    private final RestoredCopies restoredCopies;

    FunctionPriming(
            PrimingEvents events, CatalogInvocation invocation, String definitions, RestoredCopies restoredCopies) {
        this.events = events;
        this.invocation = invocation;
        this.definitions = Arrays.stream(definitions.split(";"))
                .map(String::strip)
                .filter(definition -> !definition.isEmpty())
                .toList();
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
     * Runs every function once with its priming event.
     *
     * @return the functions that ran to an answer
     */
    public List<String> prime() {
        return definitions.stream().filter(this::prime).toList();
    }

    private boolean prime(String definition) {
        try {
            Optional<byte[]> event = events.of(definition);
            if (event.isEmpty()) {
                log.warn(
                        "SnapStart priming skipped {}: no {} on the class path",
                        definition,
                        PrimingEvents.location(definition));
                return false;
            }
            byte[] answer = invocation.invoke(definition, event.get());
            log.info("SnapStart priming ran {}", definition);
            log.debug("{} answered its priming event with {}", definition, new String(answer, StandardCharsets.UTF_8));
            return true;
        } catch (Exception | LinkageError failure) {
            // Whatever goes wrong, the function still starts: only its first invoke stays cold.
            log.warn("SnapStart priming of {} failed, its first invoke stays cold", definition, failure);
            return false;
        }
    }
}

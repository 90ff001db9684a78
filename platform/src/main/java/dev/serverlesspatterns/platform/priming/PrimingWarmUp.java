package dev.serverlesspatterns.platform.priming;

/**
 * The write calls of one function, made so that nothing is written, for what its priming event cannot reach: an event
 * is refused before the function writes, so the write's first request (its marshaller, the signer, the client's HTTP
 * connection) would stay cold. A service declares one as a bean annotated with the function's name
 * ({@code @WarmsUp("placeOrder")}), next to the code it warms. Before a snapshot, after the function's priming event,
 * {@link FunctionPriming} builds and runs the warm-ups of the functions of {@code spring.cloud.function.definition}
 * only, as many rounds as the event; one that throws is logged at WARN and skipped.
 *
 * <p>Each call goes through the same client and mapping as the real write and is one the called service refuses
 * without writing or delivering anything: a DynamoDB write whose condition cannot hold ({@link RefusedWrites}), a
 * Lambda {@code Invoke} with {@code InvocationType.DRY_RUN}, a message the service rejects as invalid. A warm-up
 * catches the refusal it expects and lets anything else through.
 */
@FunctionalInterface
public interface PrimingWarmUp {

    void warmUp();
}

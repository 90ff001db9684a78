package dev.serverlesspatterns.benchmarks.crac;

/** What org.crac proxies each registered {@code org.crac.Resource} as. */
public interface Resource {

    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}

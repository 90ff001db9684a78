package dev.serverlesspatterns.local.events;

/** A running event source of one function; closing stops it and removes what it created in the emulator. */
interface EventSource extends AutoCloseable {

    @Override
    void close();
}

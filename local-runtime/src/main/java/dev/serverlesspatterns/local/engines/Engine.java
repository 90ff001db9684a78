package dev.serverlesspatterns.local.engines;

/**
 * A database engine for this run: an embedded binary, a container or a server someone else runs.
 *
 * @param url JDBC URL for Postgres, {@code redis://host:port} for Redis
 */
public interface Engine extends AutoCloseable {

    String url();

    String username();

    String password();

    /** What serves it, for progress output. */
    String description();

    @Override
    void close();
}

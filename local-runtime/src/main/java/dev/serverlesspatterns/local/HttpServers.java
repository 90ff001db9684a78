package dev.serverlesspatterns.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Every JDK HTTP server of the local runtime (the API gateway, the Lambda Invoke API, the custom resource endpoint)
 * is created here. The JDK server keeps at most 200 idle keep-alive connections by default and closes any further
 * one right after its response, although that response promised to keep it open: a client that once had more than
 * 200 connections open (200 parallel readers) then sends its next request on a closed connection and gets no answer.
 * API Gateway has no such limit; an idle connection is still closed after {@code sun.net.httpserver.idleInterval}
 * (30 s). The JDK reads the limit once, when its first server is created, hence one place for all of them; a value
 * given on the command line is kept.
 */
public final class HttpServers {

    static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";

    static {
        if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
            System.setProperty(MAX_IDLE_CONNECTIONS, "10000");
        }
    }

    private HttpServers() {}

    /** A server on {@code address}, not started yet. */
    public static HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        return HttpServer.create(address, backlog);
    }
}

package dev.serverlesspatterns.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Everything the local runtime starts listens on loopback only, on a port nobody else holds. What can bind port 0
 * binds it and reports the port it got (the services, moto, the Lambda API and the gateway); only engines that
 * cannot (Postgres, Redis) are handed a free port, and started again on another one if it was taken meanwhile.
 */
public final class LoopbackPorts {

    private static final int ATTEMPTS = 3;

    private LoopbackPorts() {}

    /** Something started on a given port. */
    @FunctionalInterface
    public interface Start<T> {
        T on(int port) throws IOException;
    }

    /** A loopback port nobody listens on, for a run that must find an endpoint unreachable. */
    public static int closed() {
        return free();
    }

    private static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    /**
     * Starts a child process that must be told its port: the port is free when chosen but bound only later by the
     * child, so another process may take it first; a failed start is retried on another free port.
     */
    public static <T> T startOnFreePort(String what, Start<T> start) {
        RuntimeException failed = new IllegalStateException("Cannot start " + what + " on a free loopback port");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return start.on(free());
            } catch (IOException | RuntimeException failure) {
                failed.addSuppressed(failure);
            }
        }
        throw failed;
    }
}

package dev.serverlesspatterns.local.apps;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The smallest companion app: it follows the contract the local runtime starts apps with (SERVER_ADDRESS,
 * SERVER_PORT 0, PORTFILE) and tells on {@code /database} which database it was given.
 */
public final class HealthApp {

    private HealthApp() {}

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress(System.getenv("SERVER_ADDRESS"), Integer.parseInt(System.getenv("SERVER_PORT"))),
                0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/database", exchange -> {
            byte[] body = (System.getenv("SPRING_DATASOURCE_URL") + " " + System.getenv("SPRING_DATASOURCE_USERNAME"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Path portFile = Path.of(System.getenv("PORTFILE"));
        Path written = Files.writeString(
                portFile.resolveSibling(portFile.getFileName() + ".tmp"),
                String.valueOf(server.getAddress().getPort()));
        Files.move(written, portFile);
    }
}

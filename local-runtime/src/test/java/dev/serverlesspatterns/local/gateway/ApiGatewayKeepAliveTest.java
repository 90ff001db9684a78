package dev.serverlesspatterns.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.LoopbackPorts;
import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keep-alive connections to the gateway, as a client with a connection pool uses them: the JDK server behind the
 * gateway closed every connection beyond 200 idle ones right after its first response (see
 * {@link dev.serverlesspatterns.local.HttpServers}), so the next request of a fresh client went unanswered.
 */
@ExtendWith(SharedEmulator.class)
class ApiGatewayKeepAliveTest {

    private static final int IDLE_CLIENTS = 200;

    @Test
    void answersEveryRequestOfAFreshConnectionWhile200KeepAliveConnectionsAreIdle(AwsEmulator emulator)
            throws IOException {
        // given a gateway and 200 clients that each made a request and keep their connection open
        SamTemplate template = SamTemplate.load(Path.of("src/test/resources/templates/strangler-api.yaml"));
        String unreachable = "http://127.0.0.1:" + LoopbackPorts.closed();
        Stack stack = Provisioner.provision(
                template,
                emulator.endpoint(),
                "keep-alive-test",
                Map.of("LegacyUrl", unreachable, "UnreachableUrl", unreachable));
        List<Socket> idle = new ArrayList<>();
        try (ApiGateway gateway = ApiGateway.start(
                template.restApis().getFirst(),
                stack,
                new ScriptedFunctions(),
                new InetSocketAddress("127.0.0.1", 0),
                Clock.systemUTC())) {
            int port = gateway.baseUrl().getPort();
            String path = gateway.baseUrl().getPath() + "/no-such-route";
            for (int i = 0; i < IDLE_CLIENTS; i++) {
                Socket client = new Socket("127.0.0.1", port);
                idle.add(client);
                assertThat(exchange(client, path)).startsWith("HTTP/1.1 403");
            }

            // when a fresh client sends two requests on its keep-alive connection
            try (Socket fresh = new Socket("127.0.0.1", port)) {
                fresh.setSoTimeout(10_000);
                String first = exchange(fresh, path);
                String second = exchange(fresh, path);

                // then both are answered
                assertThat(first).startsWith("HTTP/1.1 403");
                assertThat(second).startsWith("HTTP/1.1 403");
            }
        } finally {
            for (Socket client : idle) {
                client.close();
            }
        }
    }

    /** Sends a keep-alive GET and reads its response's status line and headers ("" when the server hung up). */
    private static String exchange(Socket client, String path) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = client.getInputStream();
        String head = readHead(in);
        in.readNBytes(contentLength(head));
        return head;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int next;
        while (matched < end.length && (next = in.read()) != -1) {
            head.write(next);
            matched = next == end[matched] ? matched + 1 : (next == end[0] ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        return head.lines()
                .filter(line -> line.toLowerCase().startsWith("content-length:"))
                .map(line -> Integer.parseInt(
                        line.substring("content-length:".length()).strip()))
                .findFirst()
                .orElse(0);
    }
}

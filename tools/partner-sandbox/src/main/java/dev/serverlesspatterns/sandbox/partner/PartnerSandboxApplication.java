package dev.serverlesspatterns.sandbox.partner;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A shipping partner's HTTP API, as the partners service calls it, with a control API that makes it fail on
 * demand (status codes, latency) and counts the requests that reached it. Tests and the local suite run it as a
 * real HTTP server on loopback; it is not a mock object.
 */
@SpringBootApplication
public class PartnerSandboxApplication {

    public static void main(String[] args) {
        // The control API changes how the partner answers: loopback only. PORT picks the port (0: a free one).
        new SpringApplicationBuilder(PartnerSandboxApplication.class)
                .properties("server.address=127.0.0.1", "server.port=${PORT:0}", "spring.main.banner-mode=off")
                .run(args);
    }
}

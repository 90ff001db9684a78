package dev.serverlesspatterns.sandbox.partner;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;

/**
 * A shipping partner's HTTP API, as the partners service calls it, with a control API that makes it fail on
 * demand (status codes, latency) and counts the requests that reached it. Tests and the local suite run it as a
 * real HTTP server on loopback; it is not a mock object.
 */
@SpringBootApplication
public class PartnerSandboxApplication {

    public static void main(String[] args) {
        // The control API changes how the partner answers: loopback and a free port unless told otherwise.
        SpringApplicationBuilder application = new SpringApplicationBuilder(PartnerSandboxApplication.class)
                .properties("server.address=127.0.0.1", "server.port=0", "spring.main.banner-mode=off");
        // The local runtime starts it as a companion app and learns the port from this file (Boot's PORTFILE).
        if (System.getenv("PORTFILE") != null) {
            application.listeners(new WebServerPortFileWriter());
        }
        application.run(args);
    }
}

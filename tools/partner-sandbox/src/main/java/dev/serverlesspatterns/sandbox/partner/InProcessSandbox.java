package dev.serverlesspatterns.sandbox.partner;

import java.net.URI;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The sandbox app started in the caller's JVM, for {@link PartnerSandbox#start()}. */
record InProcessSandbox(URI baseUrl, ConfigurableApplicationContext context) implements AutoCloseable {

    static InProcessSandbox start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PartnerSandboxApplication.class)
                // No application.yml: the one on the class path is the service's under test.
                .properties(
                        "spring.config.name=partner-sandbox",
                        "server.address=127.0.0.1",
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "spring.main.lazy-initialization=false",
                        "spring.jmx.enabled=false")
                .run();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new InProcessSandbox(URI.create("http://127.0.0.1:" + port), context);
    }

    @Override
    public void close() {
        context.close();
    }
}

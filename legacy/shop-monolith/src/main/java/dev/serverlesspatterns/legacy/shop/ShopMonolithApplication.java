package dev.serverlesspatterns.legacy.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;

@SpringBootApplication
public class ShopMonolithApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ShopMonolithApplication.class);
        // The local runtime starts the app on port 0 and learns the port from this file (Boot's PORTFILE convention);
        // elsewhere the port is configured, and no file is written.
        if (System.getenv("PORTFILE") != null) {
            application.addListeners(new WebServerPortFileWriter());
        }
        application.run(args);
    }
}

package dev.serverlesspatterns.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventFixturesTest {

    @TempDir
    Path events;

    @ParameterizedTest
    @CsvSource({
        "placeOrder, place-order.json",
        "authorizeRequest, authorize-request.json",
        "issueToken, issue-token.json",
        "listOrders, list-orders.json",
        "getHTTPStatus, get-http-status.json",
        "ping, ping.json"
    })
    void namesTheFixtureAfterTheFunctionBeanInKebabCase(String definition, String expected) {
        // given a SPRING_CLOUD_FUNCTION_DEFINITION from the template
        // when its fixture file is named
        String fileName = EventFixtures.fileName(definition);

        // then it is the bean name in kebab case
        assertThat(fileName).isEqualTo(expected);
    }

    @Test
    void findsTheServiceFixturesFromItsLambdaArtifact() {
        // given the CodeUri of a function
        Path codeUri = Path.of("/repo/services/orders/target/orders-aws.jar");

        // when the fixture folder is derived from it
        Path directory = EventFixtures.eventsDirectoryOf(codeUri);

        // then it is the service's test resources
        assertThat(directory).isEqualTo(Path.of("/repo/services/orders/src/test/resources/events"));
    }

    @Test
    void prefersTheFixtureAtTheTopOfTheEventsFolder() throws IOException {
        // given a fixture at the top and one with the same name in a feature folder
        Path top = Files.writeString(events.resolve("place-order.json"), "{}");
        Files.createDirectories(events.resolve("orders"));
        Files.writeString(events.resolve("orders/place-order.json"), "{}");

        // when the fixture of placeOrder is looked up
        // then the top one is used
        assertThat(EventFixtures.locate(events, "placeOrder")).contains(top);
    }

    @Test
    void findsAFixtureOneFeatureFolderDeeper() throws IOException {
        // given a service that groups its fixtures by feature
        Files.createDirectories(events.resolve("users"));
        Path grouped = Files.writeString(events.resolve("users/create-user.json"), "{}");

        // when the fixture of createUser is looked up
        // then the grouped one is found
        assertThat(EventFixtures.locate(events, "createUser")).contains(grouped);
    }

    @Test
    void findsNothingWhenTheServiceHasNoFixtureForTheFunction() throws IOException {
        // given fixtures named after other things than the function
        Files.createDirectories(events.resolve("gatekeeper"));
        Files.writeString(events.resolve("gatekeeper/token-authorizer.json"), "{}");

        // when the fixture of authorizeRequest is looked up
        // then there is none, and no guess is made
        assertThat(EventFixtures.locate(events, "authorizeRequest")).isEmpty();
        assertThat(EventFixtures.locate(events.resolve("missing"), "authorizeRequest"))
                .isEmpty();
    }
}

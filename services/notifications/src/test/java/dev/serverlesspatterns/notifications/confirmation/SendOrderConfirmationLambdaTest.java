package dev.serverlesspatterns.notifications.confirmation;

import static dev.serverlesspatterns.notifications.confirmation.ConfirmationRequests.FUNCTION;
import static dev.serverlesspatterns.notifications.confirmation.ConfirmationRequests.json;
import static dev.serverlesspatterns.notifications.confirmation.ConfirmationRequests.newRequest;
import static dev.serverlesspatterns.notifications.confirmation.ConfirmationRequests.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.notifications.NotificationsTableProbe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.node.ObjectNode;

/** The confirmation function through SCF's FunctionInvoker, fed the raw JSON event Lambda delivers. */
@ExtendWith(LocalAwsExtension.class)
class SendOrderConfirmationLambdaTest {

    private NotificationsTableProbe table;

    @BeforeEach
    void openTable(ProvisionedStack stack) {
        table = new NotificationsTableProbe(stack);
    }

    @AfterEach
    void closeTable() {
        table.close();
    }

    @Test
    void recordsTheConfirmationAsSentByEmailToTheCustomer(LambdaHarness lambda) {
        // given
        ObjectNode request = newRequest();
        String orderId = request.get("orderId").asString();
        Instant before = Instant.now();

        // when
        ObjectNode outcome = parse(lambda.invoke(FUNCTION, json(request)));

        // then
        assertThat(outcome.get("orderId").asString()).isEqualTo(orderId);
        assertThat(outcome.get("status").asString()).isEqualTo("SENT");
        Map<String, AttributeValue> item = table.confirmationOf(orderId);
        assertThat(item)
                .containsOnlyKeys(
                        "orderId",
                        "kind",
                        "status",
                        "channel",
                        "recipient",
                        "totalCents",
                        "currency",
                        "placedAt",
                        "sentAt");
        assertThat(item.get("status").s()).isEqualTo("SENT");
        assertThat(item.get("channel").s()).isEqualTo("EMAIL");
        assertThat(item.get("recipient").s())
                .isEqualTo(request.get("customerId").asString());
        // the event's text became typed values: a number and an instant
        assertThat(item.get("totalCents").n()).isEqualTo("3399");
        assertThat(item.get("currency").s()).isEqualTo("EUR");
        assertThat(Instant.parse(item.get("placedAt").s())).isEqualTo(Instant.parse("2026-11-03T10:15:30.412Z"));
        assertThat(Instant.parse(item.get("sentAt").s())).isBetween(before.minusMillis(1), Instant.now());
    }

    @Test
    void aSecondDeliveryOfTheSameRequestChangesNothingAndSucceeds(LambdaHarness lambda) {
        // given
        ObjectNode request = newRequest();
        String orderId = request.get("orderId").asString();
        lambda.invoke(FUNCTION, json(request));
        Map<String, AttributeValue> first = table.confirmationOf(orderId);

        // when
        ObjectNode outcome = parse(lambda.invoke(FUNCTION, json(request)));

        // then
        assertThat(outcome.get("status").asString()).isEqualTo("ALREADY_SENT");
        assertThat(table.confirmationOf(orderId)).as("not written again").isEqualTo(first);
    }

    @Test
    void concurrentDeliveriesOfOneRequestSendItExactlyOnce(LambdaHarness lambda) throws Exception {
        // given
        int deliveries = 6;
        ObjectNode request = newRequest();
        String orderId = request.get("orderId").asString();
        // the race is about the table, not start-up: warm the function as earlier traffic would
        lambda.invoke(FUNCTION, json(newRequest()));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> pending = new ArrayList<>();

        // when
        try (ExecutorService threads = Executors.newFixedThreadPool(deliveries)) {
            for (int i = 0; i < deliveries; i++) {
                pending.add(threads.submit(() -> {
                    start.await();
                    return parse(lambda.invoke(FUNCTION, json(request)))
                            .get("status")
                            .asString();
                }));
            }
            start.countDown();
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> outcome : pending) {
            outcomes.add(outcome.get(30, TimeUnit.SECONDS));
        }

        // then
        assertThat(outcomes).filteredOn("SENT"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("ALREADY_SENT"::equals).hasSize(deliveries - 1);
        assertThat(table.confirmationOf(orderId)).containsEntry("status", AttributeValue.fromS("SENT"));
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("missing customerId", request -> request.remove("customerId"), "customerId"),
                invalid("blank customerId", request -> request.put("customerId", ""), "customerId"),
                invalid("negative total", request -> request.put("totalCents", -1), "totalCents"),
                invalid("currency not a code", request -> request.put("currency", "euro"), "currency"),
                invalid("missing placedAt", request -> request.remove("placedAt"), "placedAt"));
    }

    private static Arguments invalid(String name, Consumer<ObjectNode> spoil, String field) {
        return Arguments.of(name, spoil, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void refusesAnInvalidRequestWithAClearErrorAndSendsNothing(
            String name, Consumer<ObjectNode> spoil, String field, LambdaHarness lambda) {
        // given
        ObjectNode request = newRequest();
        String orderId = request.get("orderId").asString();
        spoil.accept(request);

        // when / then
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, json(request)))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("Invalid OrderConfirmationRequested, nothing was sent")
                .hasMessageContaining(field)
                .satisfies(failure -> assertThat(((LambdaFunctionException) failure).getErrorType())
                        .isEqualTo(InvalidConfirmationRequest.class.getName()));
        assertThat(table.confirmationOf(orderId)).isEmpty();
    }

    /**
     * SCF cannot turn this event into the record, hands the function the raw bytes instead, and the cast fails before
     * the function runs: less clear than a validation error, but still a failure that names the type.
     */
    @Test
    void failsOnAnEventThatCannotBeReadAsTheRequestAndSendsNothing(LambdaHarness lambda) {
        // given
        ObjectNode request = newRequest();
        String orderId = request.get("orderId").asString();
        request.put("placedAt", "yesterday");

        // when / then
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, json(request)))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("OrderConfirmationRequested");
        assertThat(table.confirmationOf(orderId)).isEmpty();
    }

    @Test
    void refusesAnInvokeWithoutPayloadNamingEveryMissingField(LambdaHarness lambda) {
        // when / then: the Lambda API hands the function {} when an invoke carries no payload
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, "{}"))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("required property 'orderId' not found")
                .hasMessageContaining("required property 'customerId' not found")
                .hasMessageContaining("required property 'currency' not found")
                .hasMessageContaining("required property 'placedAt' not found");
    }

    @Test
    void refusesARequestWithoutAnOrderId(LambdaHarness lambda) {
        // given
        ObjectNode request = newRequest();
        request.remove("orderId");

        // when / then
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, json(request)))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessage(
                        "Invalid OrderConfirmationRequested, nothing was sent: required property 'orderId' not found");
    }
}

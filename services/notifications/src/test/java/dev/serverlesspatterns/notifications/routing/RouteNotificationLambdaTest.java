package dev.serverlesspatterns.notifications.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The router through SCF's FunctionInvoker, as Lambda runs {@code RouteNotificationFunction}: the template's
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION: functionRouter}, fed the raw JSON of an asynchronous invoke.
 */
@ExtendWith(LocalAwsExtension.class)
class RouteNotificationLambdaTest {

    private static final String FUNCTION = "RouteNotificationFunction";
    private static final List<String> TABLES =
            List.of("EmailNotificationsTable", "SmsNotificationsTable", "PushNotificationsTable");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProvisionedStack stack;
    private DynamoDbClient dynamo;

    @BeforeEach
    void connect(ProvisionedStack stack) {
        this.stack = stack;
        this.dynamo = stack.client(DynamoDbClient.builder());
    }

    @AfterEach
    void disconnect() {
        dynamo.close();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "function-router.json, EMAIL, EmailNotificationsTable",
        "function-router-sms.json, SMS, SmsNotificationsTable",
        "function-router-push.json, PUSH, PushNotificationsTable"
    })
    void routesEachChannelToItsTaskWhichWritesOnlyItsOwnTable(
            String fixture, String channel, String ownTable, LambdaHarness lambda) {
        // given a request of this channel, with an id of this test's own
        ObjectNode request = request(fixture);
        String notificationId = request.get("notificationId").asString();
        Instant before = Instant.now();

        // when the router is invoked with it
        ObjectNode outcome = parse(lambda.invoke(FUNCTION, JSON.writeValueAsString(request)));

        // then the channel's task sent it and recorded it in its table, and no other table has it
        assertThat(outcome.get("notificationId").asString()).isEqualTo(notificationId);
        assertThat(outcome.get("channel").asString()).isEqualTo(channel);
        assertThat(outcome.get("status").asString()).isEqualTo("SENT");
        Map<String, AttributeValue> item = item(ownTable, notificationId);
        assertThat(item).containsOnlyKeys("notificationId", "channel", "recipient", "text", "status", "sentAt");
        assertThat(item.get("channel").s()).isEqualTo(channel);
        assertThat(item.get("recipient").s()).isEqualTo(request.get("recipient").asString());
        assertThat(item.get("text").s()).isEqualTo(request.get("text").asString());
        assertThat(item.get("status").s()).isEqualTo("SENT");
        assertThat(Instant.parse(item.get("sentAt").s())).isBetween(before.minusMillis(1), Instant.now());
        TABLES.stream()
                .filter(table -> !table.equals(ownTable))
                .forEach(table ->
                        assertThat(item(table, notificationId)).as(table).isEmpty());
    }

    @Test
    void aSecondDeliveryOfTheSameRequestChangesNothingAndSucceeds(LambdaHarness lambda) {
        // given an SMS request that was sent once
        ObjectNode request = request("function-router-sms.json");
        String notificationId = request.get("notificationId").asString();
        lambda.invoke(FUNCTION, JSON.writeValueAsString(request));
        Map<String, AttributeValue> first = item("SmsNotificationsTable", notificationId);

        // when Lambda delivers it again
        ObjectNode outcome = parse(lambda.invoke(FUNCTION, JSON.writeValueAsString(request)));

        // then the task succeeds without sending or writing again
        assertThat(outcome.get("status").asString()).isEqualTo("ALREADY_SENT");
        assertThat(item("SmsNotificationsTable", notificationId)).isEqualTo(first);
    }

    @Test
    void refusesAnUnknownChannelBeforeAnyTaskRunsAndWritesNothing(LambdaHarness lambda) {
        // given a request for a channel no task sends by
        ObjectNode request = request("function-router-unknown-channel.json");
        String notificationId = request.get("notificationId").asString();

        // when / then the invoke fails (so Lambda retries it and then records it on the on-failure queue)
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, JSON.writeValueAsString(request)))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessage("Unroutable NotificationRequested, nothing was sent: no task sends by channel 'FAX'"
                        + " (one of [EMAIL, SMS, PUSH])")
                .satisfies(failure -> assertThat(((LambdaFunctionException) failure).getErrorType())
                        .isEqualTo(UnroutableNotification.class.getName()));
        TABLES.forEach(
                table -> assertThat(item(table, notificationId)).as(table).isEmpty());
    }

    @Test
    void refusesARequestWithoutAChannel(LambdaHarness lambda) {
        // given a request that names no channel
        ObjectNode request = request("function-router.json");
        request.remove("channel");

        // when / then
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, JSON.writeValueAsString(request)))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("it names no channel");
    }

    @Test
    void aRoutedRequestThatBreaksItsContractIsRefusedByItsTaskAndWritesNothing(LambdaHarness lambda) {
        // given a push request without its recipient
        ObjectNode request = request("function-router-push.json");
        String notificationId = request.get("notificationId").asString();
        request.remove("recipient");

        // when / then
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, JSON.writeValueAsString(request)))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessage("Invalid NotificationRequested, nothing was sent: required property 'recipient' not found")
                .satisfies(failure -> assertThat(((LambdaFunctionException) failure).getErrorType())
                        .isEqualTo(InvalidNotificationRequest.class.getName()));
        assertThat(item("PushNotificationsTable", notificationId)).isEmpty();
    }

    /** The fixture with an id of this test's own: all tests of the JVM share one emulator. */
    private static ObjectNode request(String fixture) {
        ObjectNode request = Fixtures.event("routing/" + fixture);
        request.put("notificationId", UUID.randomUUID().toString());
        return request;
    }

    private static ObjectNode parse(String output) {
        return (ObjectNode) JSON.readTree(output);
    }

    private Map<String, AttributeValue> item(String table, String notificationId) {
        return dynamo.getItem(get -> get.tableName(stack.physicalName(table))
                        .key(Map.of("notificationId", AttributeValue.fromS(notificationId)))
                        .consistentRead(true))
                .item();
    }
}

package dev.serverlesspatterns.authorizer.priming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Each function's SnapStart priming event (the one {@code platform.priming} runs before a snapshot) walks the
 * function's request path to the answer it was chosen for, and writes nothing.
 */
@ExtendWith(LocalAwsExtension.class)
class PrimingEventsTest {

    @ParameterizedTest
    @CsvSource({
        "IssueTokenFunction, issue-token, 401",
        "CreateUserFunction, create-user, 409",
        "GrantScopeFunction, grant-scope, 404",
        "RevokeScopeFunction, revoke-scope, 404",
        "DisableUserFunction, disable-user, 404"
    })
    void answersItsApiPrimingEventWithoutWriting(
            String function, String event, int status, LambdaHarness lambda, ProvisionedStack stack)
            throws IOException {
        // given
        Map<String, Integer> before = tableSizes(stack);

        // when
        ProxyResponse response = ProxyResponse.parse(lambda.invoke(function, primingEvent(event)));

        // then
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(tableSizes(stack)).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({"AuthorizeRequestFunction, authorize-request, Unauthorized"})
    void refusesItsPrimingEventByFailingWithoutWriting(
            String function, String event, String failure, LambdaHarness lambda, ProvisionedStack stack)
            throws IOException {
        // given
        Map<String, Integer> before = tableSizes(stack);
        String primingEvent = primingEvent(event);

        // when
        Throwable refusal = catchThrowable(() -> lambda.invoke(function, primingEvent));

        // then
        assertThat(refusal).isInstanceOf(LambdaFunctionException.class).hasMessageContaining(failure);
        assertThat(tableSizes(stack)).isEqualTo(before);
    }

    private static String primingEvent(String name) throws IOException {
        return new ClassPathResource("priming/" + name + ".json").getContentAsString(StandardCharsets.UTF_8);
    }

    private static Map<String, Integer> tableSizes(ProvisionedStack stack) {
        try (DynamoDbClient dynamo = stack.client(DynamoDbClient.builder())) {
            return dynamo.listTables().tableNames().stream()
                    .collect(Collectors.toMap(
                            table -> table,
                            table -> dynamo
                                    .scanPaginator(scan -> scan.tableName(table).select(Select.COUNT))
                                    .stream()
                                    .mapToInt(page -> page.count())
                                    .sum()));
        }
    }
}

package dev.serverlesspatterns.authorizer.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlesspatterns.authorizer.AuthorizerApplication;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import dev.serverlesspatterns.platform.priming.FunctionPriming;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Each function's SnapStart priming event (the one {@code platform.priming} runs before a snapshot) walks the
 * function's request path to the answer it was chosen for, and writes nothing; the warm-ups of what the events cannot
 * reach write nothing either.
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
        Map<String, Integer> before = stack.itemCounts();

        // when
        ProxyResponse response = ProxyResponse.parse(lambda.invoke(function, primingEvent(event)));

        // then
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({"AuthorizeRequestFunction, authorize-request, Unauthorized"})
    void refusesItsPrimingEventByFailingWithoutWriting(
            String function, String event, String failure, LambdaHarness lambda, ProvisionedStack stack)
            throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();
        String primingEvent = primingEvent(event);

        // when
        Throwable refusal = catchThrowable(() -> lambda.invoke(function, primingEvent));

        // then
        assertThat(refusal).isInstanceOf(LambdaFunctionException.class).hasMessageContaining(failure);
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @Test
    void warmsUpTheAdminFunctionsWithoutWriting(LambdaHarness lambda, ProvisionedStack stack) throws IOException {
        // given: the functions' environment (set by their first invoke)
        lambda.invoke("CreateUserFunction", primingEvent("create-user"));
        lambda.invoke("GrantScopeFunction", primingEvent("grant-scope"));
        lambda.invoke("RevokeScopeFunction", primingEvent("revoke-scope"));
        lambda.invoke("DisableUserFunction", primingEvent("disable-user"));
        Map<String, Integer> before = stack.itemCounts();

        // when
        List<String> primed;
        // Arguments: they override the system properties the harness set for the functions it started.
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(AuthorizerApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--platform.priming.enabled=true",
                        "--platform.priming.rounds=1",
                        "--spring.cloud.function.definition=createUser;grantScope;revokeScope;disableUser")) {
            primed = service.getBean(FunctionPriming.class).prime();
        }

        // then
        assertThat(primed).containsExactly("createUser", "grantScope", "revokeScope", "disableUser");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }
}

package dev.serverlesspatterns.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.template.SamTemplate;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How an Invoke request's FunctionName and Qualifier find a template function. */
class FunctionNamesTest {

    private static final String WORK = TestStack.NAME + "-ProcessWorkFunction";

    private final FunctionNames names = functionNames();

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "invoke-test-ProcessWorkFunction,        none,    none",
                "invoke-test-ProcessWorkFunction,        live,    live",
                "invoke-test-ProcessWorkFunction:live,   none,    live",
                "invoke-test-ProcessWorkFunction:$LATEST, $LATEST, $LATEST",
                "000000000000:function:invoke-test-ProcessWorkFunction, none, none",
                "arn:aws:lambda:us-east-1:000000000000:function:invoke-test-ProcessWorkFunction:live, none, live"
            })
    void readsEveryFormLambdaAccepts(String functionName, String qualifier, String expectedQualifier) {
        // when the name is parsed
        var requested = names.parse(functionName, qualifier);

        // then it is the work function, with the qualifier asked for
        assertThat(requested.unqualifiedArn()).isEqualTo(TestStack.functionArn(WORK));
        assertThat(requested.qualifier()).isEqualTo(expectedQualifier);
        assertThat(names.logicalIdOf(requested)).contains("ProcessWorkFunction");
    }

    @Test
    void functionInAnotherAccountIsNotFound() {
        // when a full ARN names the function in another account
        var requested = names.parse("arn:aws:lambda:us-east-1:111122223333:function:" + WORK, null);

        // then no template function matches
        assertThat(names.logicalIdOf(requested)).isEmpty();
    }

    @Test
    void refusesAQualifierThatContradictsTheName() {
        // when the name says live and the parameter says $LATEST
        // then the request is invalid, as Lambda says
        assertThatThrownBy(() -> names.parse(WORK + ":live", "$LATEST"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void refusesWhatCannotBeAFunctionName() {
        // when the name has characters Lambda never allows
        // then it is refused
        assertThatThrownBy(() -> names.parse("orders function", null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static FunctionNames functionNames() {
        try {
            SamTemplate template = SamTemplate.load(Path.of(FunctionNamesTest.class
                    .getResource("/templates/messaging.yaml")
                    .toURI()));
            return new FunctionNames(template, TestStack.of(template).intrinsics());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

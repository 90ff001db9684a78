package dev.serverlesspatterns.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reading Lambda's on-failure destination record out of a message body. */
class LambdaFailureTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsWhichFunctionGaveUpAndWhy() {
        // given the record Lambda sent after the last retry of an asynchronous invocation failed
        String record = Fixtures.event("lambda-destination-record.json");

        // when it is read
        LambdaFailure failure = LambdaFailure.in(record).orElseThrow();

        // then it names the function, the condition and the attempts, and holds the original event
        assertThat(failure.functionArn())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:suite-ConfirmOrderFunction:$LATEST");
        assertThat(failure.condition()).isEqualTo("RetriesExhausted");
        assertThat(failure.approximateInvokeCount()).isEqualTo(3);
        assertThat(JSON.readTree(failure.requestPayload()))
                .isEqualTo(JSON.readTree(record).get("requestPayload"));
    }

    @Test
    void keepsTheDigitsOfDecimalsInThePayload() {
        // given a record whose event holds 0.50
        String record = Fixtures.event("lambda-destination-record.json");

        // when its payload is taken out
        String payload = LambdaFailure.in(record).orElseThrow().requestPayload();

        // then the decimal is written as it was, not as 0.5
        assertThat(payload).contains("\"weightKg\":0.50");
    }

    @Test
    void findsNoRecordInOtherMessages() {
        // given bodies that are not on-failure records: text, other JSON, JSON with a payload but no function
        // when they are read
        // then none is taken for a record
        assertThat(LambdaFailure.in("order o-1 failed")).isEmpty();
        assertThat(LambdaFailure.in("{\"orderId\":\"o-1\"}")).isEmpty();
        assertThat(LambdaFailure.in("{\"requestPayload\":{},\"requestContext\":{}}"))
                .isEmpty();
    }
}

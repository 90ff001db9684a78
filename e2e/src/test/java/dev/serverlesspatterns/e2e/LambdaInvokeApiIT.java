package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real AWS SDK LambdaClient invokes the suite's functions through the local Lambda Invoke API. */
@ExtendWith(LocalSuiteExtension.class)
class LambdaInvokeApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSdkInvokesATemplateFunctionByItsDeployedName(LocalSuite suite) {
        // given an SDK client pointed at the local Lambda API, and a proxy event for an order nobody placed
        String orderId = UUID.randomUUID().toString();
        String event = """
                {"resource":"/orders/{orderId}","path":"/orders/%s","httpMethod":"GET",
                 "headers":{"Accept":"application/json"},"pathParameters":{"orderId":"%s"},
                 "requestContext":{"requestId":"%s","stage":"v1","httpMethod":"GET","resourcePath":"/orders/{orderId}",
                   "authorizer":{"principalId":"alice","scopes":"orders:read"}},
                 "body":null,"isBase64Encoded":false}
                """.formatted(orderId, orderId, UUID.randomUUID());
        try (LambdaClient lambda = SuiteLambda.client(suite)) {
            int runs = suite.invocations().count("GetOrderFunction");

            // when it invokes the function by the name the stack gave it, RequestResponse
            InvokeResponse response =
                    lambda.invoke(invoke -> invoke.functionName(suite.stack().ref("GetOrderFunction"))
                            .invocationType(InvocationType.REQUEST_RESPONSE)
                            .payload(SdkBytes.fromUtf8String(event)));

            // then the orders service answered through the same function the gateway uses
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.functionError()).isNull();
            JsonNode proxy = JSON.readTree(response.payload().asUtf8String());
            assertThat(proxy.get("statusCode").asInt()).isEqualTo(404);
            assertThat(JSON.readTree(proxy.get("body").asString()).get("code").asString())
                    .isEqualTo("NOT_FOUND");
            assertThat(suite.invocations().count("GetOrderFunction")).isEqualTo(runs + 1);
        }
    }
}

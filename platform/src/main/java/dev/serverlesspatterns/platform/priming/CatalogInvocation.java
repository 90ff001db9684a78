package dev.serverlesspatterns.platform.priming;

import dev.serverlesspatterns.lambda.InvocationContext;
import java.time.Duration;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.messaging.Message;

/**
 * One invocation the way SCF 5.0.5's {@code FunctionInvoker.handleRequest} makes it, through the context's own
 * catalog: the same lookup, the same {@code Message<byte[]>} from {@link AWSLambdaUtils#generateMessage}, and the
 * same output conversion. A second {@code FunctionInvoker} would do all this too, but building one before a snapshot
 * makes the restore hang (spring-cloud-function#1450).
 */
final class CatalogInvocation {

    private final FunctionCatalog catalog;
    private final JsonMapper jsonMapper;
    private final Duration timeout;

    CatalogInvocation(FunctionCatalog catalog, JsonMapper jsonMapper, Duration timeout) {
        this.catalog = catalog;
        this.jsonMapper = jsonMapper;
        this.timeout = timeout;
    }

    /** @return the answer as the function's caller would get it */
    byte[] invoke(String definition, byte[] event) {
        FunctionInvocationWrapper function = catalog.lookup(definition, "application/json");
        if (function == null) {
            throw new IllegalStateException("no function named " + definition + " in the catalog");
        }
        Message<byte[]> request = AWSLambdaUtils.generateMessage(
                event,
                function.getInputType(),
                function.isSupplier(),
                jsonMapper,
                new InvocationContext(definition, "snapstart-priming", timeout));
        Object result = function.apply(request);
        return AWSLambdaUtils.generateOutputFromObject(request, result, jsonMapper, function.getOutputType());
    }
}

package dev.serverlesspatterns.local.invoke;

/**
 * Where Lambda sends the record of an asynchronous invocation that failed for good. Locally: an SQS queue or
 * an SNS topic, told apart by the destination's ARN as on AWS.
 */
sealed interface OnFailureDestination {

    String arn();

    record Queue(String arn) implements OnFailureDestination {

        /** The queue's name, the last part of its ARN. */
        String name() {
            return arn.substring(arn.lastIndexOf(':') + 1);
        }
    }

    record Topic(String arn) implements OnFailureDestination {}

    static OnFailureDestination of(String functionLogicalId, String arn) {
        String[] parts = arn.split(":");
        String service = parts.length > 2 ? parts[2] : "";
        return switch (service) {
            case "sqs" -> new Queue(arn);
            case "sns" -> new Topic(arn);
            default ->
                throw new IllegalStateException(functionLogicalId + " sends failed asynchronous invocations to " + arn
                        + ", but the local runtime delivers on-failure records only to SQS queues and SNS topics");
        };
    }
}

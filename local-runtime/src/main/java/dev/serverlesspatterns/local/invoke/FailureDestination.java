package dev.serverlesspatterns.local.invoke;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where Lambda sends its failure records ({@code DestinationConfig.OnFailure}): of an asynchronous invocation that
 * failed for good, or of a stream batch it discarded. An SQS queue or an SNS topic, told apart by the ARN as on AWS.
 */
public sealed interface FailureDestination {

    String arn();

    void send(String failureRecord);

    record Queue(SqsClient sqs, String arn, String queueUrl) implements FailureDestination {

        @Override
        public void send(String failureRecord) {
            sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(failureRecord));
        }
    }

    record Topic(SnsClient sns, String arn) implements FailureDestination {

        @Override
        public void send(String failureRecord) {
            sns.publish(request -> request.topicArn(arn).message(failureRecord));
        }
    }

    /**
     * The destination behind the ARN; a queue's URL is looked up now, so a missing queue stops the start.
     *
     * @param owner what sends there (a function, an event source mapping), for the error message
     */
    public static FailureDestination of(String owner, String arn, SqsClient sqs, SnsClient sns) {
        String[] parts = arn.split(":");
        String service = parts.length == 6 ? parts[2] : "";
        return switch (service) {
            case "sqs" ->
                new Queue(
                        sqs,
                        arn,
                        sqs.getQueueUrl(request -> request.queueName(parts[5]).queueOwnerAWSAccountId(parts[4]))
                                .queueUrl());
            case "sns" -> new Topic(sns, arn);
            default ->
                throw new IllegalStateException(owner + " sends failure records to " + arn
                        + ", but Lambda accepts only an SQS queue or an SNS topic there");
        };
    }
}

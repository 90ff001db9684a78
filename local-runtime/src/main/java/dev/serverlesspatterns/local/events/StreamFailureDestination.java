package dev.serverlesspatterns.local.events;

import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where a stream event source mapping sends the records of discarded batches ({@code DestinationConfig.OnFailure}):
 * an SQS queue or an SNS topic, told apart by the ARN as on AWS.
 */
sealed interface StreamFailureDestination {

    String arn();

    void send(String failureRecord);

    record Queue(SqsClient sqs, String arn, String queueUrl) implements StreamFailureDestination {

        @Override
        public void send(String failureRecord) {
            sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(failureRecord));
        }
    }

    record Topic(SnsClient sns, String arn) implements StreamFailureDestination {

        @Override
        public void send(String failureRecord) {
            sns.publish(request -> request.topicArn(arn).message(failureRecord));
        }
    }

    /** The destination behind the ARN; a queue's URL is looked up now, so a missing queue stops the start. */
    static StreamFailureDestination of(String mappingName, String arn, SqsClient sqs, SnsClient sns) {
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
                throw new IllegalStateException(mappingName + " sends discarded stream records to " + arn
                        + ", but Lambda accepts only an SQS queue or an SNS topic there");
        };
    }
}

/**
 * The template's event sources run against its functions, as Lambda does on AWS: SQS event source mappings
 * (synchronous batches with Lambda's delete rules), DynamoDB stream and Kinesis mappings (in order per shard, with
 * bisect, retries, maximum record age and an on-failure destination in Lambda's format; one implementation over
 * {@link dev.serverlesspatterns.local.events.StreamShards}), and SNS subscriptions and EventBridge rules
 * (asynchronous invokes), the latter two delivered through internal SQS queues this runtime owns.
 *
 * <p>Firehose is filled in here too, where the emulator falls short: moto's Firehose never reads a Kinesis source
 * and writes one S3 object per record, ignoring the buffering hints. {@link
 * dev.serverlesspatterns.local.events.FirehoseDelivery} runs a delivery stream from the template instead (Kinesis
 * stream, buffer by {@code IntervalInSeconds} and {@code SizeInMBs}, one object per buffer under the prefix and
 * Firehose's {@code yyyy/MM/dd/HH/} keys). Not run: record format conversion, Lambda processors, dynamic
 * partitioning, compression and the error output prefix; a {@code !{...}} prefix expression is refused.
 */
package dev.serverlesspatterns.local.events;

/**
 * The template's event sources run against its functions, as Lambda does on AWS: SQS event source mappings
 * (synchronous batches with Lambda's delete rules), DynamoDB stream mappings (in order per shard, with bisect,
 * retries, maximum record age and an on-failure destination), and SNS subscriptions and EventBridge rules
 * (asynchronous invokes), the latter two delivered through internal SQS queues this runtime owns.
 */
package dev.serverlesspatterns.local.events;

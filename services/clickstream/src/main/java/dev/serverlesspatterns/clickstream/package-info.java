/**
 * They Say I'm A Streamer: {@code POST /clicks} puts each click on a Kinesis data stream straight from API Gateway;
 * a Kinesis event source mapping hands batches to {@link dev.serverlesspatterns.clickstream.aggregate.AggregateClicks},
 * which counts each click once per product, and Firehose archives the stream to S3.
 */
package dev.serverlesspatterns.clickstream;

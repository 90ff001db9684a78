/**
 * The stream throughput benchmark: the local runtime's Kinesis event source mapping against a raw GetRecords loop
 * (benchmarks/README.md, "Stream throughput").
 */
package dev.serverlesspatterns.benchmarks.stream;

/**
 * The shared runtime every service builds on: AWS clients from Spring Cloud AWS that honour the emulator endpoint,
 * table access through the DynamoDB enhanced client, required settings, API Gateway
 * request and response helpers with one error model, validation of requests and events against the shared JSON
 * Schemas, SQS batch results (one failed message reported alone, FIFO groups kept in order), and the local Lambda
 * endpoint the local runtime drives.
 */
package dev.serverlesspatterns.platform;

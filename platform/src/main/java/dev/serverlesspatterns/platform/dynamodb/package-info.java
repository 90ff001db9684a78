/**
 * Table access through the DynamoDB enhanced client: static record schemas ({@link
 * dev.serverlesspatterns.platform.dynamodb.RecordSchema}) and the conditional writes every table needs ({@link
 * dev.serverlesspatterns.platform.dynamodb.ConditionalWrites}).
 */
package dev.serverlesspatterns.platform.dynamodb;

/**
 * SQS batch results: running an SQS consumer's handler over each message of a batch and answering Lambda's partial
 * batch response, in delivery order per message group where the queue is FIFO.
 */
package dev.serverlesspatterns.platform.messaging;

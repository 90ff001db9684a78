/**
 * SQS consumers: reading a shared event from a message against its contract, running the handler over each message of
 * a batch and answering Lambda's partial batch response, in delivery order per message group where the queue is FIFO.
 */
package dev.serverlesspatterns.platform.messaging;

/**
 * Moves the messages of an SQS dead-letter queue back to the queue they failed in (or to a chosen target),
 * deleting each from the dead-letter queue only after it was sent: a stop at any point loses nothing.
 * {@link dev.serverlesspatterns.redrive.DlqRedrive} is the library, {@link dev.serverlesspatterns.redrive.RedriveCommand}
 * the {@code redrive-dlq} command.
 */
package dev.serverlesspatterns.redrive;

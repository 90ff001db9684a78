package dev.serverlesspatterns.redrive;

/** A re-drive that cannot start as asked: the message says what to change. */
public class RedriveException extends RuntimeException {

    RedriveException(String message) {
        super(message);
    }
}

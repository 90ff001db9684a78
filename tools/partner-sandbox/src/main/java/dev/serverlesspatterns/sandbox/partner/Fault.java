package dev.serverlesspatterns.sandbox.partner;

/**
 * How the next partner requests are answered.
 *
 * @param status the status to answer with, or 0 for the normal answer
 * @param delayMillis how long to wait before answering
 * @param count how many requests it applies to; 0 or less for every request until the next reset
 */
record Fault(int status, long delayMillis, int count) {}

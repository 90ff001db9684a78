package dev.serverlesspatterns.platform.internalapi;

/**
 * Why an internal call gave no result, as a stable problem code and the HTTP status a public route answers with when
 * it cannot do without the result.
 */
public enum CalleeFailure {
    /** The callee ran and failed: Lambda's {@code FunctionError} (Unhandled or Handled), or an unreadable answer. */
    CALLEE_FAILED(502, "The internal service failed to answer."),
    /** The caller's budget ran out, or the callee ran past its own {@code Timeout} ({@code Sandbox.Timedout}). */
    CALLEE_TIMED_OUT(504, "The internal service did not answer in time."),
    /** Lambda refused the invocation for want of concurrency ({@code TooManyRequestsException}). */
    CALLEE_THROTTLED(503, "The internal service is busy; try again later."),
    /** Lambda could not run the callee: no such function or alias, no permission, or any other service error. */
    CALLEE_UNAVAILABLE(502, "The internal service is unavailable.");

    private final int status;
    private final String detail;

    CalleeFailure(int status, String detail) {
        this.status = status;
        this.detail = detail;
    }

    /** The status a route answers with when this failure ends its request. */
    public int status() {
        return status;
    }

    /** What a public client may read: nothing of the callee's own error. */
    String detail() {
        return detail;
    }
}

package dev.serverlesspatterns.platform.api;

/** Ends a request with a problem response; {@link ApiHandler} turns it into the HTTP answer. */
public class ApiProblemException extends RuntimeException {

    private final transient ApiProblem problem;

    public ApiProblemException(ApiProblem problem) {
        this(problem, null);
    }

    /** @param cause what the log should show; the response shows only the problem */
    protected ApiProblemException(ApiProblem problem, Throwable cause) {
        super(problem.code() + ": " + problem.detail(), cause, false, false);
        this.problem = problem;
    }

    public static ApiProblemException notFound(String detail) {
        return new ApiProblemException(ApiProblem.of(404, "NOT_FOUND", detail));
    }

    public static ApiProblemException forbidden(String detail) {
        return new ApiProblemException(ApiProblem.of(403, "FORBIDDEN", detail));
    }

    public static ApiProblemException conflict(String code, String detail) {
        return new ApiProblemException(ApiProblem.of(409, code, detail));
    }

    public ApiProblem problem() {
        return problem;
    }
}

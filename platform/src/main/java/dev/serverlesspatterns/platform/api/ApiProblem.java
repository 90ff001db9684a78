package dev.serverlesspatterns.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one error body of every API in the suite: RFC 9457 problem details plus a stable, machine-readable
 * {@code code} and, for validation failures, one entry per offending field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiProblem(String type, String title, int status, String code, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String pointer, String message) {}

    public static ApiProblem of(int status, String code, String detail) {
        return new ApiProblem(typeUri(code), title(status), status, code, detail, List.of());
    }

    public static ApiProblem invalid(String code, String detail, List<FieldError> errors) {
        return new ApiProblem(typeUri(code), title(400), 400, code, detail, errors);
    }

    private static String typeUri(String code) {
        return "https://serverlesspatterns.dev/problems/" + code.toLowerCase().replace('_', '-');
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}

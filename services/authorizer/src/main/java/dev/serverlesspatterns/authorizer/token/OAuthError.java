package dev.serverlesspatterns.authorizer.token;

/** Ends a token request with an RFC 6749 error response (section 5.2), the shape OAuth clients expect. */
final class OAuthError extends RuntimeException {

    private final int status;
    private final String error;

    private OAuthError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    /** One answer for unknown client, wrong secret and disabled client, so callers cannot probe which ids exist. */
    static OAuthError invalidClient() {
        return new OAuthError(401, "invalid_client", "Client authentication failed.");
    }

    static OAuthError unsupportedGrantType() {
        return new OAuthError(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.");
    }

    static OAuthError invalidScope(String description) {
        return new OAuthError(400, "invalid_scope", description);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    String description() {
        return getMessage();
    }
}

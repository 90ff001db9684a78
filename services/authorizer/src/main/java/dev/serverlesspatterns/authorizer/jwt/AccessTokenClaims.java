package dev.serverlesspatterns.authorizer.jwt;

/** Claims of the access tokens this service issues, beyond the registered ones (iss, aud, sub, iat, exp, jti). */
public final class AccessTokenClaims {

    /** Space-separated scopes the token was issued for (RFC 9068). */
    public static final String SCOPE = "scope";

    /**
     * {@value #ADMIN_CLIENT} marks a token of the bootstrap admin, the one client without a row in the users table.
     * The authorizer honours it only on HS256 tokens, which only this service's token endpoint can sign.
     */
    public static final String CLIENT_TYPE = "client_type";

    public static final String ADMIN_CLIENT = "bootstrap-admin";
    public static final String REGISTERED_CLIENT = "registered";

    private AccessTokenClaims() {}
}

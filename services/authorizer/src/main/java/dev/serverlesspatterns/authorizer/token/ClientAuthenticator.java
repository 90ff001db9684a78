package dev.serverlesspatterns.authorizer.token;

import dev.serverlesspatterns.authorizer.users.ClientSecrets;
import dev.serverlesspatterns.authorizer.users.Scopes;
import dev.serverlesspatterns.authorizer.users.User;
import dev.serverlesspatterns.authorizer.users.Users;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Checks a client's secret against the bootstrap admin secret or the hash in its user row. */
@Component
class ClientAuthenticator {

    /** The user id rule of the create-user schema: anything else cannot be a registered client. */
    private static final Pattern CLIENT_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,63}$");

    private final Users users;
    private final BootstrapAdmin admin;

    ClientAuthenticator(Users users, BootstrapAdmin admin) {
        this.users = users;
        this.admin = admin;
    }

    AuthenticatedClient authenticate(ClientCredentials credentials) {
        // The admin's id is checked first, so a user row with the same id can never take over the admin's scope.
        if (admin.isAdmin(credentials.clientId())) {
            if (!admin.secretMatches(credentials.clientSecret())) {
                throw OAuthError.invalidClient();
            }
            return new AuthenticatedClient(credentials.clientId(), Set.of(Scopes.ADMIN), true);
        }
        if (!CLIENT_ID.matcher(credentials.clientId()).matches()) {
            throw OAuthError.invalidClient();
        }
        User user = users.find(credentials.clientId())
                .filter(User::isActive)
                .filter(candidate -> ClientSecrets.matches(credentials.clientSecret(), candidate.secretHash()))
                .orElseThrow(OAuthError::invalidClient);
        return new AuthenticatedClient(user.userId(), user.scopes(), false);
    }
}

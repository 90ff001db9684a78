package dev.serverlesspatterns.authorizer.token;

import java.util.Set;

/** A client whose secret matched, with the scopes it may ask for. */
record AuthenticatedClient(String clientId, Set<String> scopes, boolean bootstrapAdmin) {}

package dev.serverlesspatterns.authorizer.users;

/** Only an active user gets tokens and Allow policies; a disabled one keeps its row for the audit trail. */
public enum UserStatus {
    ACTIVE,
    DISABLED
}

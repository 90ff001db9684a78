package dev.serverlesspatterns.authorizer.users;

import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link CreateUser}'s path after a valid request, which its priming event (a reserved user id)
 * never reaches: the secret's hash, the user's {@code PutItem} for the reserved id, refused by a condition that cannot
 * hold, and the 201 answer's JSON (built, never sent). Not the secret's generation: random bytes drawn before the
 * snapshot would be state that every restored copy shares.
 */
@Component
@WarmsUp("createUser")
class CreateUserWarmUp implements PrimingWarmUp {

    /** Reserved, so no row has it (see {@link ReservedUserIds}). */
    private static final String UNUSED_USER_ID = "admin";

    private final Users users;
    private final ApiResponses responses;

    CreateUserWarmUp(Users users, ApiResponses responses) {
        this.users = users;
        this.responses = responses;
    }

    @Override
    public void warmUp() {
        Instant now = Instant.now();
        User user = new User(
                UNUSED_USER_ID,
                ClientSecrets.hash("snapstart-priming"),
                Set.of("snapstart-priming"),
                UserStatus.ACTIVE,
                now,
                now);
        users.createRefused(user);
        responses.json(
                201, new CreatedUser(user.userId(), List.of("snapstart-priming"), user.status(), "snapstart-priming"));
    }
}

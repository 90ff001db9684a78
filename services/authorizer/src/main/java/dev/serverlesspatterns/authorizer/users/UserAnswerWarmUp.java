package dev.serverlesspatterns.authorizer.users;

import dev.serverlesspatterns.platform.api.ApiResponses;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of the 200 answer of {@link GrantScope}, {@link RevokeScope} and {@link DisableUser}, the JSON of a
 * user (built, never sent): their priming events already make the function's conditional {@code UpdateItem}, refused for
 * a missing user, and a successful one would write.
 */
@Component
@WarmsUp({"grantScope", "revokeScope", "disableUser"})
class UserAnswerWarmUp implements PrimingWarmUp {

    private final ApiResponses responses;

    UserAnswerWarmUp(ApiResponses responses) {
        this.responses = responses;
    }

    @Override
    public void warmUp() {
        User user = new User(
                "snapstart-priming",
                "snapstart-priming",
                Set.of("snapstart-priming"),
                UserStatus.ACTIVE,
                Instant.EPOCH,
                Instant.EPOCH);
        responses.json(200, UserView.of(user));
    }
}

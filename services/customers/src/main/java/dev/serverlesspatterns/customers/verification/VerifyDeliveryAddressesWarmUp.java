package dev.serverlesspatterns.customers.verification;

import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import dev.serverlesspatterns.platform.priming.WarmsUp;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * SnapStart priming of {@link VerifyDeliveryAddresses}' {@code PutItem}, which its priming event (a removed address,
 * nothing to verify) never reaches: a put of a verification whose address id no address has, refused by its
 * condition.
 */
@Component
@WarmsUp("verifyDeliveryAddresses")
class VerifyDeliveryAddressesWarmUp implements PrimingWarmUp {

    private final AddressVerificationTable verifications;

    VerifyDeliveryAddressesWarmUp(AddressVerificationTable verifications) {
        this.verifications = verifications;
    }

    @Override
    public void warmUp() {
        verifications.recordRefused(new AddressVerification(
                "snapstart-priming", "0", "snapstart-priming", "NL", "1011 AB", Verdict.VERIFIED, Instant.EPOCH));
    }
}

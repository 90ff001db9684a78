package dev.serverlesspatterns.orders.order;

import dev.serverlesspatterns.events.orders.PlaceOrderRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a canonical text of the parsed request, so that whitespace and field order do not matter but
 * every value (and the order of the lines) does. A retry with the same key must carry the same fingerprint.
 */
final class RequestFingerprint {

    private RequestFingerprint() {}

    static String of(PlaceOrderRequest request) {
        StringBuilder canonical = new StringBuilder("place-order/v1\ncurrency=").append(request.currency());
        request.items()
                .forEach(line -> canonical
                        .append("\nline=")
                        .append(line.sku())
                        .append(',')
                        .append(line.quantity())
                        .append(',')
                        .append(line.unitPriceCents()));
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}

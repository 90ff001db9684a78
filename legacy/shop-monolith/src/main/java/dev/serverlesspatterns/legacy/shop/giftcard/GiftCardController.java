package dev.serverlesspatterns.legacy.shop.giftcard;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The gift cards of the legacy shop, still served under their old paths. */
@RestController
@RequestMapping("/legacy/gift-cards")
class GiftCardController {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 12;
    private static final long MAX_AMOUNT_CENTS = 100_000;

    private final GiftCards giftCards;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    GiftCardController(GiftCards giftCards) {
        this.giftCards = giftCards;
        this.clock = Clock.systemUTC();
    }

    record IssueGiftCard(Long amountCents, String currency) {}

    record RedeemGiftCard(Long amountCents) {}

    @PostMapping
    ResponseEntity<GiftCard> issue(@RequestBody IssueGiftCard request) {
        long amount = validAmount(request.amountCents());
        if (request.currency() == null || !request.currency().matches("[A-Z]{3}")) {
            throw GiftCardProblem.invalid("/currency", "must be an ISO 4217 code such as EUR");
        }
        GiftCard card = new GiftCard(newCode(), request.currency(), amount, Instant.now(clock));
        giftCards.insert(card);
        return ResponseEntity.created(URI.create("/legacy/gift-cards/" + card.code()))
                .body(card);
    }

    @GetMapping("/{code}")
    GiftCard get(@PathVariable String code) {
        return giftCards.find(code).orElseThrow(() -> GiftCardProblem.notFound(code));
    }

    @PostMapping("/{code}/redemptions")
    @Transactional
    GiftCard redeem(@PathVariable String code, @RequestBody RedeemGiftCard request) {
        long amount = validAmount(request.amountCents());
        GiftCard card = giftCards.find(code).orElseThrow(() -> GiftCardProblem.notFound(code));
        if (!giftCards.debit(code, amount)) {
            throw new GiftCardProblem(
                    HttpStatus.CONFLICT,
                    "INSUFFICIENT_BALANCE",
                    "Gift card " + code + " holds " + card.balanceCents() + " cents, less than " + amount);
        }
        return giftCards.find(code).orElseThrow();
    }

    private static long validAmount(Long amountCents) {
        if (amountCents == null || amountCents < 1 || amountCents > MAX_AMOUNT_CENTS) {
            throw GiftCardProblem.invalid(
                    "/amountCents", "must be a whole number of cents from 1 to " + MAX_AMOUNT_CENTS);
        }
        return amountCents;
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}

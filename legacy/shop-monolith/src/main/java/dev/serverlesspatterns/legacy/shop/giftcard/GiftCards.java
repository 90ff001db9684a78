package dev.serverlesspatterns.legacy.shop.giftcard;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code legacy.gift_cards}, the monolith's own. */
@Repository
class GiftCards {

    private final JdbcClient jdbc;

    GiftCards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(GiftCard card) {
        jdbc.sql("INSERT INTO gift_cards (code, currency, balance_cents, issued_at) VALUES (?, ?, ?, ?)")
                .params(card.code(), card.currency(), card.balanceCents(), Timestamp.from(card.issuedAt()))
                .update();
    }

    Optional<GiftCard> find(String code) {
        return jdbc.sql("SELECT code, currency, balance_cents, issued_at FROM gift_cards WHERE code = ?")
                .param(code)
                .query((row, number) -> new GiftCard(
                        row.getString("code"),
                        row.getString("currency"),
                        row.getLong("balance_cents"),
                        row.getTimestamp("issued_at").toInstant()))
                .optional();
    }

    /** Takes the amount off in one statement, so two concurrent redemptions can never overdraw the card. */
    boolean debit(String code, long amountCents) {
        return jdbc.sql("UPDATE gift_cards SET balance_cents = balance_cents - ? WHERE code = ? AND balance_cents >= ?")
                        .params(amountCents, code, amountCents)
                        .update()
                == 1;
    }
}

package dev.serverlesspatterns.legacy.shop.giftcard;

import dev.serverlesspatterns.legacy.shop.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused gift-card request, answered as the suite's problem JSON. */
final class GiftCardProblem extends ErrorResponseException {

    GiftCardProblem(HttpStatusCode status, String code, String detail) {
        super(status, Problems.of(status, code, detail), null);
    }

    static GiftCardProblem notFound(String code) {
        return new GiftCardProblem(HttpStatus.NOT_FOUND, "GIFT_CARD_NOT_FOUND", "No gift card " + code);
    }

    static GiftCardProblem invalid(String pointer, String message) {
        GiftCardProblem problem =
                new GiftCardProblem(HttpStatus.BAD_REQUEST, "INVALID_GIFT_CARD_REQUEST", pointer + " " + message);
        ProblemDetail body = problem.getBody();
        body.setProperty("errors", List.of(Map.of("pointer", pointer, "message", message)));
        return problem;
    }
}

package dev.serverlesspatterns.partners.partner;

import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The query of a partner route ({@code from}, {@code to}, {@code weightGrams}), checked before any call is made. */
public record Route(String from, String to, int weightGrams) {

    public static final String SCOPE = "shipping:read";
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,6}$");
    private static final int MAX_WEIGHT_GRAMS = 70_000;

    /**
     * @param needsWeight whether {@code weightGrams} is part of this route's query
     * @throws ApiProblemException 400 INVALID_QUERY naming every offending parameter
     */
    public static Route of(Map<String, String> query, boolean needsWeight) {
        Map<String, String> given = query == null ? Map.of() : query;
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        String from = given.get("from");
        String to = given.get("to");
        if (from == null || !COUNTRY.matcher(from).matches()) {
            errors.add(new ApiProblem.FieldError("/from", "an ISO 3166 country code of two capital letters"));
        }
        if (to == null || !COUNTRY.matcher(to).matches()) {
            errors.add(new ApiProblem.FieldError("/to", "an ISO 3166 country code of two capital letters"));
        }
        int weight = 0;
        if (needsWeight) {
            String text = given.get("weightGrams");
            weight = text != null && DIGITS.matcher(text).matches() ? Integer.parseInt(text) : 0;
            if (weight < 1 || weight > MAX_WEIGHT_GRAMS) {
                errors.add(new ApiProblem.FieldError("/weightGrams", "a whole number from 1 to " + MAX_WEIGHT_GRAMS));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblemException(
                    ApiProblem.invalid("INVALID_QUERY", "The query parameters are not valid.", errors));
        }
        return new Route(from, to, weight);
    }
}

package dev.serverlesspatterns.customers.verification;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The postcode formats of the countries the shop delivers to. */
final class PostcodeRules {

    private static final Map<String, Pattern> FORMATS = Map.of(
            "NL", Pattern.compile("^[1-9]\\d{3} ?[A-Z]{2}$"),
            "BE", Pattern.compile("^[1-9]\\d{3}$"),
            "DE", Pattern.compile("^\\d{5}$"),
            "FR", Pattern.compile("^\\d{5}$"),
            "GB", Pattern.compile("^[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}$"),
            "US", Pattern.compile("^\\d{5}(-\\d{4})?$"));

    private PostcodeRules() {}

    /** The verdict on an address whose country is a known ISO 3166-1 code. */
    static Verdict verdict(String country, String postcode) {
        Pattern format = FORMATS.get(country);
        if (format == null) {
            return Verdict.UNSUPPORTED_COUNTRY;
        }
        return format.matcher(postcode.strip().toUpperCase(Locale.ROOT)).matches()
                ? Verdict.VERIFIED
                : Verdict.POSTCODE_MISMATCH;
    }
}

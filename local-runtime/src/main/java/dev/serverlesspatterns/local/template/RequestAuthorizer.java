package dev.serverlesspatterns.local.template;

import java.util.Arrays;
import java.util.List;

/**
 * A REQUEST Lambda authorizer: API Gateway hands the function the request's headers, query string and context, and
 * caches its answer per value of the identity sources.
 *
 * @param identitySources request values that must all be present and non-empty before the function is asked at all
 */
public record RequestAuthorizer(
        String name, String functionLogicalId, List<IdentitySource> identitySources, int resultTtlSeconds)
        implements LambdaAuthorizer {

    /** One identity source, such as {@code method.request.header.Webhook-Signature}. */
    public record IdentitySource(Location location, String name) {

        public enum Location {
            HEADER,
            QUERY_STRING
        }

        /** Parses API Gateway's comma-separated {@code identitySource} expression. */
        static List<IdentitySource> parseAll(String expression) {
            if (expression == null || expression.isBlank()) {
                return List.of();
            }
            return Arrays.stream(expression.split(","))
                    .map(String::strip)
                    .map(IdentitySource::parse)
                    .toList();
        }

        private static IdentitySource parse(String source) {
            for (String prefix : List.of("method.request.header.", "method.request.multivalueheader.")) {
                if (source.startsWith(prefix)) {
                    return new IdentitySource(Location.HEADER, source.substring(prefix.length()));
                }
            }
            for (String prefix : List.of("method.request.querystring.", "method.request.multivaluequerystring.")) {
                if (source.startsWith(prefix)) {
                    return new IdentitySource(Location.QUERY_STRING, source.substring(prefix.length()));
                }
            }
            throw new UnsupportedOperationException(
                    "The local runtime reads identity sources from headers and query strings only, not " + source);
        }
    }
}

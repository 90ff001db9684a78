package dev.serverlesspatterns.local.invoke;

import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the template function an Invoke request names, in every form Lambda accepts: the function name, its
 * ARN, or a partial ARN ({@code 123456789012:function:name}), each optionally qualified with
 * {@code :qualifier} or the {@code Qualifier} parameter. Locally each function has {@code $LATEST} and the
 * {@code live} alias that SAM's {@code AutoPublishAlias} creates.
 */
final class FunctionNames {

    private static final Set<String> QUALIFIERS = Set.of("$LATEST", "live");
    private static final Pattern FUNCTION_NAME = Pattern.compile("(?:arn:(?<partition>aws[a-z-]*):lambda:"
            + "(?<region>[a-z0-9-]+):(?<account>\\d{12}):function:|(?<partialAccount>\\d{12}):function:)?"
            + "(?<name>[a-zA-Z0-9_.-]{1,64})(?::(?<qualifier>[a-zA-Z0-9$_-]{1,128}))?");

    private final String region;
    private final String accountId;
    private final Map<String, String> logicalIdByArn;

    /** The function an Invoke request names: its unqualified ARN, and the version or alias asked for, if any. */
    record RequestedFunction(String unqualifiedArn, String qualifier) {

        /** The ARN as Lambda echoes it in errors: qualified when the request was. */
        String arn() {
            return qualifier == null ? unqualifiedArn : unqualifiedArn + ":" + qualifier;
        }
    }

    FunctionNames(SamTemplate template, Intrinsics intrinsics) {
        this.region = intrinsics.resolveString(Map.of("Ref", "AWS::Region"));
        this.accountId = intrinsics.resolveString(Map.of("Ref", "AWS::AccountId"));
        this.logicalIdByArn = template.functions().stream()
                .map(FunctionDefinition::logicalId)
                .collect(Collectors.toUnmodifiableMap(
                        logicalId -> intrinsics.resolveString(Map.of("Fn::GetAtt", List.of(logicalId, "Arn"))),
                        Function.identity()));
    }

    /**
     * @param qualifier the {@code Qualifier} parameter, or null
     * @throws IllegalArgumentException when the name is no function name, or its qualifier contradicts the parameter
     */
    RequestedFunction parse(String functionName, String qualifier) {
        Matcher matcher = FUNCTION_NAME.matcher(functionName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + functionName + "' is not a function name, ARN or partial ARN");
        }
        String nameQualifier = matcher.group("qualifier");
        if (nameQualifier != null && qualifier != null && !nameQualifier.equals(qualifier)) {
            throw new IllegalArgumentException(
                    "The derived qualifier from the function name does not match the specified qualifier.");
        }
        String partition = Optional.ofNullable(matcher.group("partition")).orElse("aws");
        String functionRegion = Optional.ofNullable(matcher.group("region")).orElse(region);
        String account = Optional.ofNullable(matcher.group("account"))
                .or(() -> Optional.ofNullable(matcher.group("partialAccount")))
                .orElse(accountId);
        return new RequestedFunction(
                "arn:" + partition + ":lambda:" + functionRegion + ":" + account + ":function:" + matcher.group("name"),
                nameQualifier != null ? nameQualifier : qualifier);
    }

    /** The logical id of the requested function; empty when no such function, version or alias exists. */
    Optional<String> logicalIdOf(RequestedFunction requested) {
        if (requested.qualifier() != null && !QUALIFIERS.contains(requested.qualifier())) {
            return Optional.empty();
        }
        return Optional.ofNullable(logicalIdByArn.get(requested.unqualifiedArn()));
    }
}

package dev.serverlesspatterns.partners.failures;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The part of a {@code PartnerCallFailed} EventBridge event (as Lambda receives it from the rule) recording needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PartnerFailureEvent(
        String id,
        String source,
        @JsonProperty("detail-type") String detailType,
        Detail detail) {

    /**
     * @param target the partner API that failed
     * @param failedAt when, ISO-8601
     * @param reason what failed
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Detail(String target, String failedAt, String reason) {}
}

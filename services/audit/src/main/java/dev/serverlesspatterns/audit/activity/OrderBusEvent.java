package dev.serverlesspatterns.audit.activity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * The part of an EventBridge event (as Lambda receives it from a rule) that distributing needs: the event's id,
 * its source and detail type, and the detail.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderBusEvent(
        String id,
        String source,
        @JsonProperty("detail-type") String detailType,
        JsonNode detail) {}

package io.edihub.x12;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Our own ids in X12 envelopes: the receiver of what customers send, the sender of what we send.
 *
 * @param isaQualifier   ISA07 inbound / ISA05 outbound
 * @param isaId          ISA08 inbound / ISA06 outbound
 * @param gsId           GS03 inbound / GS02 outbound
 * @param usageIndicator ISA15 of what we send: P production, T test
 */
@Validated
@ConfigurationProperties("edihub.x12")
public record OurIdentity(
        @Pattern(regexp = "[A-Z0-9]{2}", message = "must be 2 capital letters or digits, e.g. ZZ or 01") String isaQualifier,
        @NotBlank @Size(max = 15, message = "must be 1 to 15 characters") String isaId,
        @Size(min = 2, max = 15, message = "must be 2 to 15 characters") String gsId,
        @Pattern(regexp = "[PT]", message = "must be P (production) or T (test)") String usageIndicator) {

    public OurIdentity {
        isaQualifier = isaQualifier == null ? "ZZ" : isaQualifier;
        isaId = isaId == null ? "EDIHUB" : isaId;
        gsId = gsId == null ? isaId : gsId;
        usageIndicator = usageIndicator == null ? "P" : usageIndicator;
    }

    public boolean isReceiver(String qualifier, String id) {
        return isaQualifier.equals(qualifier.strip()) && isaId.equals(id.strip());
    }
}

package io.edihub.x12;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Our own ids in X12 envelopes: the receiver of what customers send, the sender of what we send.
 *
 * @param isaQualifier   ISA07 inbound / ISA05 outbound
 * @param isaId          ISA08 inbound / ISA06 outbound
 * @param gsId           GS03 inbound / GS02 outbound
 * @param usageIndicator ISA15 of what we send: P production, T test
 */
@ConfigurationProperties("edihub.x12")
public record OurIdentity(String isaQualifier, String isaId, String gsId, String usageIndicator) {

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

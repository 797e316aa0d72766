package io.edihub.partner;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** The YAML binding of a partner file; kept apart from {@link PartnerProfile} so the file format can grow. */
record PartnerFile(
        @JsonProperty(required = true) String id,
        String name,
        @JsonProperty(required = true) X12 x12,
        Edifact edifact,
        Sftp sftp,
        Acknowledgments acknowledgments,
        String duplicateWindow,
        Releases releases,
        Fulfillment fulfillment,
        Billing billing,
        Integer priority,
        ContractFile contract,
        Watchdog watchdog,
        Claims claims,
        String mode,
        Documents documents,
        Invoicing invoicing,
        As2 as2) {

    record As2(String partnerId, String ourId, String url, String certificateFile, String mdn, String asyncMdnUrl,
            String signingAlgorithm, String encryptionAlgorithm) {
    }

    record X12(String isaQualifier, @JsonProperty(required = true) String isaId, String gsId, List<String> groupIds) {
    }

    record Edifact(@JsonProperty(required = true) String id) {
    }

    record Sftp(String account, String directory, Server server, Long maxFileBytes, String uploads) {
    }

    record Server(String host, Integer port, String username, String knownHostsFile, String privateKeyFile) {
    }

    record Acknowledgments(String ta1, String functional, Boolean poAcknowledgment) {
    }

    record Releases(String extension, String leadTime) {
    }

    record Fulfillment(Boolean shipNotice) {
    }

    record Billing(String implicitAcceptanceAfter) {
    }

    record Invoicing(String cadence, String per, Integer issueDay) {
    }

    record Claims(String creditNote, String returnAuthorization, String denial) {
    }

    record Documents(String acknowledgment, String shipNotice, String invoice, String creditNote,
            String returnAuthorization, String remittanceAnswer) {
    }

    record Watchdog(String acknowledgmentOverdueAfter, String heldOrderAfter, String undispatchedReleaseAfter,
            String unshippedReleaseAfter, String unacceptedShipmentAfter, String uninvoicedAcceptanceAfter,
            String unsettledClaimAfter, String paymentOverdueGrace, String deductionOpenAfter,
            String unappliedCashAfter) {
    }

    record ContractFile(@JsonProperty(required = true) String number, @JsonProperty(required = true) String validFrom,
            @JsonProperty(required = true) String validTo, String currency, String supplierNumber, BigDecimal orderLimit,
            BigDecimal releaseLimit, String priceMismatch, Terms paymentTerms,
            @JsonProperty(required = true) List<PriceFile> prices) {
    }

    record Terms(@JsonProperty(required = true) Integer netDays, BigDecimal discountPercent, Integer discountDays,
            String description, String dueFrom) {
    }

    record PriceFile(@JsonProperty(required = true) String part, String buyerPart, String description, String unit,
            @JsonProperty(required = true) BigDecimal unitPrice, String validFrom, String validTo, List<Break> breaks) {
    }

    record Break(@JsonProperty(required = true) BigDecimal minQuantity, @JsonProperty(required = true) BigDecimal unitPrice) {
    }
}

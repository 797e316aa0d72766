package io.edihub.document;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.ClaimDenial;
import io.edihub.canonical.CreditNote;
import io.edihub.canonical.InputError;
import io.edihub.canonical.ReturnAuthorization;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes what a settled claim sends a customer that takes no X12, as JSON documents with published schemas: a credit
 * note ({@value #CREDIT_NOTE_SCHEMA_ID}), a return authorization ({@value #RETURN_AUTHORIZATION_SCHEMA_ID}) and a
 * claim denial ({@value #CLAIM_DENIAL_SCHEMA_ID}). Each is the canonical record as JSON (ISO dates, plain decimal
 * numbers, absent values left out, indented), checked against its schema before it is handed out: a document the
 * hub would send in breach of what it publishes is an {@link IllegalArgumentException} instead. A credit note's
 * total is also checked against its lines, which a schema cannot say. Thread-safe: the schemas are compiled once.
 */
public final class ClaimDocumentsJson {

    public static final String CREDIT_NOTE_SCHEMA_ID = "https://edihub.io/schemas/credit-note.v1.schema.json";
    public static final String CREDIT_NOTE_SCHEMA_RESOURCE = "schemas/credit-note.v1.schema.json";
    public static final String RETURN_AUTHORIZATION_SCHEMA_ID =
            "https://edihub.io/schemas/return-authorization.v1.schema.json";
    public static final String RETURN_AUTHORIZATION_SCHEMA_RESOURCE = "schemas/return-authorization.v1.schema.json";
    public static final String CLAIM_DENIAL_SCHEMA_ID = "https://edihub.io/schemas/claim-denial.v1.schema.json";
    public static final String CLAIM_DENIAL_SCHEMA_RESOURCE = "schemas/claim-denial.v1.schema.json";

    private static final PublishedSchema CREDIT_NOTE = schema(CREDIT_NOTE_SCHEMA_RESOURCE, "a credit note");
    private static final PublishedSchema RETURN_AUTHORIZATION = schema(RETURN_AUTHORIZATION_SCHEMA_RESOURCE,
            "a return authorization");
    private static final PublishedSchema CLAIM_DENIAL = schema(CLAIM_DENIAL_SCHEMA_RESOURCE, "a claim denial");

    private ClaimDocumentsJson() {
    }

    /**
     * A credit note as JSON.
     *
     * @throws IllegalArgumentException when it breaks its schema, or its lines do not add up to its total
     */
    public static String creditNote(CreditNote note) {
        String document = "the credit note " + note.creditNoteNumber();
        if (!note.lines().isEmpty() && note.total() != null && note.lines().stream().allMatch(l -> l.amount() != null)) {
            BigDecimal sum = note.lines().stream().map(CreditNote.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.setScale(2, RoundingMode.HALF_UP).compareTo(note.total().setScale(2, RoundingMode.HALF_UP)) != 0) {
                throw new IllegalArgumentException(document + " totals " + note.total().toPlainString() + " but its lines "
                        + "add up to " + sum.toPlainString() + ": the total of a credit note is the sum of its lines");
            }
        }
        return write(note, CREDIT_NOTE, document);
    }

    /**
     * A return authorization as JSON.
     *
     * @throws IllegalArgumentException when it breaks its schema
     */
    public static String returnAuthorization(ReturnAuthorization rma) {
        return write(rma, RETURN_AUTHORIZATION, "the return authorization " + rma.rmaNumber());
    }

    /**
     * A claim denial as JSON.
     *
     * @throws IllegalArgumentException when it breaks its schema
     */
    public static String claimDenial(ClaimDenial denial) {
        return write(denial, CLAIM_DENIAL, "the denial of claim " + denial.claimNumber());
    }

    /** A document as pretty JSON, refused when it breaks its published schema; the business documents use it too. */
    static String write(Object record, PublishedSchema schema, String document) {
        JsonNode tree = CanonicalJson.MAPPER.valueToTree(record);
        List<InputError> violations = schema.validate(tree, "");
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(document + " breaks its published schema: " + violations.stream()
                    .map(InputError::toString).collect(Collectors.joining("; ")));
        }
        // the record itself, not the tree: a tree would drop the cents of 425.00
        return CanonicalJson.pretty(record);
    }

    /** A published schema of a document we send. */
    static PublishedSchema schema(String resource, String what) {
        return PublishedSchema.load(resource, new PublishedSchema.Wording(what + ", a JSON object", Map.of(), Map.of(),
                Map.of()));
    }
}

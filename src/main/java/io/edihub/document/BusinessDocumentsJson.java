package io.edihub.document;

import io.edihub.canonical.Invoice;
import io.edihub.canonical.PoAcknowledgment;
import io.edihub.canonical.ShipNotice;

/**
 * Writes the business documents a customer takes as JSON files (YAML {@code documents.*: json}), each with a published
 * schema: an invoice ({@value #INVOICE_SCHEMA_RESOURCE}, the same JSON as the invoice event on Kafka), a ship notice
 * ({@value #SHIP_NOTICE_SCHEMA_RESOURCE}), an order acknowledgment ({@value #PO_ACKNOWLEDGMENT_SCHEMA_RESOURCE}) and
 * the answer to a remittance ({@value #PAYMENT_SCHEMA_RESOURCE}, the payment event as it was applied). Each is the
 * canonical record as JSON (ISO dates, plain decimal numbers, absent values left out, indented), checked against its
 * schema before it is handed out: a document the hub would send in breach of what it publishes is an
 * {@link IllegalArgumentException} instead. Credit notes, return authorizations and denials are
 * {@link ClaimDocumentsJson}'s. Thread-safe: the schemas are compiled once.
 */
public final class BusinessDocumentsJson {

    public static final String INVOICE_SCHEMA_RESOURCE = "schemas/invoice.v1.schema.json";
    public static final String SHIP_NOTICE_SCHEMA_RESOURCE = "schemas/ship-notice.v1.schema.json";
    public static final String PO_ACKNOWLEDGMENT_SCHEMA_RESOURCE = "schemas/po-acknowledgment.v1.schema.json";
    public static final String PAYMENT_SCHEMA_RESOURCE = "schemas/payment.v1.schema.json";

    private static final PublishedSchema INVOICE = ClaimDocumentsJson.schema(INVOICE_SCHEMA_RESOURCE, "an invoice");
    private static final PublishedSchema SHIP_NOTICE = ClaimDocumentsJson.schema(SHIP_NOTICE_SCHEMA_RESOURCE,
            "a ship notice");
    private static final PublishedSchema PO_ACKNOWLEDGMENT = ClaimDocumentsJson.schema(PO_ACKNOWLEDGMENT_SCHEMA_RESOURCE,
            "an order acknowledgment");
    private static final PublishedSchema PAYMENT = ClaimDocumentsJson.schema(PAYMENT_SCHEMA_RESOURCE, "a payment");

    private BusinessDocumentsJson() {
    }

    /**
     * An invoice as JSON.
     *
     * @throws IllegalArgumentException when it breaks its schema
     */
    public static String invoice(Invoice invoice) {
        return ClaimDocumentsJson.write(invoice, INVOICE, "the invoice " + invoice.invoiceNumber());
    }

    /**
     * A ship notice as JSON.
     *
     * @throws IllegalArgumentException when it breaks its schema
     */
    public static String shipNotice(ShipNotice notice) {
        return ClaimDocumentsJson.write(notice, SHIP_NOTICE, "the ship notice of shipment " + notice.shipmentId());
    }

    /**
     * An order acknowledgment as JSON.
     *
     * @throws IllegalArgumentException when it breaks its schema
     */
    public static String poAcknowledgment(PoAcknowledgment ack) {
        return ClaimDocumentsJson.write(ack, PO_ACKNOWLEDGMENT, "the acknowledgment of PO " + ack.poNumber());
    }

    /**
     * A payment as it was applied (the payment event), as JSON.
     *
     * @param document what it is, for the message ("the payment of trace number 123")
     * @throws IllegalArgumentException when it breaks its schema
     */
    public static String payment(Object paymentEvent, String document) {
        return ClaimDocumentsJson.write(paymentEvent, PAYMENT, document);
    }
}

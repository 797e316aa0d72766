package io.edihub.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.partner.PartnerProfile.DocumentForm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code documents:} block of a partner file: per document kind the form the customer gets. Without it a file
 * reads as it always did; the older keys ({@code po-acknowledgment}, {@code ship-notice}, {@code claims.*}) map onto
 * it; a form a kind does not offer, or one that contradicts an older key, is refused at start naming the file and the
 * key.
 */
class DocumentFormsTest {

    private static final String HEAD = "id: initech\nx12:\n  isa-id: INITECH\n";

    @TempDir
    Path dir;

    private PartnerProfile load(String yaml) throws IOException {
        Files.writeString(dir.resolve("initech.yaml"), HEAD + yaml);
        return PartnerDirectory.load(dir).byId("initech").orElseThrow();
    }

    private void refused(String yaml, String... said) throws IOException {
        Files.writeString(dir.resolve("initech.yaml"), HEAD + yaml);
        var refusal = assertThatThrownBy(() -> PartnerDirectory.load(dir)).isInstanceOf(PartnerConfigurationException.class)
                .hasMessageContaining("initech.yaml");
        for (String s : said) {
            refusal.hasMessageContaining(s);
        }
    }

    @Test
    void theShippedPartnersGetWhatTheyAlwaysGot() {
        PartnerDirectory partners = PartnerDirectory.load(Path.of("config/partners"));
        PartnerProfile.Documents acme = partners.byId("acme").orElseThrow().documents();
        assertThat(acme).isEqualTo(new PartnerProfile.Documents(DocumentForm.AS_ORDERED, DocumentForm.X12,
                DocumentForm.X12, DocumentForm.X12, DocumentForm.X12, DocumentForm.NONE));
        PartnerProfile globex = partners.byId("globex").orElseThrow();
        // no ship notices, credit notes as 812s
        assertThat(globex.documents()).isEqualTo(new PartnerProfile.Documents(DocumentForm.AS_ORDERED, DocumentForm.NONE,
                DocumentForm.X12, DocumentForm.X12_812, DocumentForm.X12, DocumentForm.NONE));
        assertThat(globex.shipNotice()).isFalse();
        assertThat(globex.claimDocuments().creditNote()).isEqualTo(PartnerProfile.CreditNoteForm.X12_812);
    }

    @Test
    void aFileWithoutTheBlockGetsInvoicesAsAn810AndNoAcknowledgmentOrShipNotice() throws IOException {
        PartnerProfile p = load("");

        assertThat(p.documents()).isEqualTo(PartnerProfile.Documents.DEFAULTS);
        assertThat(p.poAcknowledgment()).isFalse();
        assertThat(p.shipNotice()).isFalse();
    }

    @Test
    void eachKindTakesItsForms() throws IOException {
        PartnerProfile p = load("edifact: { id: INITECHEU }\ndocuments:\n  acknowledgment: edifact\n  ship-notice: csv\n"
                + "  invoice: edifact\n  credit-note: x12-812\n  return-authorization: none\n  remittance-answer: json\n");

        assertThat(p.documents()).isEqualTo(new PartnerProfile.Documents(DocumentForm.EDIFACT, DocumentForm.CSV,
                DocumentForm.EDIFACT, DocumentForm.X12_812, DocumentForm.NONE, DocumentForm.JSON));
        // the older keys' view follows: an acknowledgment and a ship notice go out, credit notes as 812s
        assertThat(p.poAcknowledgment()).isTrue();
        assertThat(p.shipNotice()).isTrue();
        assertThat(p.claimDocuments().creditNote()).isEqualTo(PartnerProfile.CreditNoteForm.X12_812);
        assertThat(p.claimDocuments().returnAuthorization()).isEqualTo(PartnerProfile.AnswerForm.NONE);
    }

    @Test
    void aKindLeftOutKeepsWhatTheOlderKeysSay() throws IOException {
        PartnerProfile p = load("acknowledgments: { po-acknowledgment: true }\nfulfillment: { ship-notice: true }\n"
                + "claims: { credit-note: json }\ndocuments: { invoice: json }\n");

        assertThat(p.documents()).isEqualTo(new PartnerProfile.Documents(DocumentForm.AS_ORDERED, DocumentForm.X12,
                DocumentForm.JSON, DocumentForm.JSON, DocumentForm.X12, DocumentForm.NONE));
    }

    @Test
    void bothKeysMayBeWrittenWhenTheyAgree() throws IOException {
        PartnerProfile p = load("acknowledgments: { po-acknowledgment: false }\nfulfillment: { ship-notice: true }\n"
                + "claims: { credit-note: \"812\" }\n"
                + "documents: { acknowledgment: none, ship-notice: json, credit-note: x12-812 }\n");

        assertThat(p.poAcknowledgment()).isFalse();
        assertThat(p.documents().shipNotice()).isEqualTo(DocumentForm.JSON);
        assertThat(p.documents().creditNote()).isEqualTo(DocumentForm.X12_812);
    }

    @Test
    void anUnknownFormIsRefusedNamingFileKeyAndTheFormsOffered() throws IOException {
        refused("documents:\n  invoice: pdf\n", "documents.invoice", "'pdf'", "x12, edifact, json, csv, none");
    }

    @Test
    void aFormTheKindDoesNotOfferIsRefused() throws IOException {
        refused("edifact: { id: INITECHEU }\ndocuments:\n  return-authorization: edifact\n",
                "documents.return-authorization", "'edifact'");
        refused("documents:\n  remittance-answer: x12\n", "documents.remittance-answer", "'x12'");
        refused("documents:\n  invoice: x12-812\n", "documents.invoice", "'x12-812'");
    }

    @Test
    void anUnknownKindIsRefused() throws IOException {
        refused("documents:\n  despatch-advice: edifact\n", "documents.despatch-advice", "unknown key");
    }

    @Test
    void edifactNeedsThePartnersEdifactId() throws IOException {
        refused("documents:\n  invoice: edifact\n", "documents.invoice", "edifact.id");
    }

    @Test
    void aFormContradictingAnOlderKeyIsRefusedNamingBoth() throws IOException {
        refused("acknowledgments: { po-acknowledgment: false }\ndocuments: { acknowledgment: json }\n",
                "documents.acknowledgment: 'json' contradicts acknowledgments.po-acknowledgment: 'false'");
        refused("acknowledgments: { po-acknowledgment: true }\ndocuments: { acknowledgment: none }\n",
                "documents.acknowledgment", "acknowledgments.po-acknowledgment");
        refused("fulfillment: { ship-notice: false }\ndocuments: { ship-notice: x12 }\n", "documents.ship-notice",
                "fulfillment.ship-notice");
        refused("claims: { credit-note: json }\ndocuments: { credit-note: csv }\n", "documents.credit-note: 'csv' "
                + "contradicts claims.credit-note: 'json'");
        refused("claims: { return-authorization: \"180\" }\ndocuments: { return-authorization: json }\n",
                "documents.return-authorization", "claims.return-authorization");
    }
}

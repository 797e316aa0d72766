package io.edihub.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.partner.PartnerDirectory;
import io.edihub.x12.OurIdentity;
import io.edihub.x12.SetGuide;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ui.ExtendedModelMap;

/** What a partner's implementation guide says we send it: each document in the form its file asks for. */
class GuidePagesTest {

    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");

    @TempDir
    Path dir;

    @Test
    void acmesGuideListsTheX12SetsItGetsAsEver() {
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(new GuidePages(PartnerDirectory.load(Path.of("config/partners")), US).fill("acme", model)).isTrue();

        assertThat(sent(model)).contains("855 Purchase Order Acknowledgment for an X12 order; JSON for the others: yes",
                "856 Ship Notice: yes", "810 Invoice: yes", "810 Invoice with BIG07 CR (credit note): yes",
                "180 Return Merchandise Authorization: yes", "payment as applied, as JSON: no");
        assertThat(written(model)).containsExactly("855", "856", "810");
    }

    @Test
    void aPartnerTakingEdifactAndJsonSeesThoseForms() throws IOException {
        Files.writeString(dir.resolve("initech.yaml"), "id: initech\nx12:\n  isa-id: INITECH\nedifact: { id: INITECHEU }\n"
                + "documents:\n  acknowledgment: edifact\n  ship-notice: json\n  invoice: edifact\n  credit-note: csv\n"
                + "  return-authorization: none\n  remittance-answer: json\n");
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(new GuidePages(PartnerDirectory.load(dir), US).fill("initech", model)).isTrue();

        assertThat(sent(model)).contains("EDIFACT D96A ORDRSP: yes", "ship notice as JSON: yes",
                "EDIFACT D96A INVOIC (document name 380): yes", "credit note as CSV: yes",
                "180 Return Merchandise Authorization: no", "payment as applied, as JSON: yes");
        // no X12 855, 856 or 810 for it: none of their segment tables
        assertThat(written(model)).isEmpty();
    }

    private static List<String> sent(ExtendedModelMap model) {
        @SuppressWarnings("unchecked")
        List<GuidePages.Sent> sent = (List<GuidePages.Sent>) model.get("sent");
        return sent.stream().map(s -> s.document() + ": " + (s.sent() ? "yes" : "no")).toList();
    }

    private static List<String> written(ExtendedModelMap model) {
        @SuppressWarnings("unchecked")
        List<SetGuide.SetFacts> written = (List<SetGuide.SetFacts>) model.get("written");
        return written.stream().map(SetGuide.SetFacts::set).toList();
    }
}

package io.edihub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OrderTimelineTest {

    private static final String ISA = "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *261120*0800*U*00401*000000501*0*P*>";

    @Test
    void anX12DocumentIsNamedByItsTransactionSet() {
        assertThat(type(ISA + "~\nGS*PO*ACMEFED*EDIHUB*20261120*0800*501*X*004010~\nST*850*0001~")).isEqualTo("850");
        assertThat(type(ISA + "~GS*RC*ACMEFED*EDIHUB*20261120*0800*501*X*004010~ST*861*0001~")).isEqualTo("861");
        // other separators, and a GS whose elements happen to contain "ST|"
        assertThat(type(ISA.replace('*', '|') + "\nGS|FA|FIRST|EDIHUB|20261120|0800|501|X|004010\nST|997|0001\n"))
                .isEqualTo("997");
    }

    @Test
    void anEnvelopeWithoutASetIsX12AndOtherFormatsAreNamedByTheirShape() {
        assertThat(type(ISA + "~")).isEqualTo("X12");
        assertThat(type("UNA:+.? 'UNB+UNOC:3+SENDER")).isEqualTo("EDIFACT");
        assertThat(type("  {\"poNumber\": \"1\"}")).isEqualTo("JSON");
        assertThat(type("po_number,line_number\n1,1\n")).isEqualTo("CSV");
        assertThat(OrderTimeline.documentType(new byte[0])).isEqualTo("EMPTY");
    }

    private static String type(String head) {
        return OrderTimeline.documentType(head.getBytes(StandardCharsets.ISO_8859_1));
    }
}

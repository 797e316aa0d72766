package io.edihub.edifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.SameOrder;
import io.edihub.canonical.OrderLine;
import io.edihub.canonical.PlannedOrder;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ReleasePlanner;
import io.edihub.canonical.ScheduleLine;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import io.edihub.x12.GroupResult;
import io.edihub.x12.IntakeContext;
import io.edihub.x12.InterchangeListener;
import io.edihub.x12.InterchangeReader;
import io.edihub.x12.InterchangeResult;
import io.edihub.x12.OurIdentity;
import io.edihub.x12.TransactionResult;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The good EDIFACT samples: the blanket order must come out as the same canonical order as its X12 twin
 * ({@code edi-samples/acme/blanket-12-month-schedule.edi}, read by the hub's X12 reader), with the same
 * monthly releases; an interchange of two messages gives two orders; each is answered with a CONTRL that
 * acknowledges it (UCI and UCM action 7) and that StAEDI reads back without objection.
 */
class EdifactGoldenSampleTest {

    static final Path FORMATS = Path.of("edi-samples/acme/formats");
    private static final EdifactOrdersReader READER = new EdifactOrdersReader();
    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-02T15:00:00Z");

    @Test
    void blanketOrderEqualsItsX12Twin() throws IOException {
        PurchaseOrder x12 = x12Order(Path.of("edi-samples/acme/blanket-12-month-schedule.edi"));
        EdifactInterchange interchange = read(FORMATS.resolve("blanket-12-month-schedule.orders.edifact"));

        assertThat(interchange.errors()).isEmpty();
        assertThat(interchange.orders()).hasSize(1);
        PurchaseOrder edifact = interchange.orders().get(0);
        SameOrder.assertSameOrder(edifact, x12);
        assertThat(ReleasePlanner.plan(edifact, PartnerProfile.ReleaseExtension.SEQUENCE)).hasSize(12);

        assertThat(edifact.source()).isEqualTo(new PurchaseOrder.SourceDocument("EDIFACT-ORDERS",
                "blanket-12-month-schedule.orders.edifact", null, "101", null, "0001"));
        assertThat(interchange.senderId()).isEqualTo("ACMEFED");
        assertThat(interchange.senderQualifier()).isEqualTo("ZZZ");
        assertThat(interchange.recipientId()).isEqualTo("EDIHUB");
        assertThat(interchange.syntaxId()).isEqualTo("UNOC");
        assertThat(interchange.syntaxVersion()).isEqualTo("3");
        assertThat(interchange.test()).isFalse();
    }

    @Test
    void blanketOrderKeepsWhatX12DoesNotCompare() throws IOException {
        PurchaseOrder order = read(FORMATS.resolve("blanket-12-month-schedule.orders.edifact")).orders().get(0);

        assertThat(order.parties()).extracting(PurchaseOrder.Party::role).containsExactly("BY", "ST", "BT");
        assertThat(order.parties().get(1).address()).containsExactly("400 LOGISTICS WAY", "BUILDING C");
        assertThat(order.parties().get(1).city()).isEqualTo("DAYTON");
        assertThat(order.parties().get(1).postalCode()).isEqualTo("45433");
        assertThat(order.contacts()).containsExactly(
                new PurchaseOrder.Contact("PD", "JANE ROURKE", "5555550142", "JROURKE@ACME.EXAMPLE"));
        assertThat(order.paymentTerms()).hasSize(2);
        assertThat(order.paymentTerms().get(0).netDays()).isEqualTo(30);
        assertThat(order.paymentTerms().get(1).discountDays()).isEqualTo(10);
        assertThat(order.paymentTerms().get(1).discountPercent()).isEqualByComparingTo("2");
        assertThat(order.declaredLineCount()).isEqualTo(2);
    }

    @Test
    void twoMessagesMakeTwoOrders() throws IOException {
        EdifactInterchange interchange = read(FORMATS.resolve("two-orders-one-interchange.orders.edifact"));

        assertThat(interchange.errors()).isEmpty();
        assertThat(interchange.messages()).extracting(EdifactInterchange.Message::reference).containsExactly("0001", "0002");
        assertThat(interchange.orders()).hasSize(2);

        PurchaseOrder standAlone = interchange.orders().get(0);
        assertThat(standAlone.type()).isEqualTo("SA");
        assertThat(standAlone.currency()).isEqualTo("EUR");
        assertThat(standAlone.parties().get(0).city()).as("UNOC (ISO 8859-1) read as such").isEqualTo("MÜNCHEN");
        OrderLine keyboard = standAlone.lines().get(0);
        assertThat(keyboard.description()).as("release characters undone").isEqualTo("RUGGED KEYBOARD: GERMAN LAYOUT + CASE");
        assertThat(keyboard.unitPrice()).as("6550 per 100 pieces").isEqualByComparingTo("65.50");
        assertThat(keyboard.unit()).isEqualTo("EA");
        assertThat(keyboard.schedule()).as("no schedule: due on the header's DTM+2")
                .containsExactly(new ScheduleLine(new BigDecimal("40"), "EA", LocalDate.of(2027, 3, 1), null));
        OrderLine cable = standAlone.lines().get(1);
        assertThat(cable.unitPrice()).isEqualByComparingTo("9.90");
        assertThat(cable.schedule()).as("no schedule: due on the line's own DTM+2")
                .extracting(ScheduleLine::deliveryDate).containsExactly(LocalDate.of(2027, 3, 15));

        PurchaseOrder callOff = interchange.orders().get(1);
        assertThat(callOff.type()).isEqualTo("RL");
        assertThat(callOff.poNumber()).as("RFF+BO").isEqualTo("4500012345");
        assertThat(callOff.releaseNumber()).as("BGM 1004").isEqualTo("0007");
        assertThat(callOff.lines().get(0).schedule()).extracting(ScheduleLine::quantity, ScheduleLine::deliveryDate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("10"), LocalDate.of(2027, 2, 10)),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("20"), LocalDate.of(2027, 2, 24)));
        assertThat(callOff.source().transactionControlNumber()).isEqualTo("0002");
    }

    @Test
    void goodSamplesAreAcknowledgedWithAValidContrl() throws IOException {
        for (String name : List.of("blanket-12-month-schedule.orders.edifact", "two-orders-one-interchange.orders.edifact")) {
            EdifactInterchange interchange = read(FORMATS.resolve(name));
            String text = new ContrlWriter().write(interchange, "EDIHUB", "ZZZ", 42, NOW);
            Contrl contrl = Contrl.read(text);

            assertThat(contrl.problems()).as("StAEDI on the CONTRL for %s:%n%s", name, text).isEmpty();
            assertThat(contrl.first("UNB")).isEqualTo("UNB+UNOC:3+EDIHUB:ZZZ+ACMEFED:ZZZ+261102:1500+42");
            assertThat(contrl.first("UNH")).isEqualTo("UNH+1+CONTRL:D:3:UN");
            assertThat(contrl.first("UCI")).isEqualTo("UCI+" + interchange.controlReference() + "+ACMEFED:ZZZ+EDIHUB:ZZZ+7");
            assertThat(contrl.all("UCM")).hasSameSizeAs(interchange.messages())
                    .allSatisfy(ucm -> assertThat(ucm).endsWith("+ORDERS:D:96A:UN+7"));
        }
    }

    private static EdifactInterchange read(Path sample) throws IOException {
        return READER.read(sample.getFileName().toString(), Files.readAllBytes(sample), "acme");
    }

    /** The X12 twin as the hub's own X12 intake reads it. */
    private static PurchaseOrder x12Order(Path sample) throws IOException {
        PartnerDirectory partners = PartnerDirectory.load(Path.of("config/partners"));
        IntakeContext context = new IntakeContext(partners.byId("acme"), partners, new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P"),
                IntakeContext.DuplicateCheck.NEVER);
        List<PurchaseOrder> orders = new ArrayList<>();
        try (InputStream in = Files.newInputStream(sample)) {
            new InterchangeReader().read(sample.getFileName().toString(), in, context, new InterchangeListener() {
                @Override
                public void transaction(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                        PlannedOrder order) {
                    if (order != null) {
                        orders.add(order.order());
                    }
                }
            });
        }
        assertThat(orders).hasSize(1);
        return orders.get(0);
    }
}

package io.edihub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.edihub.document.OrderFormat;
import io.edihub.intake.As2Intake;
import io.edihub.intake.IntakeOutcome;
import io.edihub.intake.OrderIntakeRoute;
import io.edihub.intake.PartnerSftp;
import io.edihub.ops.DeadLetters;
import io.edihub.ops.EdiHubHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The shape of {@code receivePartnerFile} (routes/order-intake.camel.yaml), the route every uploaded file goes
 * through: recognised by content, then to the reader of its kind (the route's choice), then filed away, its answers
 * written to outbound/, a report beside a refused file in error/, and the document completed. The SFTP writes are
 * replaced by mock endpoints (AdviceWith) and the beans by stand-ins; the whole-hub intake tests run it for real.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@SpringBootTest(classes = RouteShapes.class, properties = "camel.main.routes-include-pattern="
        + "file:routes/order-intake.camel.yaml,file:routes/intake-failures.camel.yaml")
class PartnerFileRouteTest {

    @MockitoBean(name = "orderIntakeRoute")
    OrderIntakeRoute intake;

    @MockitoBean(name = "deadLetters")
    DeadLetters deadLetters;

    /** Named by the failure handling's error report (intakeFailures), which these tests never reach. */
    @MockitoBean(name = "partnerSftp")
    PartnerSftp partnerSftp;

    @MockitoBean(name = "as2Intake")
    As2Intake as2;

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    MockEndpoint outbound;
    MockEndpoint errors;

    @BeforeEach
    void replaceTheSftpWrites() throws Exception {
        AdviceWith.adviceWith(camel, "receivePartnerFile", route -> {
            route.weaveByType(ToDynamicDefinition.class).selectFirst().replace().to("mock:outbound");
            route.weaveByType(ToDynamicDefinition.class).selectLast().replace().to("mock:error");
        });
        camel.start();
        outbound = camel.getEndpoint("mock:outbound", MockEndpoint.class);
        errors = camel.getEndpoint("mock:error", MockEndpoint.class);
        when(intake.fileAway(any(), any())).thenAnswer(call -> call.getArgument(0));
    }

    @Test
    void anX12InterchangeGoesToTheX12ReaderAndItsAnswersToOutbound() throws Exception {
        recognisedAs(OrderFormat.X12);
        when(intake.receiveInterchange(eq("acme"), eq("po.edi"), any(), any(), any())).thenReturn(outcome(
                IntakeOutcome.Disposition.ARCHIVE, "997-1.x12", "855-2.x12"));
        outbound.expectedBodiesReceived("997-1.x12 content", "855-2.x12 content");
        outbound.expectedHeaderValuesReceivedInAnyOrder(Exchange.FILE_NAME, "997-1.x12", "855-2.x12");
        errors.expectedMessageCount(0);

        upload("ISA*00*...");

        MockEndpoint.assertIsSatisfied(camel);
        InOrder flow = inOrder(intake, deadLetters);
        flow.verify(intake).read(any());
        flow.verify(intake).recognize(any(), any());
        flow.verify(intake).receiveInterchange(eq("acme"), eq("po.edi"), any(), any(), any());
        flow.verify(intake).fileAway(any(), any());
        flow.verify(intake).complete(eq(41L), any());
        flow.verify(deadLetters).settled(any());
        verify(intake, never()).receiveOrderDocument(anyString(), anyString(), any(), any(), any());
        verify(intake, never()).receiveAcceptances(anyString(), anyString(), any(), any(), any());
        verify(intake, never()).receiveAdjustments(anyString(), anyString(), any(), any(), any());
        verify(intake, never()).receiveRemittances(anyString(), anyString(), any(), any());
    }

    @Test
    void anInterchangeThatCameOverAs2IsAnsweredOverAs2NotInOutbound() throws Exception {
        recognisedAs(OrderFormat.X12);
        when(intake.receiveInterchange(eq("acme"), eq("po.edi"), any(), any(), eq("AS2"))).thenReturn(outcome(
                IntakeOutcome.Disposition.ERROR, "997-1.x12"));
        outbound.expectedMessageCount(0);
        errors.expectedMessageCount(0);

        producer.sendBodyAndHeaders("direct:receivePartnerFile", "ISA*00*...".getBytes(StandardCharsets.UTF_8), Map.of(
                EdiHubHeaders.PARTNER, "acme", Exchange.FILE_NAME_ONLY, "po.edi", EdiHubHeaders.DOCUMENT_ID, 41L,
                EdiHubHeaders.ERROR_FILE, "41-po.edi.error.txt", EdiHubHeaders.CHANNEL, "AS2"));

        MockEndpoint.assertIsSatisfied(camel);
        InOrder flow = inOrder(intake, as2, deadLetters);
        flow.verify(intake).receiveInterchange(eq("acme"), eq("po.edi"), any(), any(), eq("AS2"));
        flow.verify(intake).fileAway(any(), any());
        flow.verify(as2).answersOverAs2(41L);
        flow.verify(intake).complete(eq(41L), any());
        flow.verify(deadLetters).settled(any());
    }

    @Test
    void anAcceptanceGoesToTheAcceptanceReader() throws Exception {
        recognisedAs(OrderFormat.ACCEPTANCE_CSV);
        when(intake.receiveAcceptances(eq("acme"), eq("po.edi"), any(), eq(OrderFormat.ACCEPTANCE_CSV), any()))
                .thenReturn(outcome(IntakeOutcome.Disposition.ARCHIVE, "po.edi.response.json"));
        outbound.expectedMessageCount(1);

        upload("acceptance_id,po_number\n");

        MockEndpoint.assertIsSatisfied(camel);
        verify(intake, never()).receiveInterchange(anyString(), anyString(), any(), any(), any());
        verify(intake, never()).receiveOrderDocument(anyString(), anyString(), any(), any(), any());
    }

    @Test
    void aCreditAdjustmentGoesToTheAdjustmentReader() throws Exception {
        recognisedAs(OrderFormat.ADJUSTMENT_JSON);
        when(intake.receiveAdjustments(eq("acme"), eq("po.edi"), any(), eq(OrderFormat.ADJUSTMENT_JSON), any()))
                .thenReturn(outcome(IntakeOutcome.Disposition.ARCHIVE, "po.edi.response.json"));
        outbound.expectedMessageCount(1);

        upload("{\"adjustmentNumber\": \"ADJ-1\"}");

        MockEndpoint.assertIsSatisfied(camel);
        verify(intake, never()).receiveAcceptances(anyString(), anyString(), any(), any(), any());
        verify(intake, never()).receiveOrderDocument(anyString(), anyString(), any(), any(), any());
    }

    @Test
    void aRemittanceGoesToTheRemittanceReader() throws Exception {
        recognisedAs(OrderFormat.REMITTANCE_CSV);
        when(intake.receiveRemittances(eq("acme"), eq("po.edi"), any(), eq(OrderFormat.REMITTANCE_CSV)))
                .thenReturn(outcome(IntakeOutcome.Disposition.ARCHIVE, "po.edi.response.json"));
        outbound.expectedMessageCount(1);

        upload("trace_number,payment_date\n");

        MockEndpoint.assertIsSatisfied(camel);
        verify(intake, never()).receiveAdjustments(anyString(), anyString(), any(), any(), any());
        verify(intake, never()).receiveOrderDocument(anyString(), anyString(), any(), any(), any());
    }

    @Test
    void anythingElseGoesToTheOrderDocumentReaderAndARefusalGetsItsReportInError() throws Exception {
        recognisedAs(OrderFormat.UNKNOWN);
        when(intake.receiveOrderDocument(eq("acme"), eq("po.edi"), any(), eq(OrderFormat.UNKNOWN), any()))
                .thenReturn(outcome(IntakeOutcome.Disposition.ERROR, "po.edi.response.json"));
        outbound.expectedMessageCount(1);
        errors.expectedBodiesReceived("po.edi: refused");
        errors.expectedHeaderReceived(Exchange.FILE_NAME, "41-po.edi.error.txt");

        upload("hello");

        MockEndpoint.assertIsSatisfied(camel);
        verify(intake).complete(eq(41L), any());
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnreadAndNoReaderSeesIt() throws Exception {
        recognisedAs(OrderFormat.UNKNOWN);
        doAnswer(call -> {
            ((Exchange) call.getArgument(0)).getMessage().setHeader(EdiHubHeaders.TOO_LARGE, 99_000_000L);
            return null;
        }).when(intake).read(any());
        when(intake.refuseTooLarge(eq("acme"), eq("po.edi"), eq(99_000_000L), any()))
                .thenReturn(outcome(IntakeOutcome.Disposition.ERROR));
        errors.expectedMessageCount(1);

        upload("");

        MockEndpoint.assertIsSatisfied(camel);
        verify(intake, never()).receiveInterchange(anyString(), anyString(), any(), any(), any());
        verify(intake, never()).receiveAcceptances(anyString(), anyString(), any(), any(), any());
        verify(intake, never()).receiveOrderDocument(anyString(), anyString(), any(), any(), any());
    }

    private void recognisedAs(OrderFormat format) {
        doAnswer(call -> {
            ((Exchange) call.getArgument(1)).getMessage().setHeader(EdiHubHeaders.FORMAT, format.name());
            return null;
        }).when(intake).recognize(any(), any());
    }

    private void upload(String content) {
        producer.sendBodyAndHeaders("direct:receivePartnerFile", content.getBytes(StandardCharsets.UTF_8), Map.of(
                EdiHubHeaders.PARTNER, "acme", Exchange.FILE_NAME_ONLY, "po.edi", EdiHubHeaders.DOCUMENT_ID, 41L,
                EdiHubHeaders.ERROR_FILE, "41-po.edi.error.txt"));
    }

    private static IntakeOutcome outcome(IntakeOutcome.Disposition disposition, String... answers) {
        return new IntakeOutcome(41L, "po.edi", disposition, disposition == IntakeOutcome.Disposition.ERROR
                ? "po.edi: refused" : "", List.of(answers).stream().map(name -> new IntakeOutcome.OutboundFile(1L, name,
                        name + " content")).toList(), false, 1);
    }
}

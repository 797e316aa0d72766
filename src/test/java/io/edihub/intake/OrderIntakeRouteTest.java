package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.ops.EdiHubHeaders;
import io.edihub.partner.PartnerDirectory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An uploaded file is taken in only when its listed size is within the limit: the interchange limit (the larger) while
 * its format is unknown, then the document limit for a document read whole.
 */
class OrderIntakeRouteTest {

    private static final int DOCUMENT_LIMIT = 1000;
    private static final int LIMIT = 5000;
    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(java.nio.file.Path.of("config/partners"));

    private final CamelContext camel = new DefaultCamelContext();
    private final OrderIntakeRoute route = new OrderIntakeRoute(null, null, null, null, null,
            new TooLargeInputs(new IntakeSettings(DOCUMENT_LIMIT, LIMIT), PARTNERS, null, null, null, null), Clock.systemUTC());

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    @Test
    void aFileListedOverTheLimitIsNeverRead() {
        Exchange exchange = upload(new UnreadableStream(), 95L * 1024 * 1024);

        route.read(exchange);

        assertThat(exchange.getMessage().getHeader(EdiHubHeaders.TOO_LARGE, Long.class)).isEqualTo(95L * 1024 * 1024);
        assertThat(body(exchange)).isEmpty();
    }

    @Test
    void aFileWithinTheLimitIsReadWhole() {
        byte[] content = "ISA*00*".repeat(LIMIT / 7).getBytes();
        Exchange exchange = upload(new ByteArrayInputStream(content), content.length);

        route.read(exchange);

        assertThat(exchange.getMessage().getHeader(EdiHubHeaders.TOO_LARGE)).isNull();
        assertThat(body(exchange)).isEqualTo(content);
        // an interchange over the document limit stays spooled, to be read as a stream
        route.recognize(exchange.getMessage().getBody(SpooledInput.class), exchange);
        assertThat(exchange.getMessage().getHeader(EdiHubHeaders.FORMAT)).isEqualTo("X12");
        assertThat(exchange.getMessage().getHeader(EdiHubHeaders.TOO_LARGE)).isNull();
    }

    @Test
    void aDocumentReadWholeHasTheDocumentLimit() {
        byte[] json = ("[" + "{},".repeat(DOCUMENT_LIMIT) + "{}]").getBytes();
        Exchange exchange = upload(new ByteArrayInputStream(json), json.length);
        route.read(exchange);
        route.recognize(exchange.getMessage().getBody(SpooledInput.class), exchange);

        assertThat(exchange.getMessage().getHeader(EdiHubHeaders.TOO_LARGE, Long.class)).isEqualTo(json.length);
        assertThat(exchange.getMessage().getHeader(OrderIntakeRoute.SIZE_LIMIT, TooLargeInputs.Limit.class))
                .isEqualTo(new TooLargeInputs.Limit(DOCUMENT_LIMIT, TooLargeInputs.SETTING));

        byte[] small = "[{}]".getBytes();
        Exchange within = upload(new ByteArrayInputStream(small), small.length);
        route.read(within);
        route.recognize(within.getMessage().getBody(SpooledInput.class), within);
        assertThat(within.getMessage().getHeader(EdiHubHeaders.FORMAT)).isEqualTo("JSON");
        assertThat(within.getMessage().getBody()).isEqualTo(small);
    }

    @Test
    void aFileThatGrewPastTheLimitAfterItWasListedIsReadNoFurtherThanOneBytePastIt() {
        CountingStream stream = new CountingStream(new ByteArrayInputStream(new byte[50 * LIMIT]));
        Exchange exchange = upload(stream, 10);

        route.read(exchange);

        assertThat(stream.read).isEqualTo(LIMIT + 1);
        assertThat(exchange.getMessage().getHeader(EdiHubHeaders.TOO_LARGE, Long.class)).isEqualTo(LIMIT + 1);
        assertThat(body(exchange)).isEmpty();
    }

    @Test
    void anEmptyFileIsAnEmptyBody() {
        Exchange exchange = upload(new ByteArrayInputStream(new byte[0]), 0);

        route.read(exchange);

        assertThat(exchange.getMessage().getHeader(EdiHubHeaders.TOO_LARGE)).isNull();
        assertThat(body(exchange)).isEmpty();
    }

    @Test
    void aReplayedDeadLetterKeepsItsBytesOrItsSize() {
        Exchange bytes = new DefaultExchange(camel);
        bytes.getMessage().setHeader(EdiHubHeaders.PARTNER, "acme");
        bytes.getMessage().setBody(new byte[] {'{', '}'});
        route.read(bytes);
        assertThat(body(bytes)).containsExactly('{', '}');

        Exchange tooLarge = new DefaultExchange(camel);
        tooLarge.getMessage().setHeader(EdiHubHeaders.PARTNER, "acme");
        tooLarge.getMessage().setHeader(EdiHubHeaders.TOO_LARGE, "5000");
        tooLarge.getMessage().setBody(new byte[0]);
        route.read(tooLarge);
        assertThat(tooLarge.getMessage().getHeader(EdiHubHeaders.TOO_LARGE, Long.class)).isEqualTo(5000);
    }

    private static byte[] body(Exchange exchange) {
        return exchange.getMessage().getBody(SpooledInput.class).bytes();
    }

    private Exchange upload(InputStream content, long listedLength) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(EdiHubHeaders.PARTNER, "acme");
        exchange.getMessage().setHeader(Exchange.FILE_NAME, "po.edi");
        exchange.getMessage().setHeader(Exchange.FILE_LENGTH, listedLength);
        exchange.getMessage().setBody(content);
        return exchange;
    }

    /** What the SFTP consumer's stream would be if reading it were the mistake. */
    private static final class UnreadableStream extends InputStream {
        @Override
        public int read() {
            throw new AssertionError("an upload over the size limit was read");
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long read;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }
}

package io.edihub.edifact;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smooks.Smooks;
import org.smooks.io.sink.WriterSink;
import org.smooks.io.source.StreamSource;
import org.xml.sax.SAXException;

/**
 * Smooks with its EDI cartridge, reading ORDERS D96A interchanges into XML with the cut-down schema of
 * {@link OrdersSchema}, written into a private temporary folder that is deleted when the JVM exits.
 *
 * <p>There is one instance per JVM ({@link #shared()}): Daffodil compiles the ORDERS schema once, on the first
 * parse, which takes tens of seconds on a small machine. A Smooks instance is thread-safe. {@code cacheOnDisk}
 * is off: the cartridge would write the compiled schema under {@code .smooks/} in the process's working
 * directory, keyed by the schema's file name only.
 */
final class SmooksParser {

    private static final Logger LOG = LoggerFactory.getLogger(SmooksParser.class);
    private static final Pattern BYTE_OFFSET = Pattern.compile("Data location was preceding byte (\\d+)");
    private static volatile SmooksParser shared;

    private final Smooks smooks;
    private final OrdersSchema schema;

    /** Why Smooks could not read an interchange, and the furthest byte Daffodil got to. */
    static final class ParseFailure extends Exception {

        private final long furthestByte;

        ParseFailure(String summary, long furthestByte, Throwable cause) {
            super(summary, cause);
            this.furthestByte = furthestByte;
        }

        long furthestByte() {
            return furthestByte;
        }
    }

    private SmooksParser(Path schemaDirectory) throws IOException, SAXException {
        this.schema = OrdersSchema.write(schemaDirectory);
        Path schemaFile = schemaDirectory.resolve(OrdersSchema.INTERCHANGE_FILE);
        String config = """
                <smooks-resource-list xmlns="https://www.smooks.org/xsd/smooks-2.0.xsd"
                                      xmlns:edi="https://www.smooks.org/xsd/smooks/edi-2.0.xsd">
                    <edi:parser schemaUri="%s" validationMode="Off" cacheOnDisk="false"/>
                </smooks-resource-list>
                """.formatted(xmlAttribute(schemaFile.toAbsolutePath().toString()));
        this.smooks = new Smooks(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
    }

    /** The JVM's one Smooks parser, built on first use. */
    static SmooksParser shared() {
        SmooksParser parser = shared;
        if (parser == null) {
            synchronized (SmooksParser.class) {
                parser = shared;
                if (parser == null) {
                    parser = create();
                    shared = parser;
                }
            }
        }
        return parser;
    }

    private static SmooksParser create() {
        long started = System.nanoTime();
        try {
            Path work = Files.createTempDirectory("edihub-smooks-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(work), "edihub-smooks-cleanup"));
            SmooksParser parser = new SmooksParser(Files.createDirectories(work.resolve("schema")));
            LOG.info("Smooks EDI parser ready, {} ms", (System.nanoTime() - started) / 1_000_000);
            return parser;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the Smooks EDI parser", e);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot configure Smooks", e);
        }
    }

    OrdersSchema schema() {
        return schema;
    }

    /** Reads an interchange and returns the XML Smooks makes of it. */
    String toXml(byte[] interchange) throws ParseFailure {
        // the XML is about five times the EDIFACT; start at that, up to 1 MB, and let it grow beyond
        StringWriter xml = new StringWriter((int) Math.min(interchange.length * 5L, 1 << 20));
        try {
            smooks.filterSource(new StreamSource<>(new ByteArrayInputStream(interchange)), new WriterSink<>(xml));
            return xml.toString();
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /** Compiles the schema now (Daffodil compiles it on the first parse), so that the first file does not wait. */
    void warmUp() {
        byte[] sample = ("UNB+UNOC:3+A+B+261102:0930+1'UNH+1+ORDERS:D:96A:UN'BGM+220+1+9'DTM+137:20261102:102'"
                + "UNS+S'UNT+5+1'UNZ+1+1'").getBytes(StandardCharsets.US_ASCII);
        try {
            toXml(sample);
        } catch (ParseFailure e) {
            throw new IllegalStateException("Smooks cannot read a minimal ORDERS interchange", e);
        }
    }

    private static ParseFailure failure(Throwable thrown) {
        long furthest = -1;
        String summary = null;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            Matcher m = BYTE_OFFSET.matcher(message);
            while (m.find()) {
                furthest = Math.max(furthest, Long.parseLong(m.group(1)));
            }
            if (t.getCause() == null || summary == null && message.startsWith("Parse Error")) {
                summary = message.lines().findFirst().orElse(message);
            }
        }
        return new ParseFailure(summary == null ? String.valueOf(thrown) : summary, furthest, thrown);
    }

    /** Best effort at JVM exit. */
    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is not worth failing the shutdown for
        }
    }

    private static String xmlAttribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}

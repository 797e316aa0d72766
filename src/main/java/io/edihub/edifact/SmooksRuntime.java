package io.edihub.edifact;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Smooks with its EDI cartridge, in a class loader of its own.
 *
 * <p>The cartridge's Daffodil is built for Scala 2.12 only; the hub's classpath has Scala 2.13 (Kafka's broker
 * for the embedded defaults). So Smooks is no dependency of the hub: the build copies the jars of the Smooks
 * EDI runtime, and nothing else, into {@code smooks-runtime/} on the classpath with an {@code index.txt}
 * (see pom.xml). Here they become a {@link URLClassLoader} whose parent is the platform class loader, so no
 * class of the hub's classpath is visible to Smooks, and the reverse. In a build tree the jars are files and
 * are used where they are; inside the Spring Boot fat jar they are nested, so they are first copied to a
 * private temporary folder that is deleted when the JVM exits.
 *
 * <p>Only JDK types cross the boundary: the Smooks configuration goes in as an {@link InputStream}, an
 * interchange as an {@link InputStream} in a Smooks {@code StreamSource}, and the XML comes back through a
 * {@link Writer} in a Smooks {@code WriterSink}; the hub parses that XML itself. The one exception is SLF4J:
 * {@code org.slf4j} is taken from the hub's class loader so that Smooks' and Daffodil's log lines go to the
 * hub's log (SLF4J's API holds only JDK types).
 *
 * <p>There is one instance per JVM ({@link #shared()}): Daffodil compiles the ORDERS schema once, on the first
 * parse, which takes tens of seconds on a small machine. A Smooks instance is thread-safe. {@code cacheOnDisk}
 * is off: the cartridge would write the compiled schema under {@code .smooks/} in the process's working
 * directory, keyed by the schema's file name only.
 */
final class SmooksRuntime {

    static final String FOLDER = "smooks-runtime/";
    private static final Logger LOG = LoggerFactory.getLogger(SmooksRuntime.class);
    private static final Pattern BYTE_OFFSET = Pattern.compile("Data location was preceding byte (\\d+)");
    private static volatile SmooksRuntime shared;

    private final ClassLoader loader;
    private final Object smooks;
    private final Method filterSource;
    private final Constructor<?> streamSource;
    private final Constructor<?> writerSink;
    private final Class<?> sinkType;
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

    private SmooksRuntime(ClassLoader loader, Path workDirectory) throws ReflectiveOperationException {
        this.loader = loader;
        this.schema = OrdersSchema.write(loader, workDirectory);
        Path schemaFile = workDirectory.resolve(OrdersSchema.INTERCHANGE_FILE);
        String config = """
                <smooks-resource-list xmlns="https://www.smooks.org/xsd/smooks-2.0.xsd"
                                      xmlns:edi="https://www.smooks.org/xsd/smooks/edi-2.0.xsd">
                    <edi:parser schemaUri="%s" validationMode="Off" cacheOnDisk="false"/>
                </smooks-resource-list>
                """.formatted(xmlAttribute(schemaFile.toAbsolutePath().toString()));
        Class<?> smooksClass = Class.forName("org.smooks.Smooks", true, loader);
        Class<?> sourceType = Class.forName("org.smooks.api.io.Source", true, loader);
        this.sinkType = Class.forName("org.smooks.api.io.Sink", true, loader);
        this.streamSource = Class.forName("org.smooks.io.source.StreamSource", true, loader).getConstructor(InputStream.class);
        this.writerSink = Class.forName("org.smooks.io.sink.WriterSink", true, loader).getConstructor(Writer.class);
        this.filterSource = smooksClass.getMethod("filterSource", sourceType, sinkType.arrayType());
        Constructor<?> create = smooksClass.getConstructor(InputStream.class);
        this.smooks = inRuntime(() -> create.newInstance(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8))));
    }

    /** The JVM's one Smooks runtime, built on first use. */
    static SmooksRuntime shared() {
        SmooksRuntime runtime = shared;
        if (runtime == null) {
            synchronized (SmooksRuntime.class) {
                runtime = shared;
                if (runtime == null) {
                    runtime = create();
                    shared = runtime;
                }
            }
        }
        return runtime;
    }

    private static SmooksRuntime create() {
        long started = System.nanoTime();
        try {
            Path work = Files.createTempDirectory("edihub-smooks-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(work), "edihub-smooks-cleanup"));
            List<URL> jars = runtimeJars(SmooksRuntime.class.getClassLoader(), work.resolve("jars"));
            Path schemas = Files.createDirectories(work.resolve("schema"));
            SmooksRuntime runtime = new SmooksRuntime(new IsolatedLoader(jars.toArray(URL[]::new)), schemas);
            LOG.info("Smooks EDI runtime ready: {} jars in an isolated class loader, {} ms", jars.size(),
                    (System.nanoTime() - started) / 1_000_000);
            return runtime;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the Smooks EDI runtime", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start Smooks in its class loader", e);
        }
    }

    /** The class loader Smooks runs in (for tests and diagnostics). */
    ClassLoader classLoader() {
        return loader;
    }

    OrdersSchema schema() {
        return schema;
    }

    /** Reads an interchange and returns the XML Smooks makes of it. */
    String toXml(byte[] interchange) throws ParseFailure {
        // the XML is about five times the EDIFACT; start at that, up to 1 MB, and let it grow beyond
        StringWriter xml = new StringWriter((int) Math.min(interchange.length * 5L, 1 << 20));
        try {
            Object source = streamSource.newInstance(new ByteArrayInputStream(interchange));
            Object sinks = Array.newInstance(sinkType, 1);
            Array.set(sinks, 0, writerSink.newInstance(xml));
            inRuntime(() -> filterSource.invoke(smooks, source, sinks));
            return xml.toString();
        } catch (InvocationTargetException e) {
            throw failure(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call Smooks", e);
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

    private interface Call<T> {
        T call() throws ReflectiveOperationException;
    }

    /** Runs with the thread's context class loader set to Smooks' (JAXP and service lookups use it). */
    private <T> T inRuntime(Call<T> call) throws ReflectiveOperationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The jars listed in {@code smooks-runtime/index.txt}: as files where they are files, else copied out. */
    static List<URL> runtimeJars(ClassLoader resources, Path copyTo) throws IOException {
        URL index = resources.getResource(FOLDER + "index.txt");
        if (index == null) {
            throw new IOException(FOLDER + "index.txt is not on the classpath: the build (generate-resources) puts"
                    + " the Smooks EDI runtime there");
        }
        List<String> names;
        try (InputStream in = index.openStream()) {
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(s -> s.endsWith(".jar")).toList();
        }
        List<URL> jars = new ArrayList<>(names.size());
        for (String name : names) {
            URL jar = resources.getResource(FOLDER + name);
            if (jar == null) {
                throw new IOException(FOLDER + name + " is listed in the index but missing");
            }
            if ("file".equals(jar.getProtocol())) {
                jars.add(jar);
                continue;
            }
            Files.createDirectories(copyTo);
            Path target = copyTo.resolve(name);
            try (InputStream in = jar.openStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            jars.add(target.toUri().toURL());
        }
        return jars;
    }

    /** Best effort at JVM exit: the class loader still holds the jars open, which Linux allows deleting. */
    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is not worth failing the shutdown for
        }
    }

    private static String xmlAttribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    /**
     * Smooks' jars over the platform class loader: the JDK is shared, the hub's classpath is not, except
     * SLF4J's API (see the class comment).
     */
    static final class IsolatedLoader extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final ClassLoader logging = SmooksRuntime.class.getClassLoader();

        IsolatedLoader(URL[] jars) {
            super("smooks-runtime", jars, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.slf4j.")) {
                return logging.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public String toString() {
            List<String> names = new ArrayList<>();
            for (URL url : getURLs()) {
                try {
                    names.add(new File(url.toURI()).getName());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    names.add(url.toString());
                }
            }
            return "smooks-runtime" + names;
        }
    }
}

package io.edihub.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import io.edihub.EdiHubApplication;
import io.edihub.fulfillment.ReleaseScheduler;
import io.edihub.fulfillment.ShipmentDesk;
import io.edihub.local.FreePort;
import io.edihub.local.LocalSftpServer;
import io.edihub.local.SftpConnectionInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.Vector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * How long after a customer's acceptance its invoice reaches the ERP (the invoice event on Kafka) and the
 * customer (the 810 in its SFTP {@code outbound/}), beside a bare Kafka round trip measured in the same
 * run: a documented command, not a test.
 *
 * <pre>
 * ./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.edihub.bench.AcceptanceLatencyBenchmark -Dexec.args="30 50 5"
 * </pre>
 *
 * Arguments: measured seconds, acceptances per second, warm-up seconds (default 30 50 5). The whole hub
 * starts in this JVM on its embedded servers, with its own data folder under {@code target/bench-data}
 * (its log is there too), free ports and short poll delays ({@code -Dbench.outboxPollMs},
 * {@code -Dbench.sftpPollMs}; 20 and 100 ms).
 *
 * <p>Setup, not measured: one order per acceptance over {@code POST /api/v1/orders}, each with one release due
 * in ten days (within acme's 30-day and globex's 45-day lead time, so the real clock will do), dispatched and
 * shipped in full. acme's profile is used from a copy without ship notices (see {@link #partnersWithoutShipNotices}).
 * The partners' HTTP clients ({@code -Dbench.clients}, acme and globex) take turns, each within its own share of the
 * API's admission.
 *
 * <p>Then the acceptances (each accepting its release in full) go to {@code POST /api/v1/acceptances} on a
 * fixed schedule, open loop: a slow answer never delays the next send, and every latency runs from the
 * scheduled send time, so a hub that falls behind shows it in the figures instead of slowing the load down.
 * Half a period after each acceptance a plain producer sends a record to a scratch topic: the reference. One
 * plain consumer reads both the scratch topic and {@code edihub.invoices.v1}; each partner's own SFTP client lists
 * {@code outbound/} every {@code -Dbench.watchMs} (10 ms) and takes the 810s it finds away, as a partner
 * would. The warm-up runs the same way and is drained before the measured phase starts.
 *
 * <p>{@code -Dbench.bcrypt=false} measures the same path without the bcrypt check that HTTP basic costs on
 * every request (see {@link WithoutPasswordUpgrade}), to show what the rest of the path does.
 *
 * <p>Run from the project folder (the hub reads {@code routes/} and {@code config/partners}).
 */
public final class AcceptanceLatencyBenchmark {

    private static final long OUTBOX_POLL_MS = Long.getLong("bench.outboxPollMs", 20);
    private static final long SFTP_POLL_MS = Long.getLong("bench.sftpPollMs", 100);
    private static final long WATCH_MS = Long.getLong("bench.watchMs", 10);
    /** false: the clients' passwords are checked without bcrypt, to see the rest of the path without its cost. */
    private static final boolean BCRYPT = Boolean.parseBoolean(System.getProperty("bench.bcrypt", "true"));
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(10);
    private static final String INVOICES = "edihub.invoices.v1";
    /** The partner whose profile is copied without ship notices; the first of the default clients. */
    private static final String PARTNER = "acme";
    /**
     * The partners' HTTP clients that send the acceptances, taking turns: each has its own share of the API's admission
     * ({@code edihub.http.admission.max-in-progress-per-caller}), as machine clients would.
     */
    private static final List<String> CLIENTS = List.of(System.getProperty("bench.clients", "acme,globex").split(","));
    private static final int ORDERS_PER_DOCUMENT = 50;
    private static final int SETUP_THREADS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROUTES = List.of("receiveOrderOverHttp",
            "receiveAcceptanceOverHttp", "publishOutboxMessages", "publishOutboxMessage", "deliverOutboundDocuments");

    private final int total;
    private final int warmUp;
    private final int rate;
    private final Map<String, String> passwords = new java.util.HashMap<>();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private ConfigurableApplicationContext hub;
    private URI api;
    private String brokers;

    // index i: the i-th acceptance and the i-th reference record; times are System.nanoTime()
    private final long[] scheduled;
    private final AtomicLongArray answered;
    private final int[] status;
    private final String[] invoiceNumber;
    private final long[] referenceScheduled;
    /** acceptance id → when its invoice event was read, and the invoice number in it */
    private final Map<String, InvoiceEvent> invoiceEventSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> invoiceFileSeen = new ConcurrentHashMap<>();
    private final Map<Integer, Long> referenceSeen = new ConcurrentHashMap<>();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    private AcceptanceLatencyBenchmark(int seconds, int rate, int warmUpSeconds) {
        CLIENTS.forEach(client -> passwords.put(client, UUID.randomUUID().toString()));
        this.rate = rate;
        this.warmUp = rate * warmUpSeconds;
        this.total = warmUp + rate * seconds;
        scheduled = new long[total];
        answered = new AtomicLongArray(total);
        status = new int[total];
        invoiceNumber = new String[total];
        referenceScheduled = new long[total];
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        new AcceptanceLatencyBenchmark(seconds, rate, warmUp).run(seconds);
    }

    private void run(int seconds) throws Exception {
        Path dataDir = Path.of("target", "bench-data", "acceptance-" + System.currentTimeMillis());
        System.out.printf("EDI Hub acceptance latency benchmark: Java %s, %d CPUs, max heap %,d MB, load average %.1f%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        System.out.printf("hub poll delays: edihub.outbox.poll-delay %d ms, edihub.sftp.poll-delay %d ms; data and log in %s%n",
                OUTBOX_POLL_MS, SFTP_POLL_MS, dataDir);
        System.out.println(BCRYPT ? "HTTP basic as the hub has it: the clients' passwords stored as bcrypt hashes (checked"
                + " with bcrypt once, then on the verified-credential cache)" : "HTTP basic WITHOUT bcrypt"
                + " (-Dbench.bcrypt=false): the clients' passwords stored {noop} and kept so");
        System.out.printf("clients: %s, taking turns (-Dbench.clients)%n", String.join(", ", CLIENTS));
        System.out.printf("load: %d acceptances/s for %d s after %d s of warm-up (%,d releases to prepare); partner lists"
                + " outbound/ every %d ms%n", rate, seconds, warmUp / rate, total, WATCH_MS);
        long started = System.nanoTime();
        hub = startHub(dataDir);
        System.out.printf("hub started in %.1f s (HTTP %s, Kafka %s)%n", (System.nanoTime() - started) / 1e9, api, brokers);
        try {
            prepareShippedReleases();
            measure();
        } finally {
            hub.close();
        }
    }

    private ConfigurableApplicationContext startHub(Path dataDir) throws IOException {
        SpringApplication application = new SpringApplication(EdiHubApplication.class);
        if (!BCRYPT) {
            application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new WithoutPasswordUpgrade()));
        }
        // command-line arguments outrank application.yaml and the EDIHUB_* variables it reads
        List<String> args = new ArrayList<>(List.of(
                "--edihub.data-dir=" + dataDir,
                "--edihub.partners-dir=" + partnersWithoutShipNotices(dataDir),
                "--edihub.local.kafka.port=" + FreePort.find(),
                "--edihub.local.postgres.port=" + FreePort.find(),
                "--edihub.sftp.port=" + FreePort.find(),
                "--server.port=0",
                "--edihub.outbox.poll-delay=" + OUTBOX_POLL_MS,
                "--edihub.sftp.poll-delay=" + SFTP_POLL_MS,
                "--edihub.edifact.warm-up=false",
                // the hub logs every document it takes: to a file, so that the figures stay readable
                "--logging.file.name=" + dataDir.resolve("hub.log"),
                "--logging.threshold.console=WARN"));
        passwords.forEach((client, password) -> args.add("--edihub.http.clients." + client + "=" + (BCRYPT ? "" : "{noop}")
                + password));
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        Environment env = context.getEnvironment();
        api = URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + "/api/v1/");
        brokers = env.getProperty("edihub.kafka.brokers");
        // the supervising route controller starts the routes (the HTTP API among them) after the context is up
        CamelContext camel = context.getBean(CamelContext.class);
        try {
            await("the routes this benchmark drives started").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200)).until(() -> ROUTES.stream().allMatch(id -> {
                        var route = camel.getRouteController().getRouteStatus(id);
                        return route != null && route.isStarted();
                    }));
        } catch (RuntimeException e) {
            System.out.println("routes: " + camel.getRoutes().stream().map(r -> r.getRouteId() + " "
                    + camel.getRouteController().getRouteStatus(r.getRouteId())).toList());
            context.close();
            throw e;
        }
        return context;
    }

    /** Orders, dispatches and ships one release per acceptance; waits until the hub has sent everything that caused. */
    private void prepareShippedReleases() throws Exception {
        long started = System.nanoTime();
        String dueDate = today.plusDays(10).toString();
        List<CompletableFuture<Void>> documents = new ArrayList<>();
        List<List<Integer>> byClient = new ArrayList<>();
        CLIENTS.forEach(client -> byClient.add(new ArrayList<>()));
        for (int i = 0; i < total; i++) {
            byClient.get(i % CLIENTS.size()).add(i);
        }
        List<List<Integer>> chunks = new ArrayList<>();
        for (List<Integer> ofClient : byClient) {
            for (int first = 0; first < ofClient.size(); first += ORDERS_PER_DOCUMENT) {
                chunks.add(ofClient.subList(first, Math.min(ofClient.size(), first + ORDERS_PER_DOCUMENT)));
            }
        }
        for (List<Integer> chunk : chunks) {
            int from = chunk.get(0);
            StringBuilder orders = new StringBuilder("[");
            for (int i : chunk) {
                orders.append(i == from ? "" : ",").append(order(i, dueDate));
            }
            documents.add(post(client(from), "orders", orders.append(']').toString()).thenAccept(response -> {
                if (response.statusCode() != 201 || response.body().contains("\"REFUSED\"")
                        || response.body().contains("\"HELD\"")) {
                    throw new IllegalStateException("the orders from " + po(from) + " were not all taken: HTTP "
                            + response.statusCode() + " " + response.body());
                }
            }));
            if (documents.size() == SETUP_THREADS) {
                documents.forEach(CompletableFuture::join);
                documents.clear();
            }
        }
        documents.forEach(CompletableFuture::join);
        long ordered = System.nanoTime();
        // the hub's own scheduler route dispatches due releases too, so what this call returns is only a part of
        // them: dispatch, then wait until every release of the setup has left PLANNED, whoever dispatched it
        hub.getBean(ReleaseScheduler.class).dispatchDue();
        JdbcTemplate ledger = hub.getBean(JdbcTemplate.class);
        await("every release of the setup dispatched").atMost(SETUP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> count(ledger, "select count(*) from order_release where release_id like 'BENCH-%' and "
                        + "status <> 'PLANNED'") >= total);
        long dispatchedAt = System.nanoTime();
        ShipmentDesk shipments = hub.getBean(ShipmentDesk.class);
        ExecutorService shippers = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            List<Future<ShipmentDesk.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                String shipment = shipment(i);
                outcomes.add(shippers.submit(() -> shipments.receive(shipment, "acceptance-latency-benchmark")));
            }
            for (int i = 0; i < total; i++) {
                ShipmentDesk.Outcome outcome = outcomes.get(i).get();
                if (outcome.result() != ShipmentDesk.Result.APPLIED) {
                    throw new IllegalStateException("shipment of " + release(i) + " not applied: " + outcome);
                }
            }
        } finally {
            shippers.shutdown();
        }
        long shipped = System.nanoTime();
        JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
        await("the outbox and the outbound documents of the setup sent").atMost(SETUP_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> count(jdbc, "select count(*) from outbox_message where sent_at is null") == 0
                        && count(jdbc, "select count(*) from outbound_document where written_at is null and "
                                + "inbound_document_id is null") == 0);
        System.out.printf("setup: %,d orders over HTTP %.1f s, dispatched %.1f s, shipped %.1f s, release requests out"
                + " %.1f s later%n", total, (ordered - started) / 1e9, (dispatchedAt - ordered) / 1e9,
                (shipped - dispatchedAt) / 1e9, (System.nanoTime() - shipped) / 1e9);
    }

    /**
     * The partner profiles as configured, except that acme gets no 856 for the setup's shipments: the hub writes
     * outbound files one at a time, and thousands of ship notices would hold the setup up for minutes (and are
     * not what is measured).
     */
    private static Path partnersWithoutShipNotices(Path dataDir) throws IOException {
        Path copy = Files.createDirectories(dataDir.resolve("partners"));
        try (Stream<Path> profiles = Files.list(Path.of("config", "partners"))) {
            for (Path profile : profiles.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                String yaml = Files.readString(profile);
                if (profile.getFileName().toString().equals(PARTNER + ".yaml")) {
                    String without = yaml.replace("ship-notice: true", "ship-notice: false");
                    if (without.equals(yaml)) {
                        throw new IllegalStateException(profile + " no longer says 'ship-notice: true': update the"
                                + " benchmark's setup");
                    }
                    yaml = without;
                }
                Files.writeString(copy.resolve(profile.getFileName()), yaml);
            }
        }
        return copy;
    }

    private void measure() throws Exception {
        String scratch = "bench.round-trip." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(scratch, 1, (short) 1))).all().get();
        }
        List<OutboundWatch> watches = new ArrayList<>();
        for (String client : CLIENTS) {
            watches.add(new OutboundWatch(client, hub.getBean(LocalSftpServer.class).connectionFor(client)));
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
                InvoiceReader reader = new InvoiceReader(scratch);
                AutoCloseable closeWatches = () -> {
                    for (OutboundWatch watch : watches) {
                        watch.close();
                    }
                }) {
            reader.start();
            watches.forEach(Thread::start);
            // the consumer must own its partitions before the first send, or the first records wait for a rebalance
            producer.send(new ProducerRecord<>(scratch, "ready", "-1")).get();
            await("the consumer reading").atMost(Duration.ofSeconds(60)).until(() -> referenceSeen.containsKey(-1));

            // the warm-up is drained before the measured phase, so that its cold-JIT backlog is not measured
            sendPhase("warm-up", 0, warmUp, producer, scratch);
            sendPhase("measured", warmUp, total, producer, scratch);
        }
        report(hub.getBean(JdbcTemplate.class));
    }

    /** Sends acceptances [from, to) and their reference records on schedule, then waits until all came out. */
    private void sendPhase(String phase, int from, int to, KafkaProducer<String, String> producer, String scratch) {
        if (from == to) {
            return;
        }
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        long lag = 0;
        for (int k = 0; k < 2 * (to - from); k++) {
            long at = start + k * period / 2;
            for (long wait = at - System.nanoTime(); wait > 0; wait = at - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            lag = Math.max(lag, System.nanoTime() - at);
            int i = from + k / 2;
            if (k % 2 == 0) {
                sendAcceptance(i, at);
            } else {
                referenceScheduled[i] = at;
                producer.send(new ProducerRecord<>(scratch, Integer.toString(i), Integer.toString(i)));
            }
        }
        System.out.printf("%s: sent %,d acceptances and %,d reference records in %.1f s (sender at most %.1f ms late),"
                + " load average %.1f%n", phase, to - from, to - from, (System.nanoTime() - start) / 1e9, lag / 1e6,
                loadAverage());
        // a hub that falls behind works off its backlog after the last send, for as long as ten times the phase
        Duration drain = Duration.ofSeconds(60 + 10L * (to - from) / rate);
        try {
            await("every acceptance answered, its invoice published and its 810 delivered").atMost(drain)
                    .pollInterval(Duration.ofMillis(200)).until(() -> allSeen(from, to));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.printf("%s: not everything came out within %d s: what is missing is counted below%n", phase,
                    drain.toSeconds());
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void sendAcceptance(int i, long at) {
        scheduled[i] = at;
        post(client(i), "acceptances", acceptance(i)).whenComplete((response, error) -> {
            long now = System.nanoTime();
            if (error != null) {
                failures.add(acceptanceId(i) + ": " + error);
            } else {
                status[i] = response.statusCode();
                try {
                    invoiceNumber[i] = JSON.readTree(response.body()).path("acceptances").path(0).path("invoiceNumber")
                            .asText(null);
                } catch (IOException e) {
                    // the status and body below say what came back
                }
                if (status[i] != 201 || invoiceNumber[i] == null) {
                    failures.add(acceptanceId(i) + ": HTTP " + status[i] + " " + response.body());
                }
            }
            // last: whoever sees the answer time sees the status and invoice number too
            answered.set(i, now);
        });
    }

    private CompletableFuture<HttpResponse<String>> post(String client, String path, String json) {
        String credentials = Base64.getEncoder().encodeToString((client + ":" + passwords.get(client))
                .getBytes(StandardCharsets.UTF_8));
        return http.sendAsync(HttpRequest.newBuilder(api.resolve(path)).timeout(HTTP_TIMEOUT)
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private record InvoiceEvent(long seen, String invoiceNumber) {
    }

    /** From the event, or else from the answer: an acceptance whose POST timed out may still have been invoiced. */
    private String invoiceNumberOf(int i) {
        InvoiceEvent event = invoiceEventSeen.get(acceptanceId(i));
        return event != null ? event.invoiceNumber() : invoiceNumber[i];
    }

    private boolean allSeen(int from, int to) {
        for (int i = from; i < to; i++) {
            if (answered.get(i) == 0 || !referenceSeen.containsKey(i)) {
                return false;
            }
            String invoice = invoiceNumberOf(i);
            if (invoice != null && (!invoiceEventSeen.containsKey(acceptanceId(i)) || !invoiceFileSeen.containsKey(invoice))) {
                return false;
            }
        }
        // POSTs that timed out on our side may still be invoiced by the hub
        return count(hub.getBean(JdbcTemplate.class), "select count(*) from invoice") == invoiceEventSeen.size();
    }

    private void report(JdbcTemplate jdbc) {
        long firstSend = scheduled[warmUp];
        Series http = new Series("HTTP answer to POST /api/v1/acceptances", firstSend);
        Series event = new Series("invoice event read from " + INVOICES, firstSend);
        Series file = new Series("810 listed in the partner's SFTP outbound/", firstSend);
        Series reference = new Series("reference: bare Kafka produce -> consume", referenceScheduled[warmUp]);
        int missingEvents = 0;
        int missingFiles = 0;
        for (int i = warmUp; i < total; i++) {
            Long seen = referenceSeen.get(i);
            if (seen != null) {
                reference.add(referenceScheduled[i], seen);
            }
            if (answered.get(i) != 0 && status[i] == 201) {
                http.add(scheduled[i], answered.get(i));
            }
            String invoice = invoiceNumberOf(i);
            if (invoice == null) {
                continue;
            }
            InvoiceEvent published = invoiceEventSeen.get(acceptanceId(i));
            if (published == null) {
                missingEvents++;
            } else {
                event.add(scheduled[i], published.seen());
            }
            seen = invoiceFileSeen.get(invoice);
            if (seen == null) {
                missingFiles++;
            } else {
                file.add(scheduled[i], seen);
            }
        }
        int measured = total - warmUp;
        System.out.printf("measured: %,d acceptances (after %,d of warm-up); %,d answered 201 with an invoice, %,d not"
                + " (timed out after %d s or refused); %,d invoice events and %,d 810s missing; %,d invoices in the database%n",
                measured, warmUp, http.latencies.size(), measured - http.latencies.size(), HTTP_TIMEOUT.toSeconds(),
                missingEvents, missingFiles, count(jdbc, "select count(*) from invoice"));
        java.util.TreeMap<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = warmUp; i < total; i++) {
            statuses.merge(status[i], 1, Integer::sum);
        }
        System.out.printf("HTTP statuses of the measured acceptances (0: no answer): %s; refused at once (429/503) are"
                + " not sent again%n", statuses);
        failures.stream().limit(5).forEach(f -> System.out.println("  " + f));
        System.out.println();
        System.out.printf("%-50s %6s %9s %9s %9s %8s%n", "from the scheduled send, latency until", "n", "p50 ms", "p99 ms",
                "max ms", "out/s");
        for (Series series : List.of(http, event, file, reference)) {
            series.print();
        }
        System.out.printf("(out/s: how many came out per second, first send to last out; %d/s when the hub keeps up)%n",
                rate);
        String load = String.format(Locale.ROOT, "%,d acceptances at %d/s over HTTP", measured, rate);
        String bare = "bare Kafka round trip: " + reference.figures();
        BenchResult.print("acceptance-event", load + " -> invoice event on Kafka", bare, event.figures()
                + String.format(Locale.ROOT, "; %,d answered 201, %,d events missing", http.latencies.size(), missingEvents), "50/s, p99 < 0.5 s");
        BenchResult.print("acceptance-810", load + " -> 810 in the partner's SFTP outbound/", bare, file.figures()
                + String.format(Locale.ROOT, "; %,d 810s missing", missingFiles), "-");
    }

    /** One measured path: its latencies, and when the last one came out. */
    private static final class Series {

        final String label;
        final long firstSend;
        final List<Long> latencies = new ArrayList<>();
        long lastOut;

        Series(String label, long firstSend) {
            this.label = label;
            this.firstSend = firstSend;
        }

        void add(long sent, long out) {
            latencies.add(out - sent);
            lastOut = Math.max(lastOut, out);
        }

        /** p50 / p99 from the scheduled send, for the RESULT lines. */
        String figures() {
            if (latencies.isEmpty()) {
                return "none came out";
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (n %,d)", percentile(sorted, 50) / 1e6,
                    percentile(sorted, 99) / 1e6, sorted.length);
        }

        void print() {
            if (latencies.isEmpty()) {
                System.out.printf("%-50s %6d %9s %9s %9s %8s%n", label, 0, "-", "-", "-", "-");
                return;
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%-50s %,6d %9.1f %9.1f %9.1f %8.1f%n", label, sorted.length, percentile(sorted, 50) / 1e6,
                    percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6,
                    sorted.length / ((lastOut - firstSend) / 1e9));
        }
    }

    /** Nearest rank: the smallest value with at least p % of the values at or below it. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }

    private static String po(int i) {
        return String.format("BENCH-%05d", i);
    }

    /** Which client sends the i-th order, shipment and acceptance. */
    private static String client(int i) {
        return CLIENTS.get(i % CLIENTS.size());
    }

    /**
     * Each order has one delivery month, ten days from now: acme's release extension is SEQUENCE, globex's
     * YEAR_MONTH.
     */
    private String release(int i) {
        return po(i) + ("globex".equals(client(i)) ? "-" + today.plusDays(10).format(java.time.format.DateTimeFormatter
                .ofPattern("yyyyMM")) : "-01");
    }

    private static String acceptanceId(int i) {
        return String.format("BENCH-ACC-%05d", i);
    }

    /**
     * 100 tablets (acme) or sensor modules (globex) at the contract price, all due in ten days: within the partner's
     * lead time, so dispatched at once.
     */
    private String order(int i, String dueDate) {
        if ("globex".equals(client(i))) {
            return """
                    {"poNumber": "%s", "type": "SA", "orderDate": "%s", "currency": "USD", "contractNumber": "GX-MSA-2025-117",
                     "parties": [{"role": "ST", "name": "GLOBEX PLANT 3", "idQualifier": "92", "id": "PLANT3"}],
                     "lines": [{"lineNumber": "1", "buyerPart": "GLX-4411", "vendorPart": "EH-3300",
                       "description": "SENSOR MODULE", "quantity": 100, "unit": "EA", "unitPrice": 9.75,
                       "schedule": [{"quantity": 100, "unit": "EA", "deliveryDate": "%s"}]}]}
                    """.formatted(po(i), today, dueDate);
        } else if (!PARTNER.equals(client(i))) {
            throw new IllegalArgumentException("the benchmark has orders for acme and globex only, not " + client(i));
        }
        return """
                {"poNumber": "%s", "type": "SA", "orderDate": "%s", "currency": "USD", "contractNumber": "GSA-47QSWA-2026",
                 "parties": [{"role": "ST", "name": "ACME DEPOT 12", "idQualifier": "92", "id": "DEPOT12"}],
                 "lines": [{"lineNumber": "1", "buyerPart": "ACM-77812", "vendorPart": "EH-1001",
                   "description": "RUGGED TABLET 10 INCH", "quantity": 100, "unit": "EA", "unitPrice": 42.50,
                   "schedule": [{"quantity": 100, "unit": "EA", "deliveryDate": "%s"}]}]}
                """.formatted(po(i), today, dueDate);
    }

    private String shipment(int i) {
        return """
                {"shipmentId": "BENCH-SHP-%05d", "partnerId": "%s", "releaseId": "%s", "shipDate": "%s", "carrier": "UPSN",
                 "trackingNumber": "1Z999AA1%010d", "lines": [{"lineNumber": "1", "quantity": 100, "unit": "EA"}]}
                """.formatted(i, client(i), release(i), today, i);
    }

    private String acceptance(int i) {
        return """
                {"acceptanceId": "%s", "poNumber": "%s", "releaseId": "%s", "acceptedOn": "%s",
                 "lines": [{"lineNumber": "1", "accepted": 100, "unit": "EA"}]}
                """.formatted(acceptanceId(i), po(i), release(i), today);
    }

    /**
     * Hides that the hub's user store can change passwords: Spring Security then no longer re-encodes a {noop} password
     * with bcrypt after the first login ("upgrade encoding"), so every later request is checked without bcrypt.
     */
    private static final class WithoutPasswordUpgrade implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof InMemoryUserDetailsManager users) {
                UserDetailsService lookupOnly = users::loadUserByUsername;
                return lookupOnly;
            }
            return bean;
        }
    }

    /**
     * A plain consumer, as the ERP would run one, on the invoices and the scratch topic: notes when each invoice
     * (by its acceptance id) and each reference record is first seen. A fresh group reading from the start.
     */
    private final class InvoiceReader extends Thread implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private volatile boolean running = true;

        InvoiceReader(String scratch) {
            super("bench-invoice-reader");
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(INVOICES, scratch));
        }

        @Override
        public void run() {
            try {
                while (running) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    long now = System.nanoTime();
                    for (ConsumerRecord<String, String> r : records) {
                        if (r.topic().equals(INVOICES)) {
                            JsonNode invoice = parse(r.value());
                            invoiceEventSeen.putIfAbsent(invoice.path("acceptanceId").asText(),
                                    new InvoiceEvent(now, invoice.path("invoiceNumber").asText(null)));
                        } else {
                            referenceSeen.putIfAbsent(Integer.parseInt(r.value()), now);
                        }
                    }
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close();
            }
        }

        private JsonNode parse(String invoice) {
            try {
                return JSON.readTree(invoice);
            } catch (IOException e) {
                throw new IllegalStateException("an invoice event that is not JSON: " + invoice, e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            join(10_000);
        }
    }

    /**
     * A partner's own SFTP client (JSch, strict host key checking) polling {@code outbound/}: notes when each 810 is
     * first listed, by the invoice number in its name ({@code 810-<ISA13>-<invoice number>.x12}), and takes it
     * away as a partner collecting its invoices does, which also keeps every listing short.
     */
    private final class OutboundWatch extends Thread implements AutoCloseable {

        private final Session session;
        private final ChannelSftp sftp;
        private volatile boolean running = true;
        private volatile Exception failure;
        /** Read after the thread ended. */
        private int failedListings;
        /** Files gone between the listing and the removal: nobody but the partner should take them away. */
        private final List<String> vanished = java.util.Collections.synchronizedList(new ArrayList<>());

        OutboundWatch(String partner, SftpConnectionInfo info) throws JSchException {
            super("bench-outbound-watch-" + partner);
            JSch jsch = new JSch();
            jsch.setKnownHosts(info.knownHostsFile().toString());
            session = jsch.getSession(info.username(), info.host(), info.port());
            session.setPassword(info.password());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.connect(10_000);
            sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(10_000);
        }

        private void remove(String name) throws SftpException {
            try {
                sftp.rm("outbound/" + name);
            } catch (SftpException e) {
                if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    throw e;
                }
                vanished.add(name);
            }
        }

        @Override
        public void run() {
            try {
                while (running) {
                    List<String> names = finishedFiles();
                    long now = System.nanoTime();
                    for (String name : names) {
                        if (name.startsWith("810-") && name.endsWith(".x12")) {
                            String afterPrefix = name.substring("810-".length(), name.length() - ".x12".length());
                            invoiceFileSeen.putIfAbsent(afterPrefix.substring(afterPrefix.indexOf('-') + 1), now);
                            remove(name);
                        }
                    }
                    LockSupport.parkNanos(WATCH_MS * 1_000_000L);
                }
            } catch (SftpException e) {
                failure = e;
            }
        }

        /** Files in outbound/ that the hub finished writing (it writes {@code <name>.part} and renames it). */
        private List<String> finishedFiles() throws SftpException {
            Vector<ChannelSftp.LsEntry> entries;
            try {
                @SuppressWarnings("unchecked")
                Vector<ChannelSftp.LsEntry> listed = sftp.ls("outbound");
                entries = listed;
            } catch (SftpException e) {
                if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    throw e;
                }
                // seen now and then while the hub renames its .part files: the whole listing fails; the next one works
                failedListings++;
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (ChannelSftp.LsEntry e : entries) {
                if (!e.getAttrs().isDir() && !e.getFilename().endsWith(".part")) {
                    names.add(e.getFilename());
                }
            }
            return names;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            join(10_000);
            sftp.disconnect();
            session.disconnect();
            if (failure != null) {
                System.out.println(getName() + ": the partner's SFTP client failed: " + failure);
                failure.printStackTrace(System.out);
            }
            if (failedListings > 0) {
                System.out.println(getName() + ": the listing of outbound/ failed " + failedListings + " times with 'no such file'"
                        + " and was repeated");
            }
            if (!vanished.isEmpty()) {
                System.out.println(getName() + ": " + vanished.size() + " files vanished from outbound/ between the listing and the removal,"
                        + " e.g. " + vanished.subList(0, Math.min(3, vanished.size())));
            }
        }
    }
}

package io.edihub.faults;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.edihub.KafkaTestClient;
import io.edihub.PartnerSftpClient;
import io.edihub.local.FreePort;
import io.edihub.local.LocalPostgres;
import io.edihub.local.LocalSftpServer;
import io.edihub.local.SftpAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fault suite: the packaged hub in a JVM of its own ingests purchase orders that two partners upload
 * over SFTP in many files over time, while the suite kills it with SIGKILL at seeded random moments and
 * starts it again, stops the Kafka broker and PostgreSQL for a while and brings them back with their data,
 * and takes the SFTP server away and back. Meanwhile it plays logistics (ships some of the requested
 * releases on {@code edihub.shipments.v1}) and the customer (accepts some shipped releases over
 * {@code POST /api/v1/acceptances}). When everything has settled it counts what came out: every PO
 * stored once, every file answered once, every dispatched release requested under one id, one invoice per
 * acceptance; Kafka may repeat a record only under the same {@code ce_id}.
 *
 * <p>The servers run here, in the suite's JVM (PostgreSQL as the embedded server's child process, SFTP in
 * this JVM), except Kafka, which runs in a JVM of its own so that it can be stopped and started again
 * over the same log directory.
 */
public final class FaultSuite {

    static final String REQUESTS = "edihub.release-requests.v1";
    static final String SHIPMENTS = "edihub.shipments.v1";
    static final String INVOICES = "edihub.invoices.v1";
    private static final List<String> PARTNERS = FaultOrders.PARTNERS;
    private static final String OPERATOR = "olivia";

    /**
     * @param orders        purchase orders uploaded, half acme's, half globex's
     * @param ordersPerFile orders in one uploaded interchange
     * @param kills         SIGKILLs of the hub during the ingest
     * @param outage        how long Kafka and PostgreSQL are away (the SFTP server half as long)
     * @param ingest        the time over which files are uploaded and the faults happen
     * @param settle        how long the hub may go without progress after the ingest before the suite gives up
     * @param seed          decides the moments of the kills (printed, so a run can be repeated)
     */
    public record Settings(int orders, int ordersPerFile, int kills, Duration outage, Duration ingest, Duration settle,
            long seed) {

        /**
         * The CI version, small enough for a {@code verify} on two cores: every fault of the long version (three kills,
         * each server away once) within 30 s of uploads, the outages 5 s long.
         */
        public static Settings quick(long seed) {
            return new Settings(100, 5, 3, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), seed);
        }

        /** The figures: 1,000 POs, ten kills, Kafka and PostgreSQL away for a minute each. */
        public static Settings full(long seed) {
            return new Settings(1000, 10, 10, Duration.ofSeconds(60), Duration.ofSeconds(330), Duration.ofMinutes(3), seed);
        }
    }

    private final Settings settings;
    private final Path projectDirectory;
    private final Path workDirectory;
    private final Random random;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> passwords = new HashMap<>();
    private final LocalDate today = LocalDate.now();

    private LocalPostgres postgres;
    private int postgresPort;
    private RestartableKafkaBroker kafka;
    private LocalSftpServer sftp;
    private LocalSftpServer.Settings sftpSettings;
    private HubProcess hub;
    private int httpPort;
    private JdbcTemplate jdbc;
    private HikariDataSource suiteDataSource;
    private KafkaTestClient client;

    // what the suite did, for the checks at the end
    private final Map<String, String> uploadedFiles = new ConcurrentHashMap<>();
    private final Set<String> sentOrders = ConcurrentHashMap.newKeySet();
    private final Map<String, String> shipped = new ConcurrentHashMap<>();
    private final Map<String, Integer> acceptanceAnswers = new ConcurrentHashMap<>();
    private final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger faultsDone = new AtomicInteger();
    private final AtomicInteger hubExitsOnItsOwn = new AtomicInteger();
    private volatile boolean killing;
    private Instant started;
    private volatile boolean settled;
    private String lastProgress = "";
    private Instant lastProgressAt = Instant.now();

    public FaultSuite(Settings settings, Path projectDirectory, Path workDirectory) {
        this.settings = settings;
        this.projectDirectory = projectDirectory.toAbsolutePath();
        this.workDirectory = workDirectory.toAbsolutePath();
        this.random = new Random(settings.seed());
    }

    /** Runs the whole suite and returns its figures; the servers and the hub are stopped at the end. */
    public Figures run() throws Exception {
        Files.createDirectories(workDirectory);
        log("fault suite: %s, seed %d, work in %s", settings, settings.seed(), workDirectory);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(6);
        try {
            startServers();
            hub = new HubProcess(projectDirectory, hubEnvironment(), workDirectory.resolve("hub.log"));
            hub.start();
            client = new KafkaTestClient(kafka.bootstrapServers(), List.of(REQUESTS, INVOICES));
            await("the hub's first start").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(this::hubReady);
            started = Instant.now();
            log("the hub is ready; the clock starts");
            int scheduledFaults = schedule(scheduler);
            scheduler.scheduleWithFixedDelay(this::restartHubThatExited, 2, 2, TimeUnit.SECONDS);
            scheduler.scheduleWithFixedDelay(this::playPartners, 1, 1, TimeUnit.SECONDS);

            // a kill waits for the hub to be ready again, and a start takes a minute on a busy machine
            Duration ingestWithSlack = settings.ingest().plus(settings.outage()).plus(Duration.ofMinutes(2L + 3L * settings.kills()));
            try {
                await("uploads and faults").atMost(ingestWithSlack).pollInterval(Duration.ofSeconds(1))
                        .until(() -> uploadedFiles.size() == files() && faultsDone.get() == scheduledFaults);
            } catch (ConditionTimeoutException e) {
                log("after %s only %d of %d files were uploaded and %d of %d faults done", ingestWithSlack, uploadedFiles.size(),
                        files(), faultsDone.get(), scheduledFaults);
            }
            log("all %d files uploaded and %d faults done after %ds; waiting for the hub to settle", files(), scheduledFaults,
                    secondsSinceStart());
            try {
                lastProgressAt = Instant.now();
                // a slow machine is no failure: give up only when the hub stops making progress
                await("the hub settles").atMost(Duration.ofHours(1)).pollInterval(Duration.ofSeconds(2)).until(this::settledOrStuck);
            } catch (ConditionTimeoutException e) {
                log("the hub did not settle within an hour");
            }
            if (!settled) {
                log("the hub made no progress for %s and did not settle: the figures below say what is missing", settings.settle());
            }
            scheduler.shutdownNow();
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
            Figures figures = figures();
            System.out.println(figures.report());
            return figures;
        } finally {
            scheduler.shutdownNow();
            stopAll();
        }
    }

    // --- the servers and the hub -------------------------------------------------------------------------------

    private void startServers() {
        postgresPort = FreePort.find();
        postgres = LocalPostgres.start(workDirectory.resolve("postgres"), postgresPort);
        // a small pool that outlives the database's outage: connections broken by it are replaced on the next query
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(LocalPostgres.USER);
        dataSource.setMaximumPoolSize(2);
        dataSource.setConnectionTimeout(5000);
        dataSource.setInitializationFailTimeout(-1);
        suiteDataSource = dataSource;
        jdbc = new JdbcTemplate(dataSource);
        kafka = new RestartableKafkaBroker(workDirectory.resolve("kafka"), FreePort.find(), FreePort.find());
        kafka.start();
        sftpSettings = new LocalSftpServer.Settings(workDirectory.resolve("sftp-data"), FreePort.find(), "edihub", null,
                "127.0.0.1", workDirectory.resolve("known_hosts"));
        startSftp();
        for (String partner : PARTNERS) {
            passwords.put(partner, "pw-" + partner + "-" + settings.seed());
        }
        passwords.put(OPERATOR, "pw-operator-" + settings.seed());
    }

    private void startSftp() {
        sftp = LocalSftpServer.start(sftpSettings, PARTNERS.stream().map(p -> new SftpAccount(p, p)).toList());
    }

    private Map<String, String> hubEnvironment() {
        httpPort = FreePort.find();
        return HubProcess.environment(postgres.jdbcUrl(), kafka.bootstrapServers(), sftp, httpPort,
                workDirectory.resolve("hub-data"), OPERATOR, passwords);
    }

    private void stopAll() {
        // the figures are taken: the hub goes the way it went all along (an orderly stop would wait for a start under way)
        if (hub != null) {
            hub.kill();
        }
        for (AutoCloseable closeable : new AutoCloseable[] {client, hub, suiteDataSource, kafka, sftp, postgres}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                log("stopping %s: %s", closeable, e);
            }
        }
    }

    // --- the timeline --------------------------------------------------------------------------------------------

    /** Schedules the uploads, the kills and the outages; returns the number of faults (kills and outages). */
    private int schedule(ScheduledExecutorService scheduler) {
        long ingest = settings.ingest().toMillis();
        for (int file = 0; file < files(); file++) {
            int index = file;
            scheduler.schedule(() -> upload(scheduler, index), ingest * file / files(), TimeUnit.MILLISECONDS);
        }
        List<Long> kills = new ArrayList<>();
        for (int i = 0; i < settings.kills(); i++) {
            kills.add((long) (ingest * (0.05 + 0.9 * random.nextDouble())));
        }
        kills.sort(null);
        List<Long> jitters = new ArrayList<>();
        kills.forEach(kill -> jitters.add((long) random.nextInt(5000)));
        log("kill -9 at seconds %s (a kill that finds the hub still starting waits until it is ready, then 0-5 s)",
                kills.stream().map(ms -> String.format("%.1f", ms / 1000.0)).toList());
        scheduleKill(scheduler, kills, jitters, 0);

        long outage = settings.outage().toMillis();
        outage(scheduler, "Kafka broker", ingest * 20 / 100, outage, kafka::stop, kafka::start);
        outage(scheduler, "PostgreSQL", ingest * 50 / 100, outage,
                () -> postgres.close(), () -> postgres = LocalPostgres.start(workDirectory.resolve("postgres"), postgresPort));
        outage(scheduler, "SFTP server", ingest * 80 / 100, outage / 2, () -> sftp.close(), this::startSftp);
        return settings.kills() + 3;
    }

    private void outage(ScheduledExecutorService scheduler, String server, long at, long duration, Runnable stop, Runnable start) {
        log("%s away from second %d for %d s", server, at / 1000, duration / 1000);
        scheduler.schedule(() -> {
            log("%s stops", server);
            stop.run();
            scheduler.schedule(() -> {
                start.run();
                log("%s is back", server);
                faultsDone.incrementAndGet();
            }, duration, TimeUnit.MILLISECONDS);
        }, at, TimeUnit.MILLISECONDS);
    }

    /**
     * Kills happen one after the other, each meant for a hub at work: a kill whose moment finds the hub still
     * starting after the previous one happens a random 0-5 s after it is ready again.
     */
    private void scheduleKill(ScheduledExecutorService scheduler, List<Long> kills, List<Long> jitters, int next) {
        if (next == kills.size()) {
            return;
        }
        long wait = Math.max(0, kills.get(next) - Duration.between(started, Instant.now()).toMillis());
        scheduler.schedule(() -> killWhenReady(scheduler, kills, jitters, next, false), wait, TimeUnit.MILLISECONDS);
    }

    private void killWhenReady(ScheduledExecutorService scheduler, List<Long> kills, List<Long> jitters, int index,
            boolean waited) {
        if (!hubReady()) {
            scheduler.schedule(() -> killWhenReady(scheduler, kills, jitters, index, true), 1, TimeUnit.SECONDS);
        } else if (waited) {
            scheduler.schedule(() -> killWhenReady(scheduler, kills, jitters, index, false), jitters.get(index),
                    TimeUnit.MILLISECONDS);
        } else {
            killAndRestartHub();
            scheduleKill(scheduler, kills, jitters, index + 1);
        }
    }

    /** Spring Boot's readiness probe: the context is up and the hub takes traffic. */
    private boolean hubReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return hub.alive() && http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void killAndRestartHub() {
        killing = true;
        try {
            log("kill -9 the hub (start %d)", hub.starts());
            hub.kill();
            hub.start();
            faultsDone.incrementAndGet();
        } finally {
            killing = false;
        }
    }

    /** What an orchestrator does: a hub that ended by itself (say it could not reach its database) is started again. */
    private void restartHubThatExited() {
        if (!killing && !hub.alive()) {
            hubExitsOnItsOwn.incrementAndGet();
            log("the hub exited by itself; starting it again");
            hub.start();
        }
    }

    // --- the partners --------------------------------------------------------------------------------------------

    private int files() {
        return (settings.orders() + settings.ordersPerFile() - 1) / settings.ordersPerFile();
    }

    private void upload(ScheduledExecutorService scheduler, int index) {
        FaultOrders.Upload file = FaultOrders.upload(index, settings.ordersPerFile(), settings.orders(), today);
        String partner = file.partner();
        String name = file.fileName();
        List<String> poNumbers = file.poNumbers();
        byte[] content = file.content();
        try (PartnerSftpClient client = new PartnerSftpClient(sftp.connectionFor(partner))) {
            client.upload(name, content);
            poNumbers.forEach(po -> sentOrders.add(partner + "/" + po));
            uploadedFiles.put(name, partner);
        } catch (Exception e) {
            // the server is away: the partner tries again a second later
            scheduler.schedule(() -> upload(scheduler, index), 1, TimeUnit.SECONDS);
        }
    }

    /**
     * Logistics ships the release requests of every PO whose number is even; the customer accepts every shipped
     * release whose PO number is divisible by four. Whatever fails (the hub or a server is away) is tried again on
     * the next round.
     */
    private synchronized void playPartners() {
        try {
            for (KafkaTestClient.Received request : received(REQUESTS)) {
                String releaseId = request.key();
                JsonNode payload = json.readTree(request.value());
                String po = payload.path("poNumber").asText();
                if (FaultOrders.sequence(po) % 2 == 0 && !shipped.containsKey(releaseId)) {
                    client.send(SHIPMENTS, releaseId, FaultOrders.shipment(payload, today));
                    shipped.put(releaseId, payload.path("partnerId").asText() + "/" + po);
                }
            }
            for (Map.Entry<String, String> release : shipped.entrySet()) {
                String[] partnerAndPo = release.getValue().split("/");
                if (FaultOrders.sequence(partnerAndPo[1]) % 4 == 0 && !acceptanceAnswers.containsKey(release.getKey())
                        && "SHIPPED".equals(status(partnerAndPo[0], release.getKey()))) {
                    accept(partnerAndPo[0], partnerAndPo[1], release.getKey());
                }
            }
        } catch (Exception e) {
            // a server or the hub is away: next round
        }
    }

    private synchronized List<KafkaTestClient.Received> received(String topic) {
        return client.on(topic);
    }

    private String status(String partner, String releaseId) {
        List<String> status = jdbc.queryForList("select status from order_release where partner_id = ? and release_id = ?",
                String.class, partner, releaseId);
        return status.isEmpty() ? null : status.get(0);
    }

    private void accept(String partner, String po, String releaseId) throws Exception {
        List<Map<String, Object>> lines = jdbc.queryForList(
                "select line_number, shipped, unit from release_line where partner_id = ? and release_id = ? order by line_number",
                partner, releaseId);
        String body = FaultOrders.acceptance(po, releaseId, lines, today);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/acceptances"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((partner + ":" + passwords.get(partner))
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        // 201 taken, 409 taken before (an answer lost to a kill); anything else: the hub is away, try again
        if (status == 201 || status == 409) {
            acceptanceAnswers.put(releaseId, status);
        }
    }

    // --- settling and counting -----------------------------------------------------------------------------------

    private boolean settledOrStuck() {
        settled = settled();
        return settled || Duration.between(lastProgressAt, Instant.now()).compareTo(settings.settle()) > 0;
    }

    private boolean settled() {
        try {
            playPartners();
            boolean inboundEmpty = PARTNERS.stream().allMatch(p -> ExactlyOnce.list(sftp.rootDirectory().resolve(p).resolve("inbound")).isEmpty());
            int stored = count("select count(*) from purchase_order");
            int unsent = count("select count(*) from outbox_message where sent_at is null");
            int unwritten = count("select count(*) from outbound_document where written_at is null");
            int dueNotDispatched = count("select count(*) from order_release where status = 'PLANNED' and month <= ?",
                    today.withDayOfMonth(1));
            int dispatched = count("select count(*) from order_release where status <> 'PLANNED'");
            long requested = received(REQUESTS).stream().map(KafkaTestClient.Received::key).distinct().count();
            int shippedApplied = count("select count(distinct shipment_id) from shipment where status = 'APPLIED'");
            int invoices = count("select count(*) from invoice");
            long invoiceEvents = received(INVOICES).stream().map(r -> r.headers().get("ce_id")).distinct().count();
            long toAccept = shipped.values().stream().filter(v -> FaultOrders.sequence(v.split("/")[1]) % 4 == 0).count();
            String progress = String.format("inbound empty %s, orders %d/%d, outbox unsent %d, unwritten files %d, "
                    + "due not dispatched %d, requested %d/%d, shipments applied %d/%d, acceptances answered %d/%d, "
                    + "invoice events %d/%d", inboundEmpty, stored, sentOrders.size(), unsent, unwritten, dueNotDispatched, requested,
                    dispatched, shippedApplied, shipped.size(), acceptanceAnswers.size(), toAccept, invoiceEvents, invoices);
            if (!progress.equals(lastProgress)) {
                lastProgress = progress;
                lastProgressAt = Instant.now();
            }
            log("settling: %s", progress);
            long toShip = received(REQUESTS).stream().map(KafkaTestClient.Received::key).distinct()
                    .filter(id -> FaultOrders.sequence(id.substring(0, id.lastIndexOf('-'))) % 2 == 0).count();
            return inboundEmpty && stored >= sentOrders.size() && unsent == 0 && unwritten == 0 && dueNotDispatched == 0
                    && requested == dispatched && shipped.size() == toShip && shippedApplied == shipped.size()
                    && acceptanceAnswers.size() == toAccept && invoiceEvents == invoices;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private int count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Integer.class, arguments);
    }

    /** The figures the suite prints, and the two that must be zero. */
    public record Figures(long seed, int posSent, int ordersStored, int filesUploaded, int filesArchived, int filesInError,
            int functionalAcks, int releases, int releasesDispatched, int requestRecords, int requestIds, int requestKeys,
            int shipmentsSent, int shipmentsApplied, int acceptances, int invoices, int invoiceRecords, int invoiceIds,
            int hubStarts, int hubExitsOnItsOwn, Map<String, Integer> lostBy, Map<String, Integer> duplicatedBy,
            long seconds) {

        public int lost() {
            return lostBy.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int duplicatedEffects() {
            return duplicatedBy.values().stream().mapToInt(Integer::intValue).sum();
        }

        public String report() {
            return String.join(System.lineSeparator(),
                    "== EDI Hub fault suite (seed " + seed + ", " + seconds + " s) ==",
                    String.format("hub starts            %d (%d after kill -9 or an exit of its own: %d)", hubStarts, hubStarts - 1,
                            hubExitsOnItsOwn),
                    String.format("orders                %d stored of %d POs sent", ordersStored, posSent),
                    String.format("files                 %d uploaded: %d archived, %d in error/, %d functional acks (997)",
                            filesUploaded, filesArchived, filesInError, functionalAcks),
                    String.format("releases              %d, %d dispatched", releases, releasesDispatched),
                    String.format("release requests      %d records on Kafka, %d distinct ids, %d distinct releases", requestRecords,
                            requestIds, requestKeys),
                    String.format("shipments             %d sent, %d applied", shipmentsSent, shipmentsApplied),
                    String.format("invoices              %d for %d acceptances; %d records on Kafka, %d distinct ids", invoices,
                            acceptances, invoiceRecords, invoiceIds),
                    String.format("lost = %d              %s", lost(), lostBy),
                    String.format("duplicated effects = %d %s", duplicatedEffects(), duplicatedBy));
        }
    }

    private Figures figures() {
        ExactlyOnce tally = new ExactlyOnce(jdbc);
        int ordersStored = tally.orders(sentOrders);
        ExactlyOnce.FileCounts files = tally.files(sftp.rootDirectory(), PARTNERS, uploadedFiles.keySet());
        tally.outboundDocuments(sftp.rootDirectory(), PARTNERS);
        ExactlyOnce.Requests requests = tally.releaseRequests(received(REQUESTS));
        int shipmentsApplied = tally.shipments();

        // invoices: one per acceptance, each on Kafka under one id
        int acceptances = count("select count(*) from acceptance");
        int invoices = count("select count(*) from invoice");
        Set<String> invoiceNumbers = Set.copyOf(jdbc.queryForList("select invoice_number from invoice", String.class));
        List<KafkaTestClient.Received> invoiceRecords = received(INVOICES);
        Map<String, Set<String>> idsByInvoice = ExactlyOnce.byKey(invoiceRecords, KafkaTestClient.Received::key,
                r -> r.headers().get("ce_id"));
        Map<String, Set<String>> invoicesById = ExactlyOnce.byKey(invoiceRecords, r -> r.headers().get("ce_id"),
                KafkaTestClient.Received::key);
        Map<String, Integer> lost = tally.lost;
        Map<String, Integer> duplicated = tally.duplicated;
        lost.put("acceptances answered 201 not stored", (int) acceptanceAnswers.keySet().stream()
                .filter(id -> count("select count(*) from acceptance where release_id = ?", id) == 0).count());
        lost.put("acceptances not invoiced", acceptances - count("select count(distinct acceptance) from invoice"));
        lost.put("invoices not on Kafka", (int) invoiceNumbers.stream().filter(n -> !idsByInvoice.containsKey(n)).count());
        duplicated.put("invoices on Kafka under two ids", ExactlyOnce.extra(idsByInvoice.values()));
        duplicated.put("invoice ids for two invoices", ExactlyOnce.extra(invoicesById.values()));
        duplicated.put("releases invoiced twice", count("select count(*) - count(distinct release_id) from invoice"));
        duplicated.put("acceptances stored twice", count("select count(*) - count(distinct release_id) from acceptance"));

        return new Figures(settings.seed(), sentOrders.size(), ordersStored, uploadedFiles.size(), files.archived(),
                files.inError(), files.acknowledged(), requests.releases(), requests.dispatched(), requests.records(),
                requests.ids(), requests.keys(), shipped.size(), shipmentsApplied, acceptances, invoices, invoiceRecords.size(),
                invoicesById.size(), hub.starts(), hubExitsOnItsOwn.get(), lost, duplicated, secondsSinceStart());
    }

    private long secondsSinceStart() {
        return started == null ? 0 : Duration.between(started, Instant.now()).toSeconds();
    }

    private void log(String format, Object... arguments) {
        String line = String.format("[fault suite %s] ", DateTimeFormatter.ISO_LOCAL_TIME.format(java.time.LocalTime.now().withNano(0)))
                + String.format(format, arguments);
        events.add(line);
        System.out.println(line);
    }

    static Supplier<Long> seedFromProperty() {
        return () -> Long.getLong("faults.seed", System.currentTimeMillis() % 100_000);
    }
}

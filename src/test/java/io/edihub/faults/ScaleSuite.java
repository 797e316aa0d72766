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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scale test: several hub processes, each the packaged jar in its own JVM with the production profile, share
 * one PostgreSQL, one Kafka broker and one SFTP server, as replicas on Kubernetes would. Two partners upload all
 * their purchase orders at once; logistics ships every release the hub requests. In a round with
 * {@code killOne}, one process is killed with SIGKILL once half the POs are stored, and not started again: the
 * others must take over its files and its singleton routes. Each round counts what came out (every PO stored once,
 * every file moved once with one 997, every dispatched release requested under one id, every shipment applied once,
 * no file claim left behind) and how fast; {@link #report} prints the rounds side by side.
 */
public final class ScaleSuite {

    static final String REQUESTS = "edihub.release-requests.v1";
    static final String SHIPMENTS = "edihub.shipments.v1";
    static final List<String> PARTNERS = FaultOrders.PARTNERS;
    private static final String OPERATOR = "olivia";
    /** The hub's log line for a file it took ("po-acme-0001.edi from acme accepted: ..."). */
    private static final Pattern FILE_TAKEN = Pattern.compile(" from (acme|globex) (accepted:|refused in part or whole)");

    /** One round: how many hub processes, and whether one of them is killed halfway. */
    public record Round(int hubs, boolean killOne) {

        String label() {
            return hubs + (hubs == 1 ? " process" : " processes") + (killOne ? ", one killed" : "");
        }
    }

    /**
     * @param orders        purchase orders uploaded, half acme's, half globex's
     * @param ordersPerFile orders in one uploaded interchange
     * @param rounds        the rounds, each on fresh servers
     * @param stuckAfter    a round gives up when nothing moved for this long
     */
    public record Settings(int orders, int ordersPerFile, List<Round> rounds, Duration stuckAfter) {

        /** The CI version: 100 POs, one process, then three with one killed. */
        public static Settings quick() {
            return new Settings(100, 5, List.of(new Round(1, false), new Round(3, true)), Duration.ofMinutes(3));
        }

        /** The figures: 2,000 POs, one process, three, and three with one killed. */
        public static Settings full() {
            return new Settings(2000, 5, List.of(new Round(1, false), new Round(3, false), new Round(3, true)),
                    Duration.ofMinutes(3));
        }

        int files() {
            return (orders + ordersPerFile - 1) / ordersPerFile;
        }
    }

    /** What one round gave. Times are seconds from the first upload. */
    public record Outcome(Round round, int posSent, int ordersStored, int filesUploaded, ExactlyOnce.FileCounts files,
            ExactlyOnce.Requests requests, int shipmentsSent, int shipmentsApplied, int claimsLeft, int outboxUnsent,
            List<Integer> filesTakenByProcess, Integer killedProcess, double secondsToStore, double secondsToRequest,
            double secondsToSettle, boolean settled, Map<String, Integer> lostBy, Map<String, Integer> duplicatedBy) {

        public int lost() {
            return lostBy.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int duplicatedEffects() {
            return duplicatedBy.values().stream().mapToInt(Integer::intValue).sum();
        }

        double posPerSecond() {
            return secondsToStore > 0 ? ordersStored / secondsToStore : 0;
        }
    }

    private final Settings settings;
    private final Path projectDirectory;
    private final Path workDirectory;

    public ScaleSuite(Settings settings, Path projectDirectory, Path workDirectory) {
        this.settings = settings;
        this.projectDirectory = projectDirectory.toAbsolutePath();
        this.workDirectory = workDirectory.toAbsolutePath();
    }

    /** Runs every round in turn, prints the figures side by side and returns them. */
    public List<Outcome> run() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < settings.rounds().size(); i++) {
            Round round = settings.rounds().get(i);
            try (RoundRun run = new RoundRun(round, workDirectory.resolve("round-" + (i + 1)))) {
                outcomes.add(run.run());
            }
        }
        System.out.println(report(settings, outcomes));
        return outcomes;
    }

    /** The rounds side by side, one column each. */
    public static String report(Settings settings, List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("== EDI Hub scale test: %d POs in %d X12 files from %s, production profile, one PostgreSQL, "
                + "one Kafka broker, one SFTP server ==%n", settings.orders(), settings.files(), String.join(" and ", PARTNERS)));
        row(sb, "", outcomes, o -> o.round().label());
        row(sb, "POs stored (once each)", outcomes, o -> o.ordersStored() + " of " + o.posSent());
        row(sb, "files archived / in error", outcomes, o -> o.files().archived() + " / " + o.files().inError());
        row(sb, "files answered by a 997", outcomes, o -> Integer.toString(o.files().acknowledged()));
        row(sb, "files taken per process", outcomes, o -> taken(o));
        row(sb, "releases dispatched", outcomes, o -> o.requests().dispatched() + " of " + o.requests().releases());
        row(sb, "release requests: records/ids", outcomes, o -> o.requests().records() + " / " + o.requests().ids());
        row(sb, "shipments sent / applied", outcomes, o -> o.shipmentsSent() + " / " + o.shipmentsApplied());
        row(sb, "file claims left, outbox unsent", outcomes, o -> o.claimsLeft() + ", " + o.outboxUnsent());
        row(sb, "s until all POs stored", outcomes, o -> String.format("%.1f", o.secondsToStore()));
        row(sb, "POs stored per second", outcomes, o -> String.format("%.1f", o.posPerSecond()));
        row(sb, "s until all due releases requested", outcomes, o -> String.format("%.1f", o.secondsToRequest()));
        row(sb, "s until settled", outcomes, o -> o.settled() ? String.format("%.1f", o.secondsToSettle()) : "STUCK");
        row(sb, "lost", outcomes, o -> o.lost() + (o.lost() == 0 ? "" : " " + nonZero(o.lostBy())));
        row(sb, "duplicated effects", outcomes, o -> o.duplicatedEffects() + (o.duplicatedEffects() == 0 ? ""
                : " " + nonZero(o.duplicatedBy())));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, List<Outcome> outcomes, Function<Outcome, String> value) {
        sb.append(String.format("%-36s", name));
        outcomes.forEach(o -> sb.append(String.format("%-28s", value.apply(o))));
        sb.append(System.lineSeparator());
    }

    private static String taken(Outcome o) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < o.filesTakenByProcess().size(); i++) {
            parts.add(o.filesTakenByProcess().get(i) + (Integer.valueOf(i).equals(o.killedProcess()) ? "(k)" : ""));
        }
        return String.join("/", parts);
    }

    private static Map<String, Integer> nonZero(Map<String, Integer> counts) {
        Map<String, Integer> nonZero = new LinkedHashMap<>();
        counts.forEach((what, n) -> {
            if (n != 0) {
                nonZero.put(what, n);
            }
        });
        return nonZero;
    }

    /** One round on servers of its own. */
    private final class RoundRun implements AutoCloseable {

        private final Round round;
        private final Path directory;
        private final ObjectMapper json = new ObjectMapper();
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final LocalDate today = LocalDate.now();
        private final List<HubProcess> hubs = new ArrayList<>();
        private final List<Integer> httpPorts = new ArrayList<>();
        private final Set<String> sentOrders = new HashSet<>();
        private final Set<String> uploadedFiles = new HashSet<>();
        private final Set<String> shipped = new HashSet<>();
        private LocalPostgres postgres;
        private HikariDataSource dataSource;
        private JdbcTemplate jdbc;
        private RestartableKafkaBroker kafka;
        private LocalSftpServer sftp;
        private KafkaTestClient client;
        private Integer killed;

        RoundRun(Round round, Path directory) {
            this.round = round;
            this.directory = directory;
        }

        Outcome run() throws Exception {
            Files.createDirectories(directory);
            log("round: %s, %d POs; work in %s", round.label(), settings.orders(), directory);
            startServers();
            Map<String, String> passwords = new HashMap<>();
            PARTNERS.forEach(p -> passwords.put(p, "scale-" + p + "-password"));
            passwords.put(OPERATOR, "scale-operator-password");
            for (int i = 0; i < round.hubs(); i++) {
                int port = FreePort.find();
                Map<String, String> environment = new LinkedHashMap<>(HubProcess.environment(postgres.jdbcUrl(),
                        kafka.bootstrapServers(), sftp, port, directory.resolve("hub-" + (i + 1)), OPERATOR, passwords));
                // as deployed: the production profile, no embedded server, every setting from the environment
                environment.put("SPRING_PROFILES_ACTIVE", "production");
                environment.put("EDIHUB_HTTP_ADDRESS", "127.0.0.1");
                // the embedded server trusts local connections: any password will do, but production wants one
                environment.put("EDIHUB_DB_PASSWORD", "scale-database-password");
                environment.put("EDIHUB_CLUSTER_MEMBER_NAME", "hub-" + (i + 1));
                // a killed process's files, singleton routes and outbox messages move on sooner than the production
                // defaults: see HubProcess.environment
                HubProcess hub = new HubProcess(projectDirectory, environment, directory.resolve("hub-" + (i + 1) + ".log"));
                hubs.add(hub);
                httpPorts.add(port);
                hub.start();
            }
            await("every hub process ready").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> java.util.stream.IntStream.range(0, hubs.size()).allMatch(this::ready));
            client = new KafkaTestClient(kafka.bootstrapServers(), List.of(REQUESTS));
            log("%d hub process(es) ready; uploading %d files", hubs.size(), settings.files());

            long started = System.nanoTime();
            upload();
            double stored = -1;
            double requested = -1;
            double settledAt = -1;
            String lastProgress = "";
            long lastProgressAt = System.nanoTime();
            while (settledAt < 0 && seconds(lastProgressAt) < settings.stuckAfter().toSeconds()) {
                ship();
                int ordersStored = count("select count(*) from purchase_order");
                if (round.killOne() && killed == null && ordersStored >= settings.orders() / 2) {
                    killed = 1;
                    log("kill -9 hub-%d with %d of %d POs stored", killed + 1, ordersStored, settings.orders());
                    hubs.get(killed).kill();
                }
                int dueNotDispatched = count("select count(*) from order_release where status = 'PLANNED' and month <= ?",
                        today.withDayOfMonth(1));
                int dispatched = count("select count(*) from order_release where status <> 'PLANNED'");
                long requestIds = client.on(REQUESTS).stream().map(r -> r.headers().get("ce_id")).distinct().count();
                int applied = count("select count(distinct shipment_id) from shipment where status = 'APPLIED'");
                int claims = count("select count(*) from camel_messageprocessed");
                int unsent = count("select count(*) from outbox_message where sent_at is null");
                int unwritten = count("select count(*) from outbound_document where written_at is null");
                boolean inboundEmpty = PARTNERS.stream().allMatch(p -> ExactlyOnce.list(sftp.rootDirectory().resolve(p)
                        .resolve("inbound")).isEmpty());
                if (stored < 0 && ordersStored >= sentOrders.size()) {
                    stored = seconds(started);
                }
                if (stored >= 0 && requested < 0 && dueNotDispatched == 0 && requestIds >= dispatched) {
                    requested = seconds(started);
                }
                String progress = String.format("orders %d/%d, due not dispatched %d, requested %d/%d, shipments applied %d/%d, "
                        + "claims %d, outbox unsent %d, unwritten files %d, inbound empty %s", ordersStored, sentOrders.size(),
                        dueNotDispatched, requestIds, dispatched, applied, shipped.size(), claims, unsent, unwritten, inboundEmpty);
                if (!progress.equals(lastProgress)) {
                    log("%.1f s: %s", seconds(started), progress);
                    lastProgress = progress;
                    lastProgressAt = System.nanoTime();
                }
                if (requested >= 0 && applied == shipped.size() && requestIds == shipped.size() && claims == 0 && unsent == 0
                        && unwritten == 0 && inboundEmpty) {
                    settledAt = seconds(started);
                } else {
                    await().pollDelay(Duration.ofMillis(250)).until(() -> true);
                }
            }
            if (settledAt < 0) {
                log("nothing moved for %s: the round is stuck; the figures say what is missing", settings.stuckAfter());
            }
            return outcome(stored, requested, settledAt);
        }

        private void startServers() {
            postgres = LocalPostgres.start(directory.resolve("postgres"), FreePort.find());
            dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(postgres.jdbcUrl());
            dataSource.setUsername(LocalPostgres.USER);
            dataSource.setMaximumPoolSize(2);
            jdbc = new JdbcTemplate(dataSource);
            kafka = new RestartableKafkaBroker(directory.resolve("kafka"), FreePort.find(), FreePort.find());
            kafka.start();
            sftp = LocalSftpServer.start(new LocalSftpServer.Settings(directory.resolve("sftp-data"), FreePort.find(), "edihub",
                    null, "127.0.0.1", directory.resolve("known_hosts")), PARTNERS.stream().map(p -> new SftpAccount(p, p)).toList());
        }

        /** All files at once, as fast as one SFTP session per partner goes. */
        private void upload() throws Exception {
            Map<String, PartnerSftpClient> sessions = new HashMap<>();
            try {
                for (String partner : PARTNERS) {
                    sessions.put(partner, new PartnerSftpClient(sftp.connectionFor(partner)));
                }
                for (int index = 0; index < settings.files(); index++) {
                    FaultOrders.Upload file = FaultOrders.upload(index, settings.ordersPerFile(), settings.orders(), today);
                    sessions.get(file.partner()).upload(file.fileName(), file.content());
                    file.poNumbers().forEach(po -> sentOrders.add(file.partner() + "/" + po));
                    uploadedFiles.add(file.fileName());
                }
            } finally {
                sessions.values().forEach(PartnerSftpClient::close);
            }
        }

        /** Logistics ships every release the hub asked for, once. */
        private void ship() throws Exception {
            for (KafkaTestClient.Received request : client.on(REQUESTS)) {
                if (shipped.add(request.key())) {
                    JsonNode payload = json.readTree(request.value());
                    client.send(SHIPMENTS, request.key(), FaultOrders.shipment(payload, today));
                }
            }
        }

        private Outcome outcome(double stored, double requested, double settledAt) throws IOException {
            ExactlyOnce tally = new ExactlyOnce(jdbc);
            int ordersStored = tally.orders(sentOrders);
            ExactlyOnce.FileCounts files = tally.files(sftp.rootDirectory(), PARTNERS, uploadedFiles);
            ExactlyOnce.Requests requests = tally.releaseRequests(client.on(REQUESTS));
            int applied = tally.shipments();
            int claims = count("select count(*) from camel_messageprocessed");
            tally.lost.put("files left claimed", claims);
            List<Integer> taken = new ArrayList<>();
            for (int i = 0; i < hubs.size(); i++) {
                Path log = directory.resolve("hub-" + (i + 1) + ".log");
                taken.add(Files.isRegularFile(log) ? (int) Files.readAllLines(log).stream()
                        .filter(line -> FILE_TAKEN.matcher(line).find()).count() : 0);
            }
            return new Outcome(round, sentOrders.size(), ordersStored, uploadedFiles.size(), files, requests, shipped.size(),
                    applied, claims, count("select count(*) from outbox_message where sent_at is null"), taken, killed, stored,
                    requested, settledAt, settledAt >= 0, tally.lost, tally.duplicated);
        }

        private boolean ready(int hub) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPorts.get(hub)
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build();
                return hubs.get(hub).alive() && http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private int count(String sql, Object... arguments) {
            return jdbc.queryForObject(sql, Integer.class, arguments);
        }

        private double seconds(long since) {
            return (System.nanoTime() - since) / 1e9;
        }

        @Override
        public void close() {
            hubs.forEach(HubProcess::requestStop);
            List<AutoCloseable> closeables = new ArrayList<>(hubs);
            closeables.addAll(java.util.Arrays.asList(client, dataSource, kafka, sftp, postgres));
            for (AutoCloseable closeable : closeables) {
                try {
                    if (closeable != null) {
                        closeable.close();
                    }
                } catch (Exception e) {
                    log("stopping %s: %s", closeable, e);
                }
            }
        }
    }

    private static void log(String format, Object... arguments) {
        System.out.println(String.format("[scale test %s] ", DateTimeFormatter.ISO_LOCAL_TIME.format(LocalTime.now().withNano(0)))
                + String.format(format, arguments));
    }
}

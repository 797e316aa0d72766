package io.edihub.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.edihub.LocalDefaultsHubTest;
import io.edihub.PartnerSftpClient;
import io.edihub.canonical.Release;
import io.edihub.local.LocalSftpServer;
import io.edihub.order.OrderStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Broken X12 through the real intake: inputs mutated from the samples in {@code edi-samples/} (see
 * {@link Mutator}) are uploaded with a partner's real SFTP client to the whole hub, in batches, and every
 * one must be answered: moved to {@code archive/} with a 997 or TA1 in {@code outbound/}, or to
 * {@code error/} with {@code <name>.error.txt} giving the reason (and the TA1 / 997 when the envelope could
 * be read). None may stay in {@code inbound/} or vanish, no intake exchange may fail, and afterwards the
 * hub is healthy and takes a fresh valid 850 as before. The outcome of every input is counted by mutation
 * kind and printed.
 *
 * <p>CI ({@code verify}) runs the short version: the first 200 inputs of a fresh seed, printed for replay, and beside
 * them the inputs of the fixed seeds that once found a bug ({@link #REGRESSIONS}). {@code -Dfuzz.long=true} runs 10,000.
 * Settings (system properties): {@code fuzz.inputs} (200, or 10,000 with {@code fuzz.long}), {@code fuzz.seed} (a fresh
 * random one unless given; printed), {@code fuzz.batch}
 * (inputs uploaded before waiting for their answers, 50), {@code fuzz.hugeBytes} (the length of a huge element,
 * 1,000,000), {@code fuzz.only} (comma-separated input indexes: replays just those). An input that fails is saved to
 * {@code target/fuzz-failures/} with a {@code .why.txt} beside it.
 *
 * <pre>
 * ./mvnw -q verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=IntakeFuzzIT -Dfuzz.long=true
 * </pre>
 */
@LocalDefaultsHubTest
class IntakeFuzzIT {

    private static final boolean LONG = Boolean.getBoolean("fuzz.long");
    private static final int INPUTS = Integer.getInteger("fuzz.inputs", LONG ? 10_000 : 200);
    /** A fresh seed on every run unless one is given: each CI run tries inputs no run tried before. Printed for replay. */
    private static final long SEED = System.getProperty("fuzz.seed") == null ? new java.security.SecureRandom().nextLong()
            & Long.MAX_VALUE : Long.getLong("fuzz.seed");
    private static final boolean FRESH = System.getProperty("fuzz.seed") == null;
    /**
     * Inputs that found a bug, by seed: they run in every run, whatever its seed and number of inputs, each made from
     * the samples of its seed's time ({@code src/test/resources/fuzz/samples-<seed>.txt}). {@code MutatorTest} checks
     * that these numbers still make those inputs. Of seed 20261123 (each now a unit test in
     * {@code UnanswerableSenderTest}): a sender qualifier flipped to no X12 code (84, 357) and an ISA with a delimiter
     * missing (387, 422), which the intake failed on every poll and never answered. Of seed 20261207 (each now a unit
     * test in {@code DamagedEnvelopeTest}): an ISA09 flipped to no date, copied into the TA1 StAEDI then would not write
     * (1106); an ISA whose first delimiter became the segment terminator, answered as if a segment were its control
     * number (2081); a file cut right after ISA16 (4187), on which the header check threw.
     */
    static final Map<Long, List<Integer>> REGRESSIONS = Map.of(20261123L, List.of(84, 357, 387, 422),
            20261207L, List.of(1106, 2081, 4187),
            // an 850 taken in a group of release 005010X231A1 whose 855 could not be written in it (issue 17's long run)
            5983575704056341359L, List.of(916, 1294, 4786));
    private static final int BATCH = Integer.getInteger("fuzz.batch", 50);
    private static final int HUGE_BYTES = Integer.getInteger("fuzz.hugeBytes", 1_000_000);
    private static final String ONLY = System.getProperty("fuzz.only", "");
    /** How long one batch may take to be answered: far more than it needs, so that a slow run is no failure. */
    private static final Duration BATCH_WAIT = Duration.ofSeconds(Long.getLong("fuzz.batchWaitSeconds", 180));
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path FAILURES = Path.of("target", "fuzz-failures");
    private static final Pattern AK9 = Pattern.compile("(?:^|[~\\n])AK9\\*([AEPRMWX])");
    private static final Pattern ANSWERED_CONTROL_NUMBER = Pattern.compile("-for-([0-9]{9}|unreadable-isa13)\\.x12$");
    private static final Pattern TA1_CONTROL_NUMBER = Pattern.compile("(?:^|[~\\n])TA1\\*([^*~]*)\\*");

    /** Where an input ended up, as the partner and the table see it. */
    enum Outcome {
        ACK_A("997 AK9 A"), ACK_E("997 AK9 E"), ACK_P("997 AK9 P"), ACK_R("997 R"), TA1("TA1"),
        /** a partner's 997, taken: X12 does not acknowledge acknowledgments */
        ACK_RECEIVED("997 in, none due"),
        ERROR_FILE_ONLY("error file only"), NOT_ANSWERED("NOT ANSWERED"), HUB_ERROR("hub error");

        final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    LocalSftpServer sftpServer;
    @Autowired
    CamelContext camel;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrderStore orders;

    private final Map<String, PartnerSftpClient> partners = new HashMap<>();
    /** input name → why the intake failed it (a failed exchange or an ERROR logged while it was handled) */
    private final Map<String, String> hubErrors = new ConcurrentHashMap<>();
    private final List<String> otherErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    /** keeps only errors: a long run logs every input at INFO */
    private final ListAppender<ILoggingEvent> errorLog = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                super.append(event);
            }
        }
    };
    private final EventNotifierSupport failedExchanges = new EventNotifierSupport() {
        @Override
        public void notify(CamelEvent event) {
            Exchange exchange = ((CamelEvent.ExchangeFailedEvent) event).getExchange();
            String file = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
            String why = exchange.getFromRouteId() + ": " + exchange.getException();
            if (file == null) {
                otherErrors.add(why);
            } else {
                hubErrors.merge(file, why, (a, b) -> a);
            }
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.ExchangeFailedEvent;
        }
    };

    @BeforeEach
    void connect() throws Exception {
        await().atMost(WAIT).until(() -> Set.of("receiveOrders-acme", "receiveOrders-globex").stream().allMatch(id -> {
            var status = camel.getRouteController().getRouteStatus(id);
            return status != null && status.isStarted();
        }));
        for (String partner : List.of("acme", "globex")) {
            partners.put(partner, new PartnerSftpClient(sftpServer.connectionFor(partner)));
        }
        camel.getManagementStrategy().addEventNotifier(failedExchanges);
        errorLog.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        errorLog.start();
        root().addAppender(errorLog);
    }

    @AfterEach
    void disconnect() {
        root().detachAppender(errorLog);
        camel.getManagementStrategy().removeEventNotifier(failedExchanges);
        partners.values().forEach(PartnerSftpClient::close);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void everyMutatedInputIsAnsweredAndTheHubStaysHealthy() throws Exception {
        List<Planned> planned = plan();
        List<Integer> indexes = ONLY.isBlank() ? inputs(SEED, INPUTS) : List.of();
        System.out.printf("intake fuzz: seed %d (%s; replay with -Dfuzz.seed=%d), %,d inputs (%s), batches of %d, huge elements"
                + " of %,d bytes%n", SEED, FRESH ? "fresh" : "given", SEED, planned.size(), ONLY.isBlank() ? String.format(
                "the first %,d of the seed and its regression inputs %s, and beside them the regression inputs %s", INPUTS,
                indexes.size() > INPUTS ? indexes.subList(INPUTS, indexes.size()) : List.of(), regressionsBeside(SEED))
                : "-Dfuzz.only", BATCH, HUGE_BYTES);
        Map<Mutator.Kind, Map<Outcome, Integer>> table = new EnumMap<>(Mutator.Kind.class);
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        long uploading = 0;
        long waiting = 0;
        long checking = 0;
        // one batch is checked while the hub answers the next: uploaded, the answers of the one before are checked
        List<Mutator.Input> answered = List.of();
        Map<String, Folders> answeredFolders = Map.of();
        for (int from = 0; from < planned.size(); from += BATCH) {
            List<Mutator.Input> batch = planned.subList(from, Math.min(planned.size(), from + BATCH)).stream()
                    .map(Planned::make).toList();
            long batchStarted = System.nanoTime();
            for (Mutator.Input input : batch) {
                partner(input).upload(input.name(), input.content());
            }
            long uploaded = System.nanoTime();
            check(answered, answeredFolders, table, failures);
            long checked = System.nanoTime();
            awaitAnswers(batch);
            uploading += uploaded - batchStarted;
            checking += checked - uploaded;
            waiting += System.nanoTime() - checked;
            answered = batch;
            answeredFolders = folders();
            if ((from / BATCH) % 10 == 9) {
                System.out.printf("  %,d inputs answered in %.0f s%n", from + batch.size(), (System.nanoTime() - started) / 1e9);
            }
        }
        long lastChecked = System.nanoTime();
        check(answered, answeredFolders, table, failures);
        checking += System.nanoTime() - lastChecked;
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println(render(table, planned.size(), seconds));
        System.out.printf(Locale.ROOT, "uploading %.0f s, checking the answers %.0f s (all but the last batch's while the hub "
                + "answered the next), waiting for answers %.0f s%n", uploading / 1e9, checking / 1e9, waiting / 1e9);
        failures.forEach(f -> System.out.println("FAILED " + f));

        List<String> loggedErrors = loggedErrors();
        assertThat(failures).as("inputs not answered or failed by the hub (saved in %s)", FAILURES).isEmpty();
        assertThat(otherErrors).as("failed exchanges not about an input").isEmpty();
        assertThat(loggedErrors).as("errors logged while the inputs were handled").isEmpty();
        assertThat(total(table, Outcome.NOT_ANSWERED)).isZero();
        assertThat(total(table, Outcome.HUB_ERROR)).isZero();

        theHubIsHealthyAndTakesAFreshOrder();
    }

    /**
     * Each partner's folders, listed once for a batch that was answered (inbound/ first: a file the hub moves meanwhile
     * is seen in the folder it went to).
     */
    private Map<String, Folders> folders() throws Exception {
        Map<String, Folders> folders = new HashMap<>();
        for (var partner : partners.entrySet()) {
            folders.put(partner.getKey(), new Folders(partner.getValue()));
        }
        return folders;
    }

    /** Classifies every input of an answered batch into the table; what is wrong with one is a failure, saved. */
    private void check(List<Mutator.Input> batch, Map<String, Folders> folders, Map<Mutator.Kind, Map<Outcome, Integer>> table,
            List<String> failures) throws Exception {
        for (Mutator.Input input : batch) {
            Verdict verdict = classify(input, folders.get(input.sample().partnerId()));
            table.computeIfAbsent(input.kind(), k -> new EnumMap<>(Outcome.class)).merge(verdict.outcome(), 1, Integer::sum);
            if (verdict.problem() != null) {
                failures.add(input.name() + ": " + verdict.problem());
                save(input, verdict.problem());
            }
        }
    }

    /** One input of the run, made when its batch is uploaded: a long run's huge elements would not fit in memory at once. */
    private record Planned(Mutator mutator, int index) {

        Mutator.Input make() {
            return mutator.input(index);
        }
    }

    /**
     * The inputs of this run: those of {@code -Dfuzz.only}, or the first {@link #INPUTS} of the seed; its own
     * regression inputs made from their samples; and the regression inputs of every other seed, with control numbers
     * of their own (from 900,000,000 on) so that none repeats an interchange of the seed's.
     */
    private static List<Planned> plan() throws java.io.IOException {
        Path samples = Path.of("edi-samples");
        Mutator mutator = new Mutator(SEED, Mutator.x12Samples(samples), HUGE_BYTES);
        // the regression inputs from the samples they were found with: samples added since never change them
        Mutator regressions = new Mutator(SEED, Mutator.x12SamplesOf(SEED, samples), HUGE_BYTES);
        List<Integer> pinned = REGRESSIONS.getOrDefault(SEED, List.of());
        List<Integer> indexes = ONLY.isBlank() ? inputs(SEED, INPUTS)
                : Arrays.stream(ONLY.split(",")).map(String::strip).map(Integer::valueOf).toList();
        List<Planned> planned = new ArrayList<>();
        indexes.forEach(i -> planned.add(new Planned(pinned.contains(i) ? regressions : mutator, i)));
        if (!ONLY.isBlank()) {
            return planned;
        }
        long numbersFrom = 900_000_000L;
        for (var seed : regressionsBeside(SEED).entrySet()) {
            Mutator other = new Mutator(seed.getKey(), Mutator.x12SamplesOf(seed.getKey(), samples), HUGE_BYTES, numbersFrom);
            seed.getValue().forEach(i -> planned.add(new Planned(other, i)));
            numbersFrom += 1_000_000L;
        }
        return planned;
    }

    /** The regression inputs of the seeds other than {@code seed}, by seed in order. */
    static java.util.SortedMap<Long, List<Integer>> regressionsBeside(long seed) {
        java.util.SortedMap<Long, List<Integer>> others = new java.util.TreeMap<>(REGRESSIONS);
        others.remove(seed);
        return others;
    }

    /** The input numbers of a run: the first {@code count} of the seed, and its regression inputs beyond them. */
    static List<Integer> inputs(long seed, int count) {
        java.util.SortedSet<Integer> indexes = new java.util.TreeSet<>(REGRESSIONS.getOrDefault(seed, List.of()));
        java.util.stream.IntStream.range(0, count).forEach(indexes::add);
        return List.copyOf(indexes);
    }

    /**
     * Waits until every input of the batch is in archive/ or error/, or failed by the intake. Presence is
     * the evidence, not absence from inbound/: a listing taken while the hub moves a file can come back empty.
     */
    private void awaitAnswers(List<Mutator.Input> batch) {
        Map<String, List<String>> names = batch.stream().collect(Collectors.groupingBy(i -> i.sample().partnerId(),
                Collectors.mapping(Mutator.Input::name, Collectors.toList())));
        try {
            await().atMost(BATCH_WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
                for (var partner : names.entrySet()) {
                    PartnerSftpClient sftp = partners.get(partner.getKey());
                    List<String> moved = new ArrayList<>(sftp.list("archive"));
                    moved.addAll(sftp.list("error"));
                    for (String name : partner.getValue()) {
                        // an input the intake failed is retried on every poll: waiting longer tells nothing more
                        if (!hubErrors.containsKey(name) && moved.stream().noneMatch(n -> n.endsWith("-" + name))) {
                            return false;
                        }
                    }
                }
                return true;
            });
        } catch (ConditionTimeoutException e) {
            // classify() reports what is still in inbound/
        }
    }

    /** What became of one input: an outcome, and what is wrong with it when it is not a proper answer. */
    record Verdict(Outcome outcome, String problem) {
    }

    /**
     * A partner's folders as listed once its batch was answered, inbound/ first: a file the hub moves meanwhile is
     * seen in the folder it went to. A listing that does not show what is looked for is taken again before that
     * counts against the hub.
     */
    private static final class Folders {

        private final PartnerSftpClient sftp;
        private List<String> inbound;
        private List<String> archive;
        private List<String> error;
        private List<String> outbound;

        Folders(PartnerSftpClient sftp) throws Exception {
            this.sftp = sftp;
            list();
        }

        void list() throws Exception {
            inbound = sftp.list("inbound");
            archive = sftp.list("archive");
            error = sftp.list("error");
            outbound = sftp.list("outbound");
        }
    }

    private Verdict classify(Mutator.Input input, Folders folders) throws Exception {
        PartnerSftpClient sftp = partner(input);
        String name = input.name();
        if (only(folders.archive, name, "archive/") == null && only(folders.error, name, "error/") == null) {
            folders.list();
        }
        if (folders.inbound.contains(name)) {
            // keep it from being retried for the rest of the run; it is saved for the report
            sftp.remove("inbound/" + name);
            String why = hubErrors.get(name);
            return why != null ? new Verdict(Outcome.HUB_ERROR, "still in inbound/ after " + why)
                    : new Verdict(Outcome.NOT_ANSWERED, "still in inbound/ after " + BATCH_WAIT.toSeconds() + " s");
        }
        String archived = only(folders.archive, name, "archive/");
        String kept = only(folders.error, name, "error/");
        if (archived == null && kept == null) {
            return new Verdict(Outcome.NOT_ANSWERED, "neither in inbound/, archive/ nor error/: vanished");
        }
        String moved = archived != null ? archived : kept;
        long documentId = Long.parseLong(moved.substring(moved.lastIndexOf('/') + 1, moved.lastIndexOf('/') + 1
                + moved.substring(moved.lastIndexOf('/') + 1).indexOf('-')));
        List<String> answers = jdbc.queryForList("select file_name from outbound_document where inbound_document_id = ? "
                + "and kind in ('TA1', '997', 'TA1+997', 'RESPONSE', 'CONTRL') order by id", String.class, documentId);
        if (!folders.outbound.containsAll(answers)) {
            folders.list();
        }
        List<String> outbound = folders.outbound;
        List<String> problems = new ArrayList<>();
        Outcome outcome = null;
        boolean ta1 = false;
        String worstAk9 = null;
        for (String answer : answers) {
            if (!outbound.contains(answer)) {
                problems.add("answer " + answer + " not in outbound/");
                continue;
            }
            if (!answer.endsWith(".x12")) {
                continue;
            }
            // an answer names the ISA13 it answers exactly as it is in the input, or says it answers none readable;
            // never a number made up from a damaged header (input 42 of seed 20261123 and seed 20261207 found both)
            String content = new String(input.content(), StandardCharsets.ISO_8859_1);
            String text = sftp.read("outbound/" + answer);
            if (answer.startsWith("ta1") || answer.startsWith("997")) {
                Matcher control = ANSWERED_CONTROL_NUMBER.matcher(answer);
                if (!control.find()) {
                    problems.add("answer " + answer + " is named neither by an ISA13 nor as answering none readable");
                } else if (!control.group(1).startsWith("unreadable") && !content.contains(control.group(1))) {
                    problems.add("answer " + answer + " names an interchange control number not in the input");
                }
                Matcher ta1Segment = TA1_CONTROL_NUMBER.matcher(text);
                while (ta1Segment.find()) {
                    if (!ta1Segment.group(1).equals("000000000") && !content.contains(ta1Segment.group(1))) {
                        problems.add("the TA1 of " + answer + " names interchange " + ta1Segment.group(1) + ", not in the input");
                    }
                }
            }
            ta1 |= answer.startsWith("ta1");
            Matcher ak9 = AK9.matcher(text);
            while (ak9.find()) {
                worstAk9 = worse(worstAk9, ak9.group(1));
            }
        }
        if (hubErrors.containsKey(name)) {
            outcome = Outcome.HUB_ERROR;
            problems.add("the intake failed it before answering: " + hubErrors.get(name));
        } else if (ta1) {
            outcome = Outcome.TA1;
        } else if (worstAk9 != null) {
            outcome = switch (worstAk9) {
                case "A" -> Outcome.ACK_A;
                case "E" -> Outcome.ACK_E;
                case "P" -> Outcome.ACK_P;
                default -> Outcome.ACK_R;
            };
        } else if (kept != null) {
            outcome = Outcome.ERROR_FILE_ONLY;
        } else if (jdbc.queryForObject("select count(*) from received_acknowledgment where document_id = ?", Integer.class,
                documentId) > 0) {
            outcome = Outcome.ACK_RECEIVED;
        } else {
            outcome = Outcome.NOT_ANSWERED;
            problems.add("archived without a 997 or TA1");
        }
        if (kept != null) {
            String report = only(folders.error, name + ".error.txt", "error/");
            if (report == null) {
                folders.list();
                report = only(folders.error, name + ".error.txt", "error/");
            }
            if (report == null) {
                outcome = Outcome.NOT_ANSWERED;
                problems.add("in error/ without " + name + ".error.txt");
            } else {
                String reason = sftp.read(report);
                if (!reason.contains("from partner " + input.sample().partnerId()) || reason.lines().count() < 2) {
                    problems.add("error report gives no reason: " + reason);
                }
                sftp.remove(report);
            }
        }
        // the partner collects its answers and the processed files are cleared away: the folders stay small
        sftp.remove(moved);
        for (String answer : answers) {
            if (outbound.contains(answer)) {
                sftp.remove("outbound/" + answer);
            }
        }
        return new Verdict(outcome, problems.isEmpty() ? null : String.join("; ", problems));
    }

    /** The path of the one file in a listing of {@code folder} that is the input {@code name} with its document id in front. */
    private static String only(List<String> listing, String name, String folder) {
        List<String> matching = listing.stream().filter(n -> n.endsWith("-" + name)).toList();
        return matching.isEmpty() ? null : folder + matching.get(0);
    }

    private static String worse(String a, String b) {
        String order = "AEPWXMR";
        return a == null || order.indexOf(b) > order.indexOf(a) ? b : a;
    }

    private PartnerSftpClient partner(Mutator.Input input) {
        return partners.get(input.sample().partnerId());
    }

    private void save(Mutator.Input input, String why) throws Exception {
        Files.createDirectories(FAILURES);
        Files.write(FAILURES.resolve(input.name()), input.content());
        Files.writeString(FAILURES.resolve(input.name() + ".why.txt"), "seed " + input.seed() + ", input " + input.index()
                + " (replay: -Dfuzz.seed=" + input.seed() + " -Dfuzz.only=" + input.index() + ")\nsample "
                + input.sample().name() + ", " + input.kind().label() + ": " + input.detail() + "\n" + why + "\n");
    }

    private List<String> loggedErrors() {
        return errorLog.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }

    private static int total(Map<Mutator.Kind, Map<Outcome, Integer>> table, Outcome outcome) {
        return table.values().stream().mapToInt(row -> row.getOrDefault(outcome, 0)).sum();
    }

    static String render(Map<Mutator.Kind, Map<Outcome, Integer>> table, int inputs, double seconds) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%n%,d inputs answered in %.0f s (%.1f inputs/s)%n",
                inputs, seconds, inputs / seconds));
        sb.append(String.format(Locale.ROOT, "%-20s", "mutation"));
        for (Outcome o : Outcome.values()) {
            sb.append(String.format(Locale.ROOT, " %16s", o.label));
        }
        sb.append(String.format(Locale.ROOT, " %7s%n", "total"));
        Map<Outcome, Integer> totals = new EnumMap<>(Outcome.class);
        for (Mutator.Kind kind : Mutator.Kind.values()) {
            Map<Outcome, Integer> row = table.getOrDefault(kind, Map.of());
            sb.append(String.format(Locale.ROOT, "%-20s", kind.label()));
            for (Outcome o : Outcome.values()) {
                int n = row.getOrDefault(o, 0);
                totals.merge(o, n, Integer::sum);
                sb.append(String.format(Locale.ROOT, " %,16d", n));
            }
            sb.append(String.format(Locale.ROOT, " %,7d%n", row.values().stream().mapToInt(Integer::intValue).sum()));
        }
        sb.append(String.format(Locale.ROOT, "%-20s", "all"));
        for (Outcome o : Outcome.values()) {
            sb.append(String.format(Locale.ROOT, " %,16d", totals.getOrDefault(o, 0)));
        }
        sb.append(String.format(Locale.ROOT, " %,7d%n", totals.values().stream().mapToInt(Integer::intValue).sum()));
        return sb.toString();
    }

    private void theHubIsHealthyAndTakesAFreshOrder() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        // a PO number and an interchange control number no mutated input can have used
        String order = Files.readString(Path.of("edi-samples/acme/standalone-no-schedule.edi"), StandardCharsets.ISO_8859_1)
                .replace("4500012400", "4599990001");
        List<String> assigned = new ArrayList<>();
        order = Mutator.renumber(order, 99_999, assigned);
        PartnerSftpClient acme = partners.get("acme");
        acme.upload("after-fuzz.edi", order.getBytes(StandardCharsets.ISO_8859_1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("archive")).anyMatch(n -> n.endsWith("-after-fuzz.edi")));
        List<String> acks = acme.list("outbound").stream().filter(n -> n.endsWith("-for-" + assigned.get(0) + ".x12")).toList();
        assertThat(acks).hasSize(1);
        assertThat(acme.read("outbound/" + acks.get(0))).contains("AK9*A*1*1*1~");
        assertThat(orders.releases("acme", "4599990001")).extracting(Release::releaseId)
                .containsExactly("4599990001-01", "4599990001-03");
    }
}

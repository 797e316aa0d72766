package io.edihub.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.edihub.TestClock;
import io.edihub.WholeHubTest;
import io.edihub.canonical.Acceptance;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Remittance;
import io.edihub.cash.CashApplication;
import io.edihub.cash.PaymentBook;
import io.edihub.claims.Claim;
import io.edihub.claims.ClaimQueries;
import io.edihub.claims.ClaimSettlements;
import io.edihub.document.OrderFormat;
import io.edihub.fulfillment.ReleaseScheduler;
import io.edihub.fulfillment.ShipmentDesk;
import io.edihub.intake.OrderDocumentIntake;
import io.edihub.intake.OrderResponse;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing as a property of the whole hub (real PostgreSQL, the real desks, a clock the test moves): random
 * acme orders, a change now and then, months coming due, shipments and acceptances, valid and not, each
 * compared with a small model the test keeps of what the hub must say and store. After every move the
 * release ledger in the database must equal the model's; after every scenario the invoices must be the
 * model's, at the contract's prices and terms, one per acceptance that accepted something.
 *
 * <p>Then the cash (issue 16): random remittances over the scenario's invoices — the amount open, less (with an ADX
 * reason or none), more, less a discount taken in its window or after it, the same invoice twice, an invoice we never
 * issued, lines that do not add up, a trace number taken before — deductions credited or denied (whole or in part),
 * unapplied cash applied by an operator (or too much of it). The model keeps each invoice's money (paid, discount,
 * deducted, credited, open), each payment's (applied, unapplied) and each deduction's open amount. After every move
 * the database must hold the model's money and its rules: per invoice {@code paid + credited + discount + deducted +
 * open = total}, each at or above zero, its cash and discount the sums of its applications, per payment applied +
 * unapplied = total and its applications adding up to applied, the open DEDUCTION claims holding what the invoice has
 * deducted, and a CLOSED release with nothing open, deducted or claimed. A release closes when its goods are all
 * invoiced, none rejected, and its invoices are settled; its order with the last one.
 *
 * <p>The desks are called directly, not through SFTP and Kafka, so that fifty scenarios take about a minute.
 * The seed is printed; {@code -Dbilling.seed=N} replays a run, {@code -Dbilling.scenario=K} only its
 * scenario K, {@code -Dbilling.scenarios=N} runs more or fewer.
 */
@WholeHubTest
class BillingPropertyIT {

    private static final String PARTNER = "acme";
    // acme.yaml, as a person reads it: limits at contract prices, lead time, payment terms
    private static final BigDecimal RELEASE_LIMIT = new BigDecimal("50000.00");
    private static final BigDecimal ORDER_LIMIT = new BigDecimal("500000.00");
    private static final int LEAD_DAYS = 30;
    private static final int NET_DAYS = 30;
    private static final BigDecimal DISCOUNT_PERCENT = new BigDecimal("2");
    private static final int DISCOUNT_DAYS = 10;
    private static final String CONTRACT = "GSA-47QSWA-2026";
    private static final LocalDate CONTRACT_END = LocalDate.of(2028, 12, 31);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrderDocumentIntake intake;
    @Autowired
    ReleaseScheduler scheduler;
    @Autowired
    ShipmentDesk shipmentDesk;
    @Autowired
    AcceptanceDesk acceptanceDesk;
    @Autowired
    PartnerDirectory partners;
    @Autowired
    CamelContext camel;
    @Autowired
    CashApplication cash;
    @Autowired
    ClaimSettlements settlements;
    @Autowired
    ClaimQueries claimQueries;
    @Autowired
    TransactionTemplate transactions;

    private final Map<String, Integer> seen = new TreeMap<>();

    /**
     * The timers would dispatch releases (and take implicit acceptances) behind the model's back whenever they
     * fire; here only the test decides when months come due. Every scenario sets the clock's day itself.
     */
    @BeforeEach
    void onlyTheTestDispatches() throws Exception {
        DispatchTimers.stop(camel);
    }

    /** The timers run again for the other tests on the shared hub. */
    @AfterEach
    void timersRunAgain() throws Exception {
        DispatchTimers.start(camel);
    }

    @Test
    void randomOrdersShipmentsAndAcceptancesKeepTheLedgerAndTheInvoicesRight() {
        long seed = Long.getLong("billing.seed", new SplittableRandom().nextLong());
        int scenarios = Integer.getInteger("billing.scenarios", 50);
        Integer only = Integer.getInteger("billing.scenario");
        System.out.println("BillingPropertyIT seed " + seed + " (replay with -Dbilling.seed=" + seed + ")");
        PartnerProfile acme = partners.byId(PARTNER).orElseThrow();
        for (int i = 0; i < scenarios; i++) {
            if (only != null && only != i) {
                continue;
            }
            Scenario scenario = new Scenario(i, new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1))), acme);
            try {
                scenario.run();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("scenario " + i + " of seed " + seed + " failed (replay with -Dbilling.seed=" + seed
                        + " -Dbilling.scenario=" + i + "); what happened:\n  " + String.join("\n  ", scenario.trace), e);
            }
        }
        System.out.println("BillingPropertyIT outcomes: " + seen);
        assertWholeLedgerAndEveryInvoice();
        if (only == null && scenarios >= 20) {
            // a run that never got to the interesting moves would pass without proving anything
            assertThat(seen).containsKeys("ship APPLIED", "ship OVER_SHIPMENT", "ship RELEASE_NOT_SHIPPABLE",
                    "ship DUPLICATE", "accept INVOICED", "accept OVER_ACCEPTANCE", "accept NEGATIVE_QUANTITY",
                    "accept DUPLICATE_ACCEPTANCE", "dispatch", "change ACCEPTED", "pay PAID", "pay PARTIALLY_PAID",
                    "pay OVERPAID", "pay UNKNOWN_INVOICE", "pay discount earned", "pay discount unearned",
                    "pay AMOUNT_MISMATCH", "pay DUPLICATE_TRACE_NUMBER", "deduction CREDIT", "deduction DENY",
                    "unapplied applied", "release CLOSED");
        }
    }

    // --- acceptances no reader lets through, straight to the desk --------------------------------------

    /**
     * The readers refuse a negative quantity before the desk sees it; the desk is still the last word on what
     * is invoiced and claimed (implicit acceptances, the next reader), and a claim's returned quantity is never
     * below zero (claim.v1).
     */
    @Test
    void aNegativeReturnedQuantityIsRefusedEvenWhenALargerDisputedOneHidesIt() {
        String release = shippedRelease("PB-NEG", "10");
        List<String> before = releaseLines(release);
        AcceptanceDesk.Outcome outcome = acceptanceDesk.take(acceptance("PB-NEG", release, "PB-NEG-A1",
                new Acceptance.Line("1", new BigDecimal("5"), new BigDecimal("-2"), new BigDecimal("4"), "EA", "DAMAGED",
                        null)), partners.byId(PARTNER).orElseThrow(), null);

        assertThat(outcome.result()).as(outcome.message()).isEqualTo(AcceptanceDesk.Result.REFUSED);
        assertThat(outcome.code()).isEqualTo("NEGATIVE_QUANTITY");
        assertThat(releaseLines(release)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from claim where release_id = ?", Integer.class, release)).isZero();
    }

    /**
     * The readers refuse an order line judged twice in one acceptance; the desk adds such verdicts up. Either
     * answer will do (taken as the sum, or refused with nothing changed), but the caller gets an answer, not
     * a database error.
     */
    @Test
    void anAcceptanceNamingAnOrderLineTwiceIsAnsweredNotThrown() {
        String release = shippedRelease("PB-TWICE", "10");
        List<String> before = releaseLines(release);
        AcceptanceDesk.Outcome outcome;
        try {
            outcome = acceptanceDesk.take(acceptance("PB-TWICE", release, "PB-TWICE-A1",
                    new Acceptance.Line("1", new BigDecimal("3"), BigDecimal.ZERO, BigDecimal.ZERO, "EA", null, null),
                    new Acceptance.Line("1", new BigDecimal("2"), BigDecimal.ZERO, BigDecimal.ZERO, "EA", null, null)),
                    partners.byId(PARTNER).orElseThrow(), null);
        } catch (RuntimeException e) {
            throw new AssertionError("the desk threw instead of answering: " + e, e);
        }
        if (outcome.result() == AcceptanceDesk.Result.REFUSED) {
            assertThat(releaseLines(release)).as(outcome.message()).isEqualTo(before);
        } else {
            assertThat(outcome.result()).isEqualTo(AcceptanceDesk.Result.INVOICED);
            assertThat(outcome.invoiceTotal()).isEqualByComparingTo("212.50");
            assertThat(releaseLines(release)).containsExactly("1 2027-02-10: shipped 10, accepted 5, invoiced 5");
        }
    }

    /** An acme order of one line of tablets due 2027-02-10, requested from fulfillment and shipped in part. */
    private String shippedRelease(String po, String shipped) {
        clock.setDay(LocalDate.of(2027, 1, 4));
        String order = """
                {"poNumber": "%s", "purpose": "original", "type": "BK", "orderDate": "2027-01-04", "currency": "USD",
                 "lines": [{"lineNumber": "1", "buyerPart": "ACM-77812", "vendorPart": "EH-1001", "quantity": 20,
                   "unit": "EA", "unitPrice": 42.50, "schedule": [{"quantity": 20, "deliveryDate": "2027-02-10"}]}]}
                """.formatted(po);
        OrderDocumentIntake.Received received = intake.receive(PARTNER, "HTTP", po + ".json",
                order.getBytes(StandardCharsets.UTF_8), OrderFormat.JSON);
        assertThat(received.response().orders().get(0).result()).isEqualTo("ACCEPTED");
        clock.setDay(LocalDate.of(2027, 1, 11));
        String release = po + "-01";
        assertThat(scheduler.dispatchDue()).contains(release);
        ShipmentDesk.Outcome shipment = shipmentDesk.receive("""
                {"shipmentId": "%s-S1", "partnerId": "acme", "releaseId": "%s", "shipDate": "2027-01-12",
                 "lines": [{"lineNumber": "1", "quantity": %s}]}
                """.formatted(po, release, shipped), "named-test");
        assertThat(shipment.result()).as(shipment.message()).isEqualTo(ShipmentDesk.Result.APPLIED);
        clock.setDay(LocalDate.of(2027, 1, 20));
        return release;
    }

    private static Acceptance acceptance(String po, String release, String acceptanceId, Acceptance.Line... lines) {
        return new Acceptance(PARTNER, acceptanceId, po, release, LocalDate.of(2027, 1, 20), false, List.of(lines),
                new PurchaseOrder.SourceDocument("JSON", acceptanceId + ".json", null, null, null, null));
    }

    private List<String> releaseLines(String release) {
        return jdbc.query("select line_number, due_date, shipped, accepted, rejected, invoiced from release_line "
                + "where partner_id = ? and release_id = ? order by due_date, line_number", (rs, i) -> rs.getString(1) + " "
                + rs.getDate(2).toLocalDate() + ": shipped " + p(rs.getBigDecimal(3)) + ", accepted " + p(rs.getBigDecimal(4))
                + (rs.getBigDecimal(5).signum() == 0 ? "" : ", rejected " + p(rs.getBigDecimal(5))) + ", invoiced "
                + p(rs.getBigDecimal(6)), PARTNER, release);
    }

    // --- the contract, as the test reads it ---------------------------------------------------------

    /** The two parts on acme's contract. */
    enum Part {
        TABLET("EH-1001", "ACM-77812", "EA", "RUGGED TABLET 10 INCH", 400),
        CASES("EH-2040", "ACM-77813", "CA", "PROTECTIVE CASE PACK OF 12", 350);

        final String vendorPart;
        final String buyerPart;
        final String unit;
        final String description;
        final int largestDelivery;

        Part(String vendorPart, String buyerPart, String unit, String description, int largestDelivery) {
            this.vendorPart = vendorPart;
            this.buyerPart = buyerPart;
            this.unit = unit;
            this.description = description;
            this.largestDelivery = largestDelivery;
        }

        /**
         * acme.yaml: tablets 42.50 for deliveries up to 2028-06-30 and 44.00 after; cases 118.00, or 112.00
         * when the order line is for 1000 or more.
         */
        BigDecimal contractPrice(LocalDate due, BigDecimal lineQuantity) {
            if (this == TABLET) {
                return due.isAfter(LocalDate.of(2028, 6, 30)) ? new BigDecimal("44.00") : new BigDecimal("42.50");
            }
            return lineQuantity.compareTo(new BigDecimal("1000")) >= 0 ? new BigDecimal("112.00") : new BigDecimal("118.00");
        }
    }

    // --- the model ------------------------------------------------------------------------------------

    record Delivery(LocalDate date, BigDecimal quantity) {
    }

    /** An order line as the customer last stated it. */
    static final class OrderLineModel {
        final String number;
        final Part part;
        final BigDecimal statedPrice;
        final List<Delivery> schedule = new ArrayList<>();

        OrderLineModel(String number, Part part, BigDecimal statedPrice) {
            this.number = number;
            this.part = part;
            this.statedPrice = statedPrice;
        }

        BigDecimal total() {
            return schedule.stream().map(Delivery::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A release line as it must stand in the database. */
    static final class LineModel {
        final String lineNumber;
        final Part part;
        final LocalDate due;
        final BigDecimal ordered;
        final BigDecimal price;
        BigDecimal released = BigDecimal.ZERO;
        BigDecimal shipped = BigDecimal.ZERO;
        BigDecimal accepted = BigDecimal.ZERO;
        BigDecimal rejected = BigDecimal.ZERO;
        BigDecimal invoiced = BigDecimal.ZERO;

        LineModel(String lineNumber, Part part, LocalDate due, BigDecimal ordered, BigDecimal price) {
            this.lineNumber = lineNumber;
            this.part = part;
            this.due = due;
            this.ordered = ordered;
            this.price = price;
        }

        LineModel copy() {
            LineModel c = new LineModel(lineNumber, part, due, ordered, price);
            c.released = released;
            c.shipped = shipped;
            c.accepted = accepted;
            c.rejected = rejected;
            c.invoiced = invoiced;
            return c;
        }

        BigDecimal unjudged() {
            return shipped.subtract(accepted).subtract(rejected);
        }
    }

    /** A release as it must stand: its status and its lines, earliest due first. */
    static final class ReleaseModel {
        final String id;
        final YearMonth month;
        String status;
        List<LineModel> lines;

        ReleaseModel(String id, YearMonth month, String status, List<LineModel> lines) {
            this.id = id;
            this.month = month;
            this.status = status;
            this.lines = lines;
        }

        boolean withFulfillment() {
            return !Set.of("PLANNED", "HELD", "CANCELLED").contains(status);
        }

        LocalDate firstDue() {
            return lines.get(0).due;
        }

        BigDecimal total(String lineNumber, Function<LineModel, BigDecimal> quantity) {
            return lines.stream().filter(l -> l.lineNumber.equals(lineNumber)).map(quantity).reduce(BigDecimal.ZERO,
                    BigDecimal::add);
        }

        BigDecimal value() {
            return lines.stream().map(l -> l.ordered.multiply(l.price)).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        boolean has(String lineNumber) {
            return lines.stream().anyMatch(l -> l.lineNumber.equals(lineNumber));
        }

        String unitOf(String lineNumber) {
            return lines.stream().filter(l -> l.lineNumber.equals(lineNumber)).map(l -> l.part.unit).findFirst().orElse(null);
        }
    }

    /** The invoice an acceptance must have made. */
    record ExpectedInvoice(LocalDate invoiceDate, List<ExpectedInvoiceLine> lines, BigDecimal total) {
    }

    record ExpectedInvoiceLine(String lineNumber, String vendorPart, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal amount) {
    }

    /** What the hub must answer to a move. */
    record Expectation(String result, String code) {
    }

    /**
     * Where an invoice's money must stand: {@code paid + discount + deducted + credited + open = total}. Its discount's
     * last day and amount follow acme's terms from the invoice's day (the acceptance's day, here the same).
     */
    static final class InvoiceMoney {
        final String number;
        final String releaseId;
        final BigDecimal total;
        final LocalDate discountDate;
        final BigDecimal discountAllowed;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal discount = BigDecimal.ZERO;
        BigDecimal deducted = BigDecimal.ZERO;
        BigDecimal credited = BigDecimal.ZERO;

        InvoiceMoney(String number, String releaseId, BigDecimal total, LocalDate invoiceDate) {
            this.number = number;
            this.releaseId = releaseId;
            this.total = total;
            this.discountDate = invoiceDate.plusDays(DISCOUNT_DAYS);
            this.discountAllowed = total.multiply(DISCOUNT_PERCENT).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        }

        BigDecimal open() {
            return total.subtract(paid).subtract(discount).subtract(deducted).subtract(credited);
        }

        boolean settled() {
            return open().signum() == 0 && deducted.signum() == 0;
        }

        String row() {
            return number + " of " + releaseId + ": total " + p(total) + ", paid " + p(paid) + ", discount " + p(discount)
                    + ", deducted " + p(deducted) + ", credited " + p(credited) + ", open " + p(open());
        }
    }

    /** A payment taken: what of it is applied to invoices, what waits on acme's account. */
    static final class PaymentMoney {
        final long id;
        final String traceNumber;
        final BigDecimal total;
        BigDecimal applied = BigDecimal.ZERO;
        BigDecimal unapplied;

        PaymentMoney(long id, String traceNumber, BigDecimal total) {
            this.id = id;
            this.traceNumber = traceNumber;
            this.total = total;
            this.unapplied = total;
        }

        String row() {
            return traceNumber + ": total " + p(total) + ", applied " + p(applied) + ", unapplied " + p(unapplied);
        }
    }

    /** A deduction: what acme withheld on an invoice, as a claim still open for this much. */
    static final class DeductionMoney {
        final long claimId;
        final String claimNumber;
        final String invoiceNumber;
        BigDecimal open;

        DeductionMoney(long claimId, String claimNumber, String invoiceNumber, BigDecimal open) {
            this.claimId = claimId;
            this.claimNumber = claimNumber;
            this.invoiceNumber = invoiceNumber;
            this.open = open;
        }
    }

    private static List<LineModel> copy(List<LineModel> lines) {
        return new ArrayList<>(lines.stream().map(LineModel::copy).toList());
    }

    /** Earliest due first, each release line up to its room (DESIGN §4: an order line's quantity fills its dates in turn). */
    private static void spread(List<LineModel> lines, String lineNumber, BigDecimal quantity,
            Function<LineModel, BigDecimal> room, BiConsumer<LineModel, BigDecimal> add) {
        BigDecimal left = quantity;
        for (LineModel l : lines) {
            if (l.lineNumber.equals(lineNumber) && left.signum() > 0) {
                BigDecimal take = left.min(room.apply(l));
                add.accept(l, take);
                left = left.subtract(take);
            }
        }
    }

    /** DESIGN §4 read off the quantities; the planning states are the order's. */
    private static String status(List<LineModel> lines, String current) {
        BigDecimal released = sum(lines, l -> l.released);
        BigDecimal shipped = sum(lines, l -> l.shipped);
        BigDecimal accepted = sum(lines, l -> l.accepted);
        BigDecimal judged = accepted.add(sum(lines, l -> l.rejected));
        if (judged.signum() > 0) {
            if (shipped.compareTo(released) < 0 || judged.compareTo(shipped) < 0) {
                return "PARTIALLY_ACCEPTED";
            }
            if (accepted.signum() == 0) {
                return "REJECTED";
            }
            if (sum(lines, l -> l.invoiced).compareTo(accepted) != 0) {
                return "ACCEPTED";
            }
            // everything released shipped, judged and invoiced: the release closes only once its invoices are paid
            // or credited and no claim is open on it (Scenario#closes)
            return "INVOICED";
        }
        if (shipped.signum() > 0) {
            return shipped.compareTo(released) < 0 ? "PARTIALLY_SHIPPED" : "SHIPPED";
        }
        return current;
    }

    private static BigDecimal sum(List<LineModel> lines, Function<LineModel, BigDecimal> quantity) {
        return lines.stream().map(quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String p(BigDecimal value) {
        return value == null ? "null" : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal amount(BigDecimal quantity, BigDecimal price) {
        return quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
    }

    // --- one scenario ---------------------------------------------------------------------------------

    private final class Scenario {

        final SplittableRandom random;
        final PartnerProfile acme;
        final String po;
        final List<String> trace = new ArrayList<>();
        final List<OrderLineModel> orderLines = new ArrayList<>();
        final TreeMap<String, ReleaseModel> releases = new TreeMap<>();
        /** applied shipment id → the payload it was applied with */
        final Map<String, String> applied = new HashMap<>();
        /** acceptance id and release taken → its invoice, or null when it accepted nothing */
        final Map<String, ExpectedInvoice> taken = new LinkedHashMap<>();
        /** invoice number → its money, in the order they were issued */
        final Map<String, InvoiceMoney> invoices = new LinkedHashMap<>();
        /** trace number → the payment taken with it */
        final Map<String, PaymentMoney> payments = new LinkedHashMap<>();
        /** claim number → a deduction taken on a payment */
        final Map<String, DeductionMoney> deductions = new LinkedHashMap<>();
        /** the keys of operators' applications of unapplied cash */
        final List<String> applicationKeys = new ArrayList<>();
        YearMonth anchor;
        String orderStatus;
        int documents;
        int shipments;
        int acceptances;
        int revisions = 1;
        int traces;
        int decisions;
        /** a customer who rejects nothing and, at the end, takes what was shipped: its releases can close */
        final boolean clean;

        Scenario(int index, SplittableRandom random, PartnerProfile acme) {
            this.random = random;
            this.acme = acme;
            this.po = "PB-" + index;
            this.clean = random.nextBoolean();
        }

        LocalDate today() {
            return LocalDate.ofInstant(clock.instant(), clock.getZone());
        }

        void run() {
            order();
            if (random.nextInt(5) > 0) {
                // most scenarios start when their first month comes due, so that the rest has goods to work on
                LocalDate window = releases.values().stream().filter(r -> !r.lines.isEmpty()).map(ReleaseModel::firstDue)
                        .min(Comparator.naturalOrder()).orElseThrow().minusDays(LEAD_DAYS);
                advance(window.isAfter(today()) ? window.plusDays(random.nextInt(0, 10)) : today());
            }
            int steps = random.nextInt(16, 29);
            int changes = 0;
            for (int s = 0; s < steps; s++) {
                boolean toShip = releases.values().stream().anyMatch(r -> r.withFulfillment()
                        && r.lines.stream().anyMatch(l -> l.released.compareTo(l.shipped) > 0));
                boolean toJudge = releases.values().stream().anyMatch(r -> r.lines.stream()
                        .anyMatch(l -> l.unjudged().signum() > 0));
                // weights follow what there is to do, so that most moves meet goods; the rest try the refusals
                int advance = toShip || toJudge ? 2 : 6;
                int ship = toShip ? 5 : 1;
                int accept = toJudge ? 5 : 1;
                // money moves follow the invoices: payments while something is open, decisions on what was withheld
                int pay = toPay() ? 4 : 1;
                int settle = deductionsOpen() ? 2 : 0;
                int reapply = cashUnapplied() && toPay() ? 1 : 0;
                int pick = random.nextInt(advance + ship + accept + pay + settle + reapply + 1);
                if (pick < advance) {
                    advance(today().plusDays(random.nextInt(1, 36)));
                } else if ((pick -= advance) < ship) {
                    ship();
                } else if ((pick -= ship) < accept) {
                    accept();
                } else if ((pick -= accept) < pay) {
                    pay();
                } else if ((pick -= pay) < settle) {
                    settleDeduction();
                } else if ((pick -= settle) < reapply) {
                    applyUnapplied();
                } else if (changes < 2) {
                    changes++;
                    change();
                } else {
                    advance(today().plusDays(random.nextInt(1, 36)));
                }
                assertMoney();
            }
            // a clean customer's goods are shipped and judged to the end, so that its releases can close
            for (int t = 0; clean && t < 16; t++) {
                boolean toShip = releases.values().stream().anyMatch(r -> r.withFulfillment()
                        && r.lines.stream().anyMatch(l -> l.released.compareTo(l.shipped) > 0));
                boolean toJudge = releases.values().stream().anyMatch(r -> r.lines.stream()
                        .anyMatch(l -> l.unjudged().signum() > 0));
                if (toShip && (!toJudge || random.nextBoolean())) {
                    ship();
                } else if (toJudge) {
                    accept();
                } else {
                    break;
                }
                assertMoney();
            }
            // the customer settles up after the goods: most releases whose goods are all billed get paid to the end
            for (int t = random.nextInt(2, 9); t > 0; t--) {
                int pick = random.nextInt(8);
                if (pick < 2 && deductionsOpen()) {
                    settleDeduction();
                } else if (pick < 3 && cashUnapplied() && toPay()) {
                    applyUnapplied();
                } else {
                    pay(pick < 5 && toPay());
                }
                assertMoney();
            }
            assertInvoices();
        }

        // --- orders and changes ---

        void order() {
            LocalDate start = random.nextInt(10) < 3
                    ? LocalDate.of(2028, 2, 1).plusDays(random.nextInt(89))
                    : LocalDate.of(2026, 2, 1).plusDays(random.nextInt(820));
            clock.setDay(start);
            for (int attempt = 0; ; attempt++) {
                orderLines.clear();
                YearMonth first = YearMonth.from(start).plusMonths(random.nextInt(1, 3));
                int count = random.nextInt(1, 4);
                int step = random.nextBoolean() ? 1 : 10;
                for (int n = 1; n <= count; n++) {
                    Part part = random.nextBoolean() ? Part.TABLET : Part.CASES;
                    List<Integer> months = new ArrayList<>(List.of(0, 1, 2, 3, 4));
                    // now and then a line of cases large enough for the contract's price break at 1000
                    boolean bulk = part == Part.CASES && random.nextInt(4) == 0;
                    int deliveries = bulk ? 4 : random.nextInt(1, 5);
                    OrderLineModel line = new OrderLineModel(Integer.toString(n * step), part, null);
                    for (int d = 0; d < deliveries; d++) {
                        YearMonth month = first.plusMonths(months.remove(random.nextInt(months.size())));
                        addDelivery(line, month);
                        if (bulk) {
                            Delivery small = line.schedule.remove(line.schedule.size() - 1);
                            line.schedule.add(new Delivery(small.date(), new BigDecimal(250).add(quantity(80))));
                        }
                    }
                    if (random.nextInt(5) == 0) {
                        // a second date in a month the line already has: two release lines of one order line
                        addDelivery(line, YearMonth.from(line.schedule.get(0).date()));
                    }
                    line.schedule.sort(Comparator.comparing(Delivery::date));
                    BigDecimal contract = part.contractPrice(line.schedule.get(0).date(), line.total());
                    // acme's contract wins over the price a PO states: an invoice must never follow the PO's
                    BigDecimal stated = random.nextInt(4) == 0 ? contract.add(new BigDecimal("0.50")) : contract;
                    OrderLineModel withPrice = new OrderLineModel(line.number, part, stated);
                    withPrice.schedule.addAll(line.schedule);
                    orderLines.add(withPrice);
                }
                anchor = orderLines.stream().flatMap(l -> l.schedule.stream()).map(d -> YearMonth.from(d.date()))
                        .min(Comparator.naturalOrder()).orElseThrow();
                // over the limits the order is held: keep a few of those, but mostly orders that get shipped
                if (!overLimits(planned(Map.of())) || attempt >= 20 || random.nextInt(4) == 0) {
                    break;
                }
            }
            String json = orderJson();
            boolean held = overLimits(planned(Map.of()));
            trace.add(start + " order " + po + (held ? " (over the limits)" : "") + (clean ? " (a customer who rejects nothing)"
                    : "") + ": " + json.replaceAll("\\s+", " "));
            OrderResponse.OrderResult result = submit(json);
            assertThat(result.result()).as("the order: %s", result.message()).isEqualTo(held ? "HELD" : "ACCEPTED");
            count("order " + result.result());
            if (orderLines.stream().anyMatch(l -> l.schedule.stream().map(d -> YearMonth.from(d.date())).distinct().count()
                    < l.schedule.size())) {
                count("order with a line due twice in a month");
            }
            replan();
            assertLedger("the order");
        }

        void addDelivery(OrderLineModel line, YearMonth month) {
            Set<LocalDate> used = line.schedule.stream().map(Delivery::date).collect(Collectors.toSet());
            LocalDate date;
            do {
                date = month.atDay(random.nextInt(1, 29));
            } while (used.contains(date));
            line.schedule.add(new Delivery(date, quantity(line.part.largestDelivery)));
        }

        BigDecimal quantity(int largest) {
            int scale = random.nextInt(10) < 6 ? 0 : random.nextInt(1, 4);
            long units = (long) largest * (long) Math.pow(10, scale);
            return BigDecimal.valueOf(random.nextLong(1, units + 1), scale);
        }

        /** A quantity in (0, upTo], sometimes with decimals. */
        BigDecimal partOf(BigDecimal upTo) {
            if (upTo.signum() <= 0) {
                return upTo;
            }
            int scale = random.nextInt(3) == 0 ? random.nextInt(1, 4) : 0;
            BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
            long steps = upTo.divideToIntegralValue(step).longValueExact();
            return steps < 1 ? upTo : step.multiply(BigDecimal.valueOf(random.nextLong(1, steps + 1)));
        }

        BigDecimal bit() {
            return BigDecimal.valueOf(random.nextLong(1, 5000), random.nextInt(0, 4));
        }

        String releaseId(YearMonth month) {
            long n = ChronoUnit.MONTHS.between(anchor, month) + 1;
            return po + "-" + (n < 10 ? "0" + n : Long.toString(n));
        }

        /**
         * The releases the schedule asks for now: months fulfillment already has keep what they were released
         * with, every other month is planned afresh at the contract's price for its due date and the line's
         * quantity as it now stands.
         */
        Map<String, ReleaseModel> planned(Map<String, ReleaseModel> current) {
            Set<YearMonth> frozen = current.values().stream().filter(ReleaseModel::withFulfillment).map(r -> r.month)
                    .collect(Collectors.toSet());
            Map<YearMonth, List<LineModel>> byMonth = new TreeMap<>();
            for (OrderLineModel line : orderLines) {
                for (Delivery d : line.schedule) {
                    YearMonth month = YearMonth.from(d.date());
                    if (!frozen.contains(month)) {
                        byMonth.computeIfAbsent(month, m -> new ArrayList<>()).add(new LineModel(line.number, line.part,
                                d.date(), d.quantity(), line.part.contractPrice(d.date(), line.total())));
                    }
                }
            }
            Map<String, ReleaseModel> result = new TreeMap<>();
            current.values().stream().filter(ReleaseModel::withFulfillment).forEach(r -> result.put(r.id, r));
            byMonth.forEach((month, lines) -> {
                lines.sort(Comparator.comparing((LineModel l) -> l.due).thenComparing(l -> l.lineNumber));
                result.put(releaseId(month), new ReleaseModel(releaseId(month), month, "PLANNED", lines));
            });
            for (ReleaseModel r : current.values()) {
                result.putIfAbsent(r.id, new ReleaseModel(r.id, r.month, "CANCELLED", List.of()));
            }
            return result;
        }

        /** The contract check's limits: every open release, and the whole order with what fulfillment has. */
        boolean overLimits(Map<String, ReleaseModel> plan) {
            BigDecimal total = BigDecimal.ZERO;
            boolean over = false;
            for (ReleaseModel r : plan.values()) {
                total = total.add(r.value());
                if (!r.withFulfillment() && r.value().compareTo(RELEASE_LIMIT) > 0) {
                    over = true;
                }
            }
            return over || total.compareTo(ORDER_LIMIT) > 0;
        }

        void replan() {
            Map<String, ReleaseModel> plan = planned(releases);
            boolean held = overLimits(plan);
            orderStatus = held ? "HELD" : "OPEN";
            for (ReleaseModel r : plan.values()) {
                if (!r.withFulfillment() && "PLANNED".equals(r.status) && held) {
                    r.status = "HELD";
                }
            }
            releases.clear();
            releases.putAll(plan);
        }

        String orderJson() {
            StringBuilder sb = new StringBuilder();
            sb.append("{\"poNumber\": \"").append(po)
                    .append("\", \"purpose\": \"original\", \"type\": \"BK\", \"orderDate\": \"")
                    .append(today()).append("\", \"currency\": \"USD\"");
            if (random.nextBoolean()) {
                sb.append(", \"contractNumber\": \"").append(CONTRACT).append('"');
            }
            sb.append(", \"parties\": [{\"role\": \"ST\", \"name\": \"ACME DEPOT 12\", \"idQualifier\": \"92\", ")
                    .append("\"id\": \"DEPOT12\"}]");
            sb.append(", \"lines\": [");
            for (int i = 0; i < orderLines.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(lineJson(orderLines.get(i)));
            }
            return sb.append("]}").toString();
        }

        String lineJson(OrderLineModel line) {
            StringBuilder sb = new StringBuilder();
            sb.append("{\"lineNumber\": ").append(random.nextBoolean() ? "\"" + line.number + "\"" : line.number)
                    .append(", \"buyerPart\": \"").append(line.part.buyerPart).append("\", \"vendorPart\": \"")
                    .append(line.part.vendorPart).append("\", \"description\": \"").append(line.part.description)
                    .append("\", \"quantity\": ").append(number(line.total())).append(", \"unit\": \"").append(line.part.unit)
                    .append("\", \"unitPrice\": ").append(number(line.statedPrice)).append(", \"schedule\": [");
            for (int i = 0; i < line.schedule.size(); i++) {
                Delivery d = line.schedule.get(i);
                sb.append(i == 0 ? "" : ", ").append("{\"quantity\": ").append(number(d.quantity()))
                        .append(", \"deliveryDate\": \"").append(d.date()).append("\"}");
            }
            return sb.append("]}").toString();
        }

        /** A JSON number or a decimal string: the schemas take both. */
        String number(BigDecimal value) {
            return random.nextInt(4) == 0 ? "\"" + value.toPlainString() + "\"" : value.toPlainString();
        }

        OrderResponse.OrderResult submit(String json) {
            OrderDocumentIntake.Received received = intake.receive(PARTNER, "HTTP", po + "-" + (++documents) + ".json",
                    json.getBytes(StandardCharsets.UTF_8), OrderFormat.JSON);
            assertThat(received.response()).as("an answer to a new document").isNotNull();
            assertThat(received.response().errors()).as("the document is valid").isEmpty();
            assertThat(received.response().orders()).hasSize(1);
            return received.response().orders().get(0);
        }

        /** A quantity or date change of one line in months fulfillment does not have yet, as a change document. */
        /** The order closes with its last open release. */
        void closeOrderIfDone() {
            if ("OPEN".equals(orderStatus) && releases.values().stream()
                    .allMatch(r -> "CLOSED".equals(r.status) || "CANCELLED".equals(r.status))) {
                orderStatus = "CLOSED";
            }
        }

        void change() {
            if ("CLOSED".equals(orderStatus)) {
                // a closed order takes no change: ClaimSettlementIT shows the refusal
                advance(today().plusDays(random.nextInt(1, 36)));
                return;
            }
            Set<YearMonth> frozen = releases.values().stream().filter(ReleaseModel::withFulfillment).map(r -> r.month)
                    .collect(Collectors.toSet());
            List<YearMonth> open = new ArrayList<>();
            for (int m = 0; m <= 5; m++) {
                YearMonth month = anchor.plusMonths(m);
                // a delivery after the contract ends would hold the order for a reason this test is not about
                if (!frozen.contains(month) && !month.isAfter(YearMonth.from(CONTRACT_END))) {
                    open.add(month);
                }
            }
            if (open.isEmpty()) {
                advance(today().plusDays(random.nextInt(1, 36)));
                return;
            }
            OrderLineModel line = orderLines.get(random.nextInt(orderLines.size()));
            List<Delivery> before = new ArrayList<>(line.schedule);
            String what = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                line.schedule.clear();
                line.schedule.addAll(before);
                List<Delivery> movable = before.stream().filter(d -> !frozen.contains(YearMonth.from(d.date()))).toList();
                int how = movable.isEmpty() ? 2 : random.nextInt(3);
                if (how == 0) {
                    Delivery d = movable.get(random.nextInt(movable.size()));
                    Delivery changed = new Delivery(d.date(), quantity(line.part.largestDelivery));
                    line.schedule.set(line.schedule.indexOf(d), changed);
                    what = "line " + line.number + ": " + p(d.quantity()) + " on " + d.date() + " becomes "
                            + p(changed.quantity());
                } else if (how == 1) {
                    Delivery d = movable.get(random.nextInt(movable.size()));
                    line.schedule.remove(d);
                    YearMonth to = open.get(random.nextInt(open.size()));
                    addDelivery(line, to);
                    Delivery moved = line.schedule.get(line.schedule.size() - 1);
                    line.schedule.set(line.schedule.size() - 1, new Delivery(moved.date(), d.quantity()));
                    what = "line " + line.number + ": " + p(d.quantity()) + " moves from " + d.date() + " to " + moved.date();
                } else {
                    addDelivery(line, open.get(random.nextInt(open.size())));
                    Delivery added = line.schedule.get(line.schedule.size() - 1);
                    what = "line " + line.number + ": " + p(added.quantity()) + " more on " + added.date();
                }
                line.schedule.sort(Comparator.comparing(Delivery::date));
                if (!overLimits(planned(releases)) || random.nextInt(4) == 0) {
                    break;
                }
            }
            boolean held = overLimits(planned(releases));
            String json = "{\"poNumber\": \"" + po + "\", \"purpose\": \"change\", \"revision\": \"" + (++revisions)
                    + "\", \"orderDate\": \"" + today() + "\", \"lines\": [" + lineJson(line) + "]}";
            trace.add(today() + " change " + what + (held ? " (over the limits)" : ""));
            OrderResponse.OrderResult result = submit(json);
            assertThat(result.result()).as("the change: %s", result.message()).isEqualTo(held ? "HELD" : "ACCEPTED");
            count("change " + result.result());
            replan();
            assertLedger("the change");
        }

        // --- the clock ---

        void advance(LocalDate to) {
            clock.setDay(to);
            LocalDate today = today();
            List<String> expected = releases.values().stream()
                    .filter(r -> "PLANNED".equals(r.status) && "OPEN".equals(orderStatus) && !r.lines.isEmpty()
                            && !today.isBefore(r.firstDue().minusDays(LEAD_DAYS)))
                    .sorted(Comparator.comparing(ReleaseModel::firstDue).thenComparing(r -> r.id))
                    .map(r -> r.id).toList();
            trace.add(today + " dispatch " + expected);
            List<String> requested = scheduler.dispatchDue().stream().filter(id -> id.startsWith(po + "-")).toList();
            assertThat(requested).as("released on %s (lead time %d days)", today, LEAD_DAYS)
                    .containsExactlyElementsOf(expected);
            for (String id : expected) {
                ReleaseModel r = releases.get(id);
                r.status = "DISPATCHED";
                r.lines.forEach(l -> l.released = l.ordered);
                count("dispatch");
            }
            assertLedger("dispatch");
        }

        // --- shipments ---

        record ShipLine(String lineNumber, BigDecimal quantity, String unit) {
        }

        void ship() {
            String shipmentId = po + "-S" + (++shipments);
            String releaseId;
            List<ShipLine> lines = new ArrayList<>();
            String payload = null;
            int kind = random.nextInt(18);
            List<ReleaseModel> withLines = releases.values().stream().filter(r -> !r.lines.isEmpty()).toList();
            List<ReleaseModel> shippable = withLines.stream().filter(r -> r.withFulfillment()
                    && r.lines.stream().anyMatch(l -> l.released.compareTo(l.shipped) > 0)).toList();
            List<ReleaseModel> notRequested = releases.values().stream().filter(r -> !r.withFulfillment()).toList();
            if (kind < 2 && !applied.isEmpty()) {
                // logistics sends the same event again
                List<String> ids = new ArrayList<>(applied.keySet());
                ids.sort(Comparator.naturalOrder());
                shipmentId = ids.get(random.nextInt(ids.size()));
                payload = applied.get(shipmentId);
                releaseId = null;
            } else {
                ReleaseModel release = kind == 2 && !notRequested.isEmpty()
                        ? notRequested.get(random.nextInt(notRequested.size()))
                        : !shippable.isEmpty() && random.nextInt(8) > 0 ? shippable.get(random.nextInt(shippable.size()))
                        : withLines.isEmpty() ? null : withLines.get(random.nextInt(withLines.size()));
                releaseId = kind == 3 || release == null ? po + "-88" : release.id;
                if (kind == 4 && !applied.isEmpty()) {
                    // an id already applied, other content
                    List<String> ids = new ArrayList<>(applied.keySet());
                    ids.sort(Comparator.naturalOrder());
                    shipmentId = ids.get(random.nextInt(ids.size()));
                }
                List<String> numbers = release == null || release.lines.isEmpty()
                        ? orderLines.stream().map(l -> l.number).toList()
                        : release.lines.stream().map(l -> l.lineNumber).distinct().toList();
                List<String> chosen = new ArrayList<>(numbers);
                Collections.shuffle(chosen, new Random(random.nextLong()));
                chosen = chosen.subList(0, random.nextInt(1, chosen.size() + 1));
                for (String n : chosen) {
                    BigDecimal open = release == null ? BigDecimal.TEN
                            : release.total(n, l -> l.released).subtract(release.total(n, l -> l.shipped));
                    BigDecimal q = kind == 5 || kind == 6 || open.signum() <= 0 ? open.add(bit())
                            : random.nextInt(3) == 0 ? open : partOf(open);
                    String unit = random.nextInt(3) == 0 ? null : release == null ? "EA" : release.unitOf(n);
                    if (random.nextInt(6) == 0 && q.compareTo(BigDecimal.ONE) > 0) {
                        // one line in two packages: the quantities add up
                        BigDecimal firstPackage = partOf(q.subtract(new BigDecimal("0.001")));
                        lines.add(new ShipLine(n, firstPackage, unit));
                        lines.add(new ShipLine(n, q.subtract(firstPackage), unit));
                    } else {
                        lines.add(new ShipLine(n, q, unit));
                    }
                }
                if (kind == 7) {
                    String notOnIt = orderLines.stream().map(l -> l.number).filter(n -> !numbers.contains(n)).findFirst()
                            .orElse("99");
                    lines.add(random.nextInt(lines.size() + 1), new ShipLine(notOnIt, BigDecimal.ONE, null));
                } else if (kind == 8) {
                    ShipLine l = lines.remove(0);
                    lines.add(0, new ShipLine(l.lineNumber(), l.quantity(), "BX"));
                } else if (kind == 9) {
                    ShipLine l = lines.remove(0);
                    lines.add(0, new ShipLine(l.lineNumber(), BigDecimal.ZERO, l.unit()));
                }
                payload = shipmentJson(shipmentId, releaseId, lines);
            }
            Expectation expected;
            List<LineModel> after = null;
            ReleaseModel release = releaseId == null ? null : releases.get(releaseId);
            if (lines.stream().anyMatch(l -> l.quantity().signum() <= 0)) {
                expected = new Expectation("EXCEPTION", "MALFORMED");
            } else if (applied.containsKey(shipmentId)) {
                expected = applied.get(shipmentId).equals(payload) ? new Expectation("DUPLICATE", "DUPLICATE")
                        : new Expectation("EXCEPTION", "CONFLICTING_DUPLICATE");
            } else if (release == null) {
                expected = new Expectation("EXCEPTION", "UNKNOWN_RELEASE");
            } else if (!"OPEN".equals(orderStatus) || !release.withFulfillment()) {
                expected = new Expectation("EXCEPTION", "RELEASE_NOT_SHIPPABLE");
            } else {
                expected = null;
                for (ShipLine l : lines) {
                    String unit = release.unitOf(l.lineNumber());
                    if (expected == null && l.unit() != null && unit != null && !l.unit().equalsIgnoreCase(unit)) {
                        expected = new Expectation("EXCEPTION", "UNIT_MISMATCH");
                    }
                }
                Map<String, BigDecimal> merged = new LinkedHashMap<>();
                lines.forEach(l -> merged.merge(l.lineNumber(), l.quantity(), BigDecimal::add));
                after = copy(release.lines);
                for (Map.Entry<String, BigDecimal> e : merged.entrySet()) {
                    if (expected != null) {
                        break;
                    }
                    BigDecimal open = release.total(e.getKey(), l -> l.released)
                            .subtract(release.total(e.getKey(), l -> l.shipped));
                    if (!release.has(e.getKey())) {
                        expected = new Expectation("EXCEPTION", "UNKNOWN_LINE");
                    } else if (e.getValue().compareTo(open) > 0) {
                        expected = new Expectation("EXCEPTION", "OVER_SHIPMENT");
                    } else {
                        spread(after, e.getKey(), e.getValue(), l -> l.released.subtract(l.shipped),
                                (l, q) -> l.shipped = l.shipped.add(q));
                    }
                }
                if (expected == null) {
                    expected = new Expectation("APPLIED", status(after, release.status));
                }
            }
            trace.add(today() + " shipment " + payload + " -> expect " + expected);
            List<String> before = snapshot();
            ShipmentDesk.Outcome outcome = shipmentDesk.receive(payload, "property-test");
            assertThat(new Expectation(outcome.result().name(), outcome.code())).as("shipment %s: %s", shipmentId,
                    outcome.message()).isEqualTo(expected);
            count("ship " + outcome.code().replaceAll("^(PARTIALLY_SHIPPED|SHIPPED|PARTIALLY_ACCEPTED|ACCEPTED|"
                    + "REJECTED|INVOICED)$", "APPLIED"));
            if (outcome.result() == ShipmentDesk.Result.APPLIED) {
                release.lines = after;
                release.status = expected.code();
                closeOrderIfDone();
                applied.put(shipmentId, payload);
                assertLedger("the shipment");
            } else {
                assertThat(snapshot()).as("a shipment that was not applied changes nothing").isEqualTo(before);
                assertLedger("the refused shipment");
            }
        }

        String shipmentJson(String shipmentId, String releaseId, List<ShipLine> lines) {
            StringBuilder sb = new StringBuilder("{\"shipmentId\": \"").append(shipmentId).append("\", \"partnerId\": \"")
                    .append(PARTNER).append("\", \"releaseId\": \"").append(releaseId).append("\", \"shipDate\": \"")
                    .append(today()).append('"');
            if (random.nextBoolean()) {
                sb.append(", \"carrier\": \"UPSN\", \"trackingNumber\": \"1Z").append(random.nextInt(1_000_000, 9_999_999))
                        .append('"');
            }
            sb.append(", \"lines\": [");
            for (int i = 0; i < lines.size(); i++) {
                ShipLine l = lines.get(i);
                boolean integral = l.lineNumber().chars().allMatch(Character::isDigit);
                sb.append(i == 0 ? "" : ", ").append("{\"lineNumber\": ")
                        .append(integral && random.nextBoolean() ? l.lineNumber() : "\"" + l.lineNumber() + "\"")
                        .append(", \"quantity\": ").append(number(l.quantity()));
                if (l.unit() != null) {
                    sb.append(", \"unit\": \"").append(l.unit()).append('"');
                }
                sb.append('}');
            }
            return sb.append("]}").toString();
        }

        // --- acceptances ---

        void accept() {
            String acceptanceId = po + "-A" + (++acceptances);
            List<ReleaseModel> withLines = releases.values().stream().filter(r -> !r.lines.isEmpty()).toList();
            List<ReleaseModel> judgeable = withLines.stream()
                    .filter(r -> r.lines.stream().anyMatch(l -> l.unjudged().signum() > 0)).toList();
            ReleaseModel release = !judgeable.isEmpty() && random.nextInt(8) > 0
                    ? judgeable.get(random.nextInt(judgeable.size()))
                    : withLines.isEmpty() ? null : withLines.get(random.nextInt(withLines.size()));
            String releaseId = release == null ? po + "-88" : release.id;
            String poNumber = random.nextInt(4) == 0 ? null : po;
            int kind = random.nextInt(20);
            List<Acceptance.Line> lines = new ArrayList<>();
            if (kind < 2 && !taken.isEmpty()) {
                // the customer sends an acceptance again, maybe even amended
                List<String> keys = new ArrayList<>(taken.keySet());
                String key = keys.get(random.nextInt(keys.size()));
                acceptanceId = key.substring(0, key.indexOf('|'));
                releaseId = key.substring(key.indexOf('|') + 1);
                release = releases.get(releaseId);
            }
            if (kind == 2) {
                releaseId = po + "-88";
            } else if (kind == 3) {
                poNumber = po + "X";
            }
            if (kind != 4 && release != null) {
                List<String> numbers = release.lines.stream().map(l -> l.lineNumber).distinct().toList();
                List<String> chosen = new ArrayList<>(numbers);
                Collections.shuffle(chosen, new Random(random.nextLong()));
                chosen = chosen.subList(0, random.nextInt(1, chosen.size() + 1));
                for (String n : chosen) {
                    BigDecimal open = release.total(n, LineModel::unjudged);
                    BigDecimal accepted;
                    BigDecimal returned = BigDecimal.ZERO;
                    BigDecimal disputed = BigDecimal.ZERO;
                    int how = random.nextInt(10);
                    if (kind == 5 || kind == 6 || open.signum() <= 0 && random.nextBoolean()) {
                        accepted = open.add(bit());
                    } else if (!clean && (kind == 12 || how == 0)) {
                        accepted = BigDecimal.ZERO;
                        returned = partOf(open);
                    } else {
                        accepted = how < 4 ? open : partOf(open);
                        BigDecimal rest = open.subtract(accepted);
                        if (!clean && rest.signum() > 0 && random.nextBoolean()) {
                            returned = partOf(rest);
                            disputed = random.nextBoolean() ? BigDecimal.ZERO : partOf(rest.subtract(returned));
                        }
                    }
                    if (kind == 11) {
                        accepted = BigDecimal.ZERO;
                        returned = BigDecimal.ZERO;
                        disputed = BigDecimal.ZERO;
                    }
                    lines.add(new Acceptance.Line(n, accepted, returned, disputed, release.unitOf(n),
                            returned.signum() > 0 ? "DAMAGED" : null, disputed.signum() > 0 ? "count differs" : null));
                }
                if (kind == 7 || kind == 8 || kind == 9) {
                    Acceptance.Line l = lines.remove(0);
                    BigDecimal minus = bit().negate();
                    // a negative hidden by a larger positive one on the same line is left to a test of its own
                    lines.add(0, switch (kind) {
                        case 7 -> new Acceptance.Line(l.lineNumber(), minus, l.returned(), l.disputed(), l.unit(), null,
                                null);
                        case 8 -> new Acceptance.Line(l.lineNumber(), l.accepted(), minus, BigDecimal.ZERO, l.unit(), null,
                                null);
                        default -> new Acceptance.Line(l.lineNumber(), l.accepted(), BigDecimal.ZERO, minus, l.unit(), null,
                                null);
                    });
                } else if (kind == 10) {
                    String notOnIt = orderLines.stream().map(l -> l.number).filter(n -> !numbers.contains(n)).findFirst()
                            .orElse("99");
                    lines.add(random.nextInt(lines.size() + 1), new Acceptance.Line(notOnIt, BigDecimal.ONE, BigDecimal.ZERO,
                            BigDecimal.ZERO, null, null, null));
                }
            }
            Acceptance acceptance = new Acceptance(PARTNER, acceptanceId, poNumber, releaseId, today(), false, lines,
                    new PurchaseOrder.SourceDocument("JSON", acceptanceId + ".json", null, null, null, null));

            String key = acceptanceId + "|" + releaseId;
            ReleaseModel target = releases.get(releaseId);
            Expectation expected = null;
            List<LineModel> after = null;
            ExpectedInvoice invoice = null;
            int claims = 0;
            if (taken.containsKey(key)) {
                expected = new Expectation("REFUSED", "DUPLICATE_ACCEPTANCE");
            } else if (lines.isEmpty()) {
                expected = new Expectation("REFUSED", "NO_LINES");
            } else if (target == null) {
                expected = new Expectation("REFUSED", "UNKNOWN_RELEASE");
            } else if (poNumber != null && !poNumber.equals(po)) {
                expected = new Expectation("REFUSED", "RELEASE_NOT_ON_PO");
            } else if (target.lines.stream().allMatch(l -> l.shipped.signum() == 0)) {
                expected = new Expectation("REFUSED", "NOT_SHIPPED");
            } else {
                Map<String, BigDecimal[]> verdicts = new LinkedHashMap<>();
                Set<String> negative = new HashSet<>();
                for (Acceptance.Line l : lines) {
                    BigDecimal[] v = verdicts.computeIfAbsent(l.lineNumber(), k -> new BigDecimal[] {BigDecimal.ZERO,
                        BigDecimal.ZERO});
                    v[0] = v[0].add(l.accepted());
                    v[1] = v[1].add(l.returned()).add(l.disputed());
                    if (l.accepted().signum() < 0 || l.returned().signum() < 0 || l.disputed().signum() < 0) {
                        negative.add(l.lineNumber());
                    }
                }
                after = copy(target.lines);
                for (Map.Entry<String, BigDecimal[]> v : verdicts.entrySet()) {
                    String n = v.getKey();
                    if (!target.has(n)) {
                        expected = new Expectation("REFUSED", "UNKNOWN_LINE");
                    } else if (negative.contains(n)) {
                        expected = new Expectation("REFUSED", "NEGATIVE_QUANTITY");
                    } else if (target.total(n, l -> l.shipped).signum() == 0) {
                        expected = new Expectation("REFUSED", "NOT_SHIPPED");
                    } else if (v.getValue()[0].add(v.getValue()[1]).compareTo(target.total(n, LineModel::unjudged)) > 0) {
                        expected = new Expectation("REFUSED", "OVER_ACCEPTANCE");
                    }
                    if (expected != null) {
                        break;
                    }
                    spread(after, n, v.getValue()[0], LineModel::unjudged, (l, q) -> l.accepted = l.accepted.add(q));
                    spread(after, n, v.getValue()[1], LineModel::unjudged, (l, q) -> l.rejected = l.rejected.add(q));
                }
                if (expected == null) {
                    List<ExpectedInvoiceLine> invoiceLines = new ArrayList<>();
                    for (String n : after.stream().map(l -> l.lineNumber).distinct().toList()) {
                        BigDecimal toInvoice = sum(after.stream().filter(l -> l.lineNumber.equals(n)).toList(),
                                l -> l.accepted.subtract(l.invoiced));
                        if (toInvoice.signum() > 0) {
                            LineModel first = after.stream().filter(l -> l.lineNumber.equals(n)).findFirst().orElseThrow();
                            invoiceLines.add(new ExpectedInvoiceLine(n, first.part.vendorPart, toInvoice, first.price,
                                    amount(toInvoice, first.price)));
                        }
                    }
                    after.forEach(l -> l.invoiced = l.accepted);
                    claims = (int) lines.stream().filter(l -> l.returned().add(l.disputed()).signum() > 0).count();
                    if (!invoiceLines.isEmpty()) {
                        invoice = new ExpectedInvoice(today(), invoiceLines, invoiceLines.stream()
                                .map(ExpectedInvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
                    }
                    String status = status(after, target.status);
                    if (invoice == null && closes(target.id, after, status)) {
                        // nothing judged on a release closed already: it stays closed
                        status = "CLOSED";
                    }
                    expected = new Expectation(invoice == null ? "TAKEN" : "INVOICED", status);
                }
            }
            trace.add(today() + " acceptance " + acceptanceId + " of " + releaseId + " (PO " + poNumber + ") "
                    + lines.stream().map(l -> l.lineNumber() + ": " + p(l.accepted()) + " accepted, " + p(l.returned())
                    + " returned, " + p(l.disputed()) + " disputed").toList() + " -> expect " + expected);
            List<String> before = snapshot();
            AcceptanceDesk.Outcome outcome = acceptanceDesk.take(acceptance, acme, null);
            assertThat(new Expectation(outcome.result().name(), outcome.code())).as("acceptance %s: %s", acceptanceId,
                    outcome.message()).isEqualTo(expected);
            count("accept " + (outcome.result() == AcceptanceDesk.Result.REFUSED ? outcome.code() : outcome.result().name()));
            if (outcome.result() == AcceptanceDesk.Result.REFUSED) {
                assertThat(snapshot()).as("a refused acceptance changes nothing").isEqualTo(before);
                assertLedger("the refused acceptance");
                return;
            }
            assertThat(outcome.claims()).as("order lines claimed").isEqualTo(claims);
            if (invoice != null) {
                assertThat(outcome.invoiceTotal()).as("invoice total").isEqualByComparingTo(invoice.total());
            } else {
                assertThat(outcome.invoiceNumber()).as("no invoice for an acceptance that accepted nothing").isNull();
            }
            if (invoice != null) {
                invoice.lines().forEach(l -> count("invoice line at " + p(l.unitPrice())));
            }
            target.lines = after;
            target.status = expected.code();
            closeOrderIfDone();
            taken.put(key, invoice);
            if (invoice != null) {
                invoices.put(outcome.invoiceNumber(), new InvoiceMoney(outcome.invoiceNumber(), target.id, invoice.total(),
                        invoice.invoiceDate()));
            }
            assertLedger("the acceptance");
        }

        // --- money ---

        boolean toPay() {
            return invoices.values().stream().anyMatch(i -> i.open().signum() > 0);
        }

        boolean deductionsOpen() {
            return deductions.values().stream().anyMatch(d -> d.open.signum() > 0);
        }

        boolean cashUnapplied() {
            return payments.values().stream().anyMatch(m -> m.unapplied.signum() > 0);
        }

        /** An amount in cents in (0, upTo], or upTo itself when it is less than a cent. */
        BigDecimal cents(BigDecimal upTo) {
            long most = upTo.movePointRight(2).setScale(0, RoundingMode.DOWN).longValueExact();
            return most < 1 ? upTo : BigDecimal.valueOf(random.nextLong(1, most + 1), 2);
        }

        BigDecimal someCents() {
            return BigDecimal.valueOf(random.nextLong(1, 50_000), 2);
        }

        /**
         * A remittance from acme over the scenario's invoices, each line paying the amount open, less, more, less a
         * discount taken in its window or after it, now and then the same invoice twice or one we never issued; some
         * whose lines do not add up to the payment, some with a trace number taken before. The model applies it as the
         * hub must (CashApplication): line by line, each against what is open after the lines before it.
         */
        void pay() {
            pay(false);
        }

        /** @param settleUp every invoice with money open paid to the cent, in one remittance */
        void pay(boolean settleUp) {
            String traceNumber = po + "-T" + (++traces);
            int kind = settleUp ? 19 : random.nextInt(20);
            if (kind == 0 && !payments.isEmpty()) {
                List<String> used = new ArrayList<>(payments.keySet());
                traceNumber = used.get(random.nextInt(used.size()));
            }
            List<InvoiceMoney> open = invoices.values().stream().filter(i -> i.open().signum() > 0).toList();
            List<InvoiceMoney> chosen = new ArrayList<>(!open.isEmpty() && random.nextInt(6) > 0 ? open
                    : invoices.values());
            Collections.shuffle(chosen, new Random(random.nextLong()));
            chosen = settleUp ? new ArrayList<>(open) : chosen.subList(0, Math.min(chosen.size(), random.nextInt(1, 4)));
            LocalDate paymentDate = today();
            if (!chosen.isEmpty()) {
                // the first invoice's discount window decides: inside it or after it
                LocalDate last = chosen.get(0).discountDate;
                paymentDate = random.nextBoolean() ? last.minusDays(random.nextInt(0, DISCOUNT_DAYS + 1))
                        : last.plusDays(random.nextInt(1, 40));
            }
            List<Remittance.Line> lines = new ArrayList<>();
            for (InvoiceMoney i : chosen) {
                BigDecimal owed = i.open();
                BigDecimal paid;
                BigDecimal discount = null;
                List<Remittance.LineAdjustment> adjustments = List.of();
                // settling up, acme pays each invoice to the cent, or less the discount the terms allow
                switch (settleUp ? 4 * random.nextInt(2) : random.nextInt(6)) {
                    case 0, 1 -> paid = owed;
                    case 2 -> {
                        BigDecimal less = owed.signum() > 0 ? cents(owed) : BigDecimal.ZERO;
                        paid = owed.subtract(less);
                        if (less.signum() > 0 && random.nextBoolean()) {
                            adjustments = List.of(new Remittance.LineAdjustment(less.negate(), random.nextBoolean() ? "CS"
                                    : "01", random.nextBoolean() ? null : "damaged in transit"));
                        }
                    }
                    case 3 -> paid = owed.add(someCents());
                    default -> {
                        discount = !settleUp && random.nextInt(4) == 0 ? i.discountAllowed.add(someCents())
                                : i.discountAllowed;
                        paid = owed.subtract(discount).max(BigDecimal.ZERO);
                    }
                }
                lines.add(new Remittance.Line(i.number, paid, random.nextBoolean() ? i.total : null, discount, adjustments));
                if (!settleUp && random.nextInt(8) == 0) {
                    lines.add(new Remittance.Line(i.number, cents(owed.max(BigDecimal.ONE)), null, null, List.of()));
                }
            }
            boolean nothingPaid = lines.stream().allMatch(l -> l.paid().signum() == 0);
            // a payment of nothing is refused (NOT_POSITIVE) now and then; mostly acme pays something
            if (lines.isEmpty() || nothingPaid && kind != 3 || !settleUp && random.nextInt(8) == 0) {
                lines.add(random.nextInt(lines.size() + 1), new Remittance.Line("NOT-OURS-" + po + "-" + traces, someCents(),
                        null, null, List.of()));
            }
            BigDecimal sum = lines.stream().map(Remittance.Line::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal total = kind == 1 ? sum.add(BigDecimal.ONE)
                    : kind == 2 && sum.compareTo(BigDecimal.ONE) > 0 ? sum.subtract(new BigDecimal("0.01")) : sum;
            String refusal = total.signum() <= 0 ? "NOT_POSITIVE" : sum.compareTo(total) != 0 ? "AMOUNT_MISMATCH"
                    : payments.containsKey(traceNumber) ? "DUPLICATE_TRACE_NUMBER" : null;
            Remittance remittance = new Remittance(PARTNER, traceNumber, total, random.nextBoolean() ? "USD" : null, "ACH",
                    paymentDate, lines, new PurchaseOrder.SourceDocument("JSON", traceNumber + ".json", null, null, null,
                            null));
            trace.add(today() + " payment " + traceNumber + " of " + p(total) + " paid " + paymentDate + ": "
                    + lines.stream().map(l -> l.invoiceNumber() + " " + p(l.paid()) + (l.discount() == null ? ""
                            : " less discount " + p(l.discount())) + (l.adjustments().isEmpty() ? "" : " (ADX "
                                    + l.adjustments().get(0).reasonCode() + ")")).toList() + " -> expect "
                    + (refusal == null ? "taken" : refusal));
            if (refusal != null) {
                try {
                    cash.take(remittance, "JSON", null, "property-test");
                } catch (CashApplication.Refused e) {
                    assertThat(e.code()).as("payment %s: %s", traceNumber, e.getMessage()).isEqualTo(refusal);
                    count("pay " + e.code());
                    assertLedger("the refused payment");
                    return;
                }
                throw new AssertionError("payment " + traceNumber + " was taken, but it must be refused " + refusal);
            }
            PaymentBook.Payment payment = cash.take(remittance, "JSON", null, "property-test");
            PaymentMoney money = new PaymentMoney(payment.id(), traceNumber, total);
            payments.put(traceNumber, money);
            List<PaymentBook.Line> stored = payment.lines().stream().sorted(Comparator.comparing(PaymentBook.Line::lineNo))
                    .toList();
            assertThat(stored).as("lines of payment %s", traceNumber).hasSize(lines.size());
            for (int n = 0; n < lines.size(); n++) {
                Remittance.Line l = lines.get(n);
                PaymentBook.Line got = stored.get(n);
                InvoiceMoney i = invoices.get(l.invoiceNumber());
                String expected;
                if (i == null) {
                    expected = "UNKNOWN_INVOICE: applied 0, discount 0, deducted 0, unapplied " + p(l.paid()) + ", no claim";
                    count("pay UNKNOWN_INVOICE");
                } else {
                    BigDecimal taken = l.discount() == null ? BigDecimal.ZERO : l.discount();
                    BigDecimal owed = i.open();
                    // a discount is earned once per invoice, in its window, up to what the terms allow and what is open
                    BigDecimal earned = taken.signum() > 0 && !paymentDate.isAfter(i.discountDate)
                            && i.discount.signum() == 0 ? taken.min(i.discountAllowed).min(owed) : BigDecimal.ZERO;
                    BigDecimal applied = l.paid().min(owed.subtract(earned));
                    BigDecimal over = l.paid().subtract(applied);
                    BigDecimal withheld = owed.subtract(earned).subtract(applied);
                    i.paid = i.paid.add(applied);
                    i.discount = i.discount.add(earned);
                    i.deducted = i.deducted.add(withheld);
                    money.applied = money.applied.add(applied);
                    String outcome = over.signum() > 0 ? "OVERPAID" : i.settled() ? "PAID" : "PARTIALLY_PAID";
                    expected = outcome + ": applied " + p(applied) + ", discount " + p(earned) + ", deducted " + p(withheld)
                            + ", unapplied " + p(over) + (withheld.signum() > 0 ? ", claim" : ", no claim");
                    count("pay " + outcome);
                    if (earned.signum() > 0) {
                        count("pay discount earned");
                    }
                    if (taken.compareTo(earned) > 0 && withheld.signum() > 0) {
                        count("pay discount unearned");
                    }
                    if (withheld.signum() > 0 && got.claimNumber() != null) {
                        long claimId = jdbc.queryForObject("select id from claim where claim_number = ? and source = "
                                + "'DEDUCTION' and source_ref = ?", Long.class, got.claimNumber(), traceNumber + "/" + i.number);
                        deductions.put(got.claimNumber(), new DeductionMoney(claimId, got.claimNumber(), i.number, withheld));
                        count("pay deduction" + (l.adjustments().isEmpty() ? "" : " with ADX"));
                    }
                    if (lines.subList(0, n).stream().anyMatch(e -> e.invoiceNumber().equals(l.invoiceNumber()))) {
                        count("pay same invoice twice");
                    }
                }
                assertThat(got.invoiceNumber() + " " + got.outcome() + ": applied " + p(got.applied()) + ", discount "
                        + p(got.discount()) + ", deducted " + p(got.deducted()) + ", unapplied " + p(got.unapplied())
                        + (got.claimNumber() != null ? ", claim" : ", no claim")).as("payment %s line %d: %s", traceNumber,
                                n + 1, got.message()).isEqualTo(l.invoiceNumber() + " " + expected);
            }
            money.unapplied = total.subtract(money.applied);
            closeSettledReleases();
            assertLedger("the payment");
        }

        /** A person credits or denies a deduction, all that is open on it or part of one of its lines. */
        void settleDeduction() {
            List<DeductionMoney> open = deductions.values().stream().filter(d -> d.open.signum() > 0).toList();
            if (open.isEmpty()) {
                pay();
                return;
            }
            DeductionMoney d = open.get(random.nextInt(open.size()));
            InvoiceMoney i = invoices.get(d.invoiceNumber);
            Claim.Decision decision = random.nextInt(5) < 3 ? Claim.Decision.CREDIT : Claim.Decision.DENY;
            List<Claim.SettledLine> lines = List.of();
            BigDecimal amount = d.open;
            boolean over = false;
            if (random.nextInt(3) == 0) {
                Claim.Line line = claimQueries.find(d.claimId).orElseThrow().lines().stream()
                        .filter(l -> l.openAmount() != null && l.openAmount().signum() > 0).findFirst().orElseThrow();
                over = random.nextInt(6) == 0;
                amount = over ? line.openAmount().add(new BigDecimal("0.01")) : cents(line.openAmount());
                lines = List.of(new Claim.SettledLine(line.lineNumber(), null, amount));
            }
            String key = po + "-D" + (++decisions);
            trace.add(today() + " " + decision + " " + (lines.isEmpty() ? "all " : "") + p(amount) + " of deduction "
                    + d.claimNumber + " on " + i.number + " (" + p(d.open) + " open)" + (over ? " -> expect OVER_CLAIMED"
                            : ""));
            ClaimSettlements.Result result = settle(d.claimId, key, decision, lines);
            if (over) {
                assertThat(result.code()).as(result.message()).isEqualTo("OVER_CLAIMED");
                count("deduction OVER_CLAIMED");
                assertLedger("the refused decision");
                return;
            }
            assertThat(result.status()).as("%s on %s: %s", decision, d.claimNumber, result.message()).isEqualTo(200);
            d.open = d.open.subtract(amount);
            i.deducted = i.deducted.subtract(amount);
            if (decision == Claim.Decision.CREDIT) {
                i.credited = i.credited.add(amount);
            }
            count("deduction " + decision);
            if (random.nextInt(6) == 0) {
                // the same decision sent again: nothing is decided twice
                trace.add(today() + " " + key + " again");
                assertThat(settle(d.claimId, key, Claim.Decision.DENY, List.of()).status()).isEqualTo(200);
                count("deduction again");
            }
            closeSettledReleases();
            assertLedger("the decision on " + d.claimNumber);
        }

        ClaimSettlements.Result settle(long claimId, String key, Claim.Decision decision, List<Claim.SettledLine> lines) {
            return transactions.execute(s -> {
                ClaimSettlements.Result r = settlements.settle(claimId, new ClaimSettlements.Decision(key, decision,
                        "property test", lines), "olivia");
                if (r.claim() == null) {
                    s.setRollbackOnly();
                }
                return r;
            });
        }

        /** An operator applies unapplied cash of a payment to an invoice with money open; sometimes too much. */
        void applyUnapplied() {
            List<PaymentMoney> withCash = payments.values().stream().filter(m -> m.unapplied.signum() > 0).toList();
            List<InvoiceMoney> open = invoices.values().stream().filter(i -> i.open().signum() > 0).toList();
            if (withCash.isEmpty() || open.isEmpty()) {
                pay();
                return;
            }
            PaymentMoney m = withCash.get(random.nextInt(withCash.size()));
            InvoiceMoney i = open.get(random.nextInt(open.size()));
            if (!applicationKeys.isEmpty() && random.nextInt(8) == 0) {
                // a request sent again with its key: applied once
                String key = applicationKeys.get(random.nextInt(applicationKeys.size()));
                trace.add(today() + " application " + key + " again");
                cash.applyUnapplied(m.id, i.number, null, key, "olivia", "property test, again");
                count("unapplied again");
                assertLedger("the application sent again");
                return;
            }
            BigDecimal most = m.unapplied.min(i.open());
            int how = random.nextInt(6);
            BigDecimal amount = how < 2 ? null : how == 2 ? m.unapplied.add(new BigDecimal("0.01"))
                    : how == 3 ? i.open().add(new BigDecimal("0.01")) : cents(most);
            BigDecimal apply = amount == null ? most : amount;
            String refusal = apply.compareTo(m.unapplied) > 0 ? "OVER_UNAPPLIED" : apply.compareTo(i.open()) > 0 ? "OVER_OPEN"
                    : null;
            String key = po + "-U" + (applicationKeys.size() + 1) + "-" + (++decisions);
            trace.add(today() + " application of " + (amount == null ? "what fits (" + p(most) + ")" : p(amount)) + " of "
                    + m.traceNumber + " (" + p(m.unapplied) + " unapplied) to " + i.number + " (" + p(i.open()) + " open)"
                    + " -> expect " + (refusal == null ? "applied" : refusal));
            if (refusal != null) {
                try {
                    cash.applyUnapplied(m.id, i.number, amount, key, "olivia", "property test");
                } catch (CashApplication.Refused e) {
                    assertThat(e.code()).as(e.getMessage()).isEqualTo(refusal);
                    count("unapplied " + e.code());
                    assertLedger("the refused application");
                    return;
                }
                throw new AssertionError("the application was taken, but it must be refused " + refusal);
            }
            PaymentBook.Payment after = cash.applyUnapplied(m.id, i.number, amount, key, "olivia", "property test");
            m.applied = m.applied.add(apply);
            m.unapplied = m.unapplied.subtract(apply);
            i.paid = i.paid.add(apply);
            applicationKeys.add(key);
            assertThat(after.unapplied()).as("unapplied on %s", m.traceNumber).isEqualByComparingTo(m.unapplied);
            count("unapplied applied");
            closeSettledReleases();
            assertLedger("the application");
        }

        /**
         * Whether a release closes: all its goods invoiced, none rejected (a claim on them would hold it open), and every
         * invoice on it paid, discounted or credited to the end with no deduction waiting.
         */
        boolean closes(String releaseId, List<LineModel> lines, String status) {
            return "INVOICED".equals(status) && sum(lines, l -> l.rejected).signum() == 0
                    && invoices.values().stream().anyMatch(i -> i.releaseId.equals(releaseId))
                    && invoices.values().stream().filter(i -> i.releaseId.equals(releaseId)).allMatch(InvoiceMoney::settled);
        }

        void closeSettledReleases() {
            for (ReleaseModel r : releases.values()) {
                if (closes(r.id, r.lines, r.status)) {
                    r.status = "CLOSED";
                    count("release CLOSED");
                }
            }
            String before = orderStatus;
            closeOrderIfDone();
            if (!before.equals(orderStatus)) {
                count("order CLOSED");
            }
        }

        /**
         * The money of the scenario's invoices, payments and deductions as the model has it, and the rules it keeps:
         * every part of an invoice at or above zero and adding up to its total, its cash and discount the sum of its
         * applications, a payment's applications adding up to what it applied, the deductions still open adding up to
         * what its invoices hold deducted, and a closed release with nothing open on it.
         */
        void assertMoney() {
            List<String> stored = jdbc.query("select invoice_number, release_id, total, paid, discount, deducted, credited, "
                    + "open_balance from invoice_overview where partner_id = ? and po_number = ?", (rs, n) -> rs.getString(1)
                    + " of " + rs.getString(2) + ": total " + p(rs.getBigDecimal(3)) + ", paid " + p(rs.getBigDecimal(4))
                    + ", discount " + p(rs.getBigDecimal(5)) + ", deducted " + p(rs.getBigDecimal(6)) + ", credited "
                    + p(rs.getBigDecimal(7)) + ", open " + p(rs.getBigDecimal(8)), PARTNER, po);
            assertThat(stored).as("the invoices' money").containsExactlyInAnyOrderElementsOf(invoices.values().stream()
                    .map(InvoiceMoney::row).toList());
            List<String> paid = jdbc.query("select trace_number, total, applied, unapplied from payment where partner_id = ? "
                    + "and trace_number like ?", (rs, n) -> rs.getString(1) + ": total " + p(rs.getBigDecimal(2))
                    + ", applied " + p(rs.getBigDecimal(3)) + ", unapplied " + p(rs.getBigDecimal(4)), PARTNER, po + "-T%");
            assertThat(paid).as("the payments").containsExactlyInAnyOrderElementsOf(payments.values().stream()
                    .map(PaymentMoney::row).toList());
            List<String> withheld = jdbc.query("select c.claim_number, c.invoice_number, c.status, sum(coalesce(l.amount, 0) "
                    + "- l.decided_amount) from claim c join claim_line l on l.claim = c.id where c.partner_id = ? "
                    + "and c.po_number = ? and c.source = 'DEDUCTION' group by c.id", (rs, n) -> rs.getString(1) + " on "
                    + rs.getString(2) + ": " + p(rs.getBigDecimal(4)) + " open" + (Set.of("OPEN", "SETTLING")
                            .contains(rs.getString(3)) ? "" : ", ended"), PARTNER, po);
            assertThat(withheld).as("the deductions").containsExactlyInAnyOrderElementsOf(deductions.values().stream()
                    .map(d -> d.claimNumber + " on " + d.invoiceNumber + ": " + p(d.open) + " open" + (d.open.signum() > 0
                            ? "" : ", ended")).toList());
            assertMoneyRules(po);
        }

        // --- what the database says ---

        /** The PO's releases and their lines as stored, and how many documents hang off them. */
        List<String> snapshot() {
            List<String> rows = new ArrayList<>(ledger());
            rows.add(jdbc.queryForObject("select 'acceptances ' || count(*) from acceptance where partner_id = ? "
                    + "and release_id like ?", String.class, PARTNER, po + "-%"));
            rows.add(jdbc.queryForObject("select 'invoices ' || count(*) from invoice where partner_id = ? "
                    + "and release_id like ?", String.class, PARTNER, po + "-%"));
            rows.add(jdbc.queryForObject("select 'claims ' || count(*) from claim where partner_id = ? "
                    + "and release_id like ?", String.class, PARTNER, po + "-%"));
            rows.add(jdbc.queryForObject("select 'shipments applied ' || count(*) from shipment where partner_id = ? "
                    + "and release_id like ? and status = 'APPLIED'", String.class, PARTNER, po + "-%"));
            return rows;
        }

        List<String> ledger() {
            List<String> rows = new ArrayList<>(jdbc.query("select r.release_id, r.status, rl.line_number, rl.due_date, "
                            + "rl.quantity, rl.unit_price, rl.released, rl.shipped, rl.accepted, rl.rejected, rl.invoiced "
                            + "from order_release r join purchase_order o on o.id = r.order_id left join release_line rl "
                            + "on rl.partner_id = r.partner_id and rl.release_id = r.release_id "
                            + "where o.partner_id = ? and o.po_number = ?",
                    (rs, i) -> rs.getString(3) == null ? rs.getString(1) + " " + rs.getString(2)
                            : row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                                    rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                                    rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11)), PARTNER, po));
            rows.add("order " + jdbc.queryForObject("select status from purchase_order where partner_id = ? and po_number = ?",
                    String.class, PARTNER, po));
            rows.sort(Comparator.naturalOrder());
            return rows;
        }

        String row(String release, String status, String line, LocalDate due, BigDecimal ordered, BigDecimal price,
                BigDecimal released, BigDecimal shipped, BigDecimal accepted, BigDecimal rejected, BigDecimal invoiced) {
            return release + " " + status + " line " + line + " due " + due + ": ordered " + p(ordered) + " at " + p(price)
                    + ", released " + p(released) + ", shipped " + p(shipped) + ", accepted " + p(accepted) + ", rejected "
                    + p(rejected) + ", invoiced " + p(invoiced);
        }

        void assertLedger(String after) {
            List<String> expected = new ArrayList<>();
            for (ReleaseModel r : releases.values()) {
                if (r.lines.isEmpty()) {
                    expected.add(r.id + " " + r.status);
                }
                for (LineModel l : r.lines) {
                    expected.add(row(r.id, r.status, l.lineNumber, l.due, l.ordered, l.price, l.released, l.shipped,
                            l.accepted, l.rejected, l.invoiced));
                }
            }
            expected.add("order " + orderStatus);
            expected.sort(Comparator.naturalOrder());
            assertThat(ledger()).as("the release ledger after %s", after).containsExactlyElementsOf(expected);
        }

        /**
         * Exactly the invoices the model expects, at contract price and terms, and all of them add up to what was
         * accepted.
         */
        void assertInvoices() {
            Map<String, String> stored = new TreeMap<>();
            jdbc.query("select a.acceptance_id, a.release_id, i.content::text from acceptance a left join invoice i "
                    + "on i.acceptance = a.id where a.partner_id = ? and a.release_id like ?", rs -> {
                        String previous = stored.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3));
                        assertThat(previous).as("one acceptance row and one invoice per acceptance").isNull();
                    }, PARTNER, po + "-%");
            assertThat(stored.keySet()).as("acceptances taken").containsExactlyInAnyOrderElementsOf(taken.keySet());
            for (Map.Entry<String, ExpectedInvoice> e : taken.entrySet()) {
                String content = stored.get(e.getKey());
                ExpectedInvoice expected = e.getValue();
                if (expected == null) {
                    assertThat(content).as("invoice for %s, which accepted nothing", e.getKey()).isNull();
                    continue;
                }
                assertThat(content).as("invoice for %s", e.getKey()).isNotNull();
                JsonNode invoice = read(content);
                String acceptanceId = e.getKey().substring(0, e.getKey().indexOf('|'));
                assertThat(invoice.path("acceptanceId").asText()).isEqualTo(acceptanceId);
                assertThat(invoice.path("poNumber").asText()).isEqualTo(po);
                assertThat(invoice.path("contractNumber").asText()).isEqualTo(CONTRACT);
                assertThat(invoice.path("currency").asText()).isEqualTo("USD");
                assertThat(LocalDate.parse(invoice.path("invoiceDate").asText())).isEqualTo(expected.invoiceDate());
                List<ExpectedInvoiceLine> lines = new ArrayList<>();
                for (JsonNode l : invoice.path("lines")) {
                    lines.add(new ExpectedInvoiceLine(l.path("lineNumber").asText(), l.path("vendorPart").asText(),
                            l.path("quantity").decimalValue().stripTrailingZeros(),
                            l.path("unitPrice").decimalValue().stripTrailingZeros(),
                            l.path("amount").decimalValue().stripTrailingZeros()));
                }
                assertThat(lines).as("invoice lines of %s: accepted × contract price, to the cent", e.getKey())
                        .containsExactlyElementsOf(expected.lines().stream().map(l -> new ExpectedInvoiceLine(l.lineNumber(),
                                l.vendorPart(), l.quantity().stripTrailingZeros(), l.unitPrice().stripTrailingZeros(),
                                l.amount().stripTrailingZeros())).toList());
                assertThat(invoice.path("total").decimalValue()).as("total of %s", e.getKey())
                        .isEqualByComparingTo(expected.total());
            }
            assertTermsAndSums("release_id like '" + po + "-%'");
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(String what) {
        seen.merge(what, 1, Integer::sum);
    }

    /**
     * For the invoices matching {@code where}: the contract's terms, due 30 days after the later of the invoice date
     * and the acceptance date (acme's due-from), the discount's last day 10 days after it and 2 % of the total, line
     * amounts to the cent and a total that adds them up, one invoice per acceptance that accepted something and
     * none for one that did not, and per release line number as much invoiced as accepted.
     */
    private void assertTermsAndSums(String where) {
        jdbc.query("select invoice_number, invoice_date, due_date, total, content::text, acceptance_date, terms_from, "
                + "discount_date, discount_allowed from invoice where " + where, rs -> {
            String number = rs.getString(1);
            JsonNode invoice = read(rs.getString(5));
            LocalDate invoiceDate = rs.getDate(2).toLocalDate();
            LocalDate acceptanceDate = rs.getDate(6).toLocalDate();
            LocalDate termsFrom = acceptanceDate.isAfter(invoiceDate) ? acceptanceDate : invoiceDate;
            assertThat(rs.getDate(7).toLocalDate()).as("terms-from of %s", number).isEqualTo(termsFrom);
            assertThat(rs.getDate(3).toLocalDate()).as("due date of %s", number).isEqualTo(termsFrom.plusDays(NET_DAYS));
            assertThat(LocalDate.parse(invoice.path("dueDate").asText())).as("due date of %s", number)
                    .isEqualTo(termsFrom.plusDays(NET_DAYS));
            assertThat(rs.getDate(8).toLocalDate()).as("discount date of %s", number)
                    .isEqualTo(termsFrom.plusDays(DISCOUNT_DAYS));
            assertThat(rs.getBigDecimal(9)).as("discount allowed on %s", number).isEqualByComparingTo(rs.getBigDecimal(4)
                    .multiply(DISCOUNT_PERCENT).movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
            JsonNode terms = invoice.path("terms");
            assertThat(terms.path("netDays").asInt()).as("terms of %s", number).isEqualTo(NET_DAYS);
            assertThat(terms.path("discountPercent").decimalValue()).as("terms of %s", number)
                    .isEqualByComparingTo(DISCOUNT_PERCENT);
            assertThat(terms.path("discountDays").asInt()).as("terms of %s", number).isEqualTo(DISCOUNT_DAYS);
            BigDecimal total = BigDecimal.ZERO;
            for (JsonNode l : invoice.path("lines")) {
                BigDecimal amount = l.path("amount").decimalValue();
                assertThat(amount).as("amount of %s line %s", number, l.path("lineNumber").asText())
                        .isEqualByComparingTo(amount(l.path("quantity").decimalValue(), l.path("unitPrice").decimalValue()));
                total = total.add(amount);
            }
            assertThat(rs.getBigDecimal(4)).as("total of %s", number).isEqualByComparingTo(total);
            assertThat(invoice.path("total").decimalValue()).as("total of %s", number).isEqualByComparingTo(total);
        });
        assertThat(jdbc.queryForList("select a.acceptance_id || ' of ' || a.release_id from acceptance a "
                + "left join invoice i on i.acceptance = a.id where a." + where + " group by a.id, a.acceptance_id, "
                + "a.release_id having count(i.id) <> case when (select sum(accepted) from acceptance_line al "
                + "where al.acceptance = a.id) > 0 then 1 else 0 end", String.class))
                .as("acceptances without their one invoice, or with one although they accepted nothing").isEmpty();
        Map<String, BigDecimal> invoiced = new TreeMap<>();
        jdbc.query("select release_id, content::text from invoice where " + where, rs -> {
            for (JsonNode l : read(rs.getString(2)).path("lines")) {
                invoiced.merge(rs.getString(1) + " line " + l.path("lineNumber").asText(), l.path("quantity").decimalValue(),
                        BigDecimal::add);
            }
        });
        Map<String, BigDecimal> accepted = new TreeMap<>();
        jdbc.query("select release_id, line_number, sum(accepted) from release_line where " + where
                + " group by release_id, line_number having sum(accepted) > 0", rs -> {
                    accepted.put(rs.getString(1) + " line " + rs.getString(2), rs.getBigDecimal(3));
                });
        assertThat(invoiced.keySet()).as("release lines invoiced").isEqualTo(accepted.keySet());
        invoiced.forEach((line, quantity) -> assertThat(quantity).as("invoiced on %s", line)
                .isEqualByComparingTo(accepted.get(line)));
    }

    /** Over every scenario, and whatever dispatches later scenarios caused: the invariants of DESIGN §4. */
    private void assertWholeLedgerAndEveryInvoice() {
        assertThat(jdbc.queryForList("select release_id || ' line ' || line_number || ' due ' || due_date from release_line "
                + "where partner_id = ? and not (invoiced <= accepted and accepted + rejected <= shipped "
                + "and shipped <= released and released <= quantity and invoiced >= 0 and accepted >= 0 and rejected >= 0 "
                + "and shipped >= 0 and released >= 0)", String.class, PARTNER)).as("release lines out of order").isEmpty();
        assertThat(jdbc.queryForList("select acceptance from invoice group by acceptance having count(*) > 1", Long.class))
                .as("acceptances invoiced twice").isEmpty();
        assertTermsAndSums("partner_id = '" + PARTNER + "'");
        assertMoneyRules(null);
    }

    /**
     * The rules of money (issue 16) for acme's invoices, payments and releases, of one PO or (null) all: nothing below
     * zero and nothing lost on an invoice, cash and discounts on it only by applications, each payment applied or
     * unapplied and never both, deductions held only by open DEDUCTION claims, a CLOSED release with nothing open on it.
     */
    private void assertMoneyRules(String po) {
        Function<String, String> where = alias -> alias + ".partner_id = '" + PARTNER + "'"
                + (po == null ? "" : " and " + alias + ".po_number = '" + po + "'");
        assertThat(jdbc.queryForList("select invoice_number from invoice_overview i where " + where.apply("i")
                + " and (paid < 0 or discount < 0 or deducted < 0 or credited < 0 or open_balance < 0 "
                + "or paid + credited + discount + deducted + open_balance <> total)", String.class))
                .as("invoices whose money does not add up to their total").isEmpty();
        assertThat(jdbc.queryForList("select i.invoice_number from invoice i where " + where.apply("i") + " and (i.paid <> "
                + "coalesce((select sum(a.amount) from payment_application a where a.partner_id = i.partner_id "
                + "and a.invoice_number = i.invoice_number), 0) or i.discount <> coalesce((select sum(a.discount) "
                + "from payment_application a where a.partner_id = i.partner_id and a.invoice_number = i.invoice_number), 0))",
                String.class)).as("invoices whose cash or discount is not the sum of their applications").isEmpty();
        assertThat(jdbc.queryForList("select p.trace_number from payment p where p.partner_id = '" + PARTNER + "' "
                + "and (p.applied + p.unapplied <> p.total or p.applied < 0 or p.unapplied < 0 or p.applied <> coalesce("
                + "(select sum(a.amount) from payment_application a where a.payment = p.id), 0))", String.class))
                .as("payments not applied or unapplied exactly once").isEmpty();
        assertThat(jdbc.queryForList("select i.invoice_number from invoice i where " + where.apply("i") + " and i.deducted <> "
                + "coalesce((select sum(coalesce(l.amount, 0) - l.decided_amount) from claim c join claim_line l "
                + "on l.claim = c.id where c.partner_id = i.partner_id and c.invoice_number = i.invoice_number "
                + "and c.source = 'DEDUCTION' and c.status in ('OPEN', 'SETTLING')), 0)", String.class))
                .as("invoices whose deductions are not what their open deduction claims hold").isEmpty();
        assertThat(jdbc.queryForList("select r.release_id from order_release r join purchase_order o on o.id = r.order_id "
                + "where " + where.apply("o") + " and r.status = 'CLOSED' and (exists (select 1 from invoice_overview i "
                + "where i.partner_id = r.partner_id and i.release_id = r.release_id and (i.open_balance <> 0 "
                + "or i.deducted <> 0)) or exists (select 1 from claim c where c.partner_id = r.partner_id "
                + "and c.release_id = r.release_id and c.status in ('OPEN', 'SETTLING')))", String.class))
                .as("closed releases with money open, deducted or claimed").isEmpty();
    }
}

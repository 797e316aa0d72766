package io.edihub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A test on the shared whole hub: every class carrying this annotation runs against the same Spring context, one
 * hub with one embedded PostgreSQL, Kafka broker and SFTP server (see docs/tests.md, "Whole-hub tests"). Nothing on
 * the class may change that context (no {@code @DynamicPropertySource}, {@code @TestPropertySource}, nested
 * {@code @TestConfiguration} or {@code @MockitoBean}): a test that needs another setup starts a hub of its own and
 * closes it after itself ({@code @DirtiesContext}).
 *
 * <p>The hub: the partners' HTTP users acme / acme-secret and globex / globex-secret, the operator olivia /
 * olivia-secret, a {@link TestClock} standing at 2026-11-20T08:00Z that a test may move (it is set back after each
 * test method), the SFTP inbound folders polled every 200 ms, the outbox every 100 ms and due releases every 200 ms,
 * a failed input parked 10 minutes after its first failure (on the hub's clock), documents up to 1 MiB.
 *
 * <p>The classes share the hub's data: each uses its own PO numbers, interchange control numbers and file names,
 * reads Kafka with a {@link KafkaTestClient} (which sees only what was published after it was made), and counts
 * rows, files and records of its own only; what it changes in the hub (a trigger, a stopped route) it undoes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "edihub.http.clients.acme=acme-secret",
    "edihub.http.clients.globex=globex-secret",
    "edihub.http.operators.olivia=olivia-secret",
    "edihub.sftp.poll-delay=200",
    "edihub.outbox.poll-delay=100",
    "edihub.releases.check-every=200",
    "edihub.dead-letters.park-after=PT10M",
    "edihub.intake.max-document-bytes=1048576",
    "edihub.intake.max-interchange-bytes=4194304",
    // against standard net 20, acme's net 30 concedes ten days: the contract statement has a value to show
    "edihub.cash.standard-net-days=20",
    // the shipments consumer's poll returns within half a second (Camel's default: 5 s): closing the hub waits for it
    "camel.component.kafka.poll-timeout-ms=500",
    // only OrderPolicyIT reads EDIFACT: it compiles the schema on first use rather than every start spending a core
    "edihub.edifact.warm-up=false"})
@ContextConfiguration(initializers = SharedHubServers.ForWholeHub.class)
@Import(TestClock.InHub.class)
@TestExecutionListeners(listeners = TestClockBackToStart.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@ExtendWith(HubsClosedWhenTheRunEnds.class)
public @interface WholeHubTest {
}

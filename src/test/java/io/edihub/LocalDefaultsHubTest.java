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
 * A test on the second shared hub, the one closest to the local run ({@code ./mvnw spring-boot:test-run}): the HTTP
 * users of the embedded defaults, the operator {@code operator} and globex with passwords generated into
 * {@code <data-dir>/http/credentials.properties} (only acme's is set, acme / acme-secret), and a clock that runs like
 * the real one, from 2026-11-20T08:00Z ({@link TestClock#running}), so that a PO's history has its times in the
 * order things happened and its dates do not depend on the day the build runs. The SFTP inbound folders are polled
 * every 100 ms. Every class carrying this annotation runs against the same Spring context; the rules of
 * {@link WholeHubTest} about setup and data hold here too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "edihub.http.clients.acme=acme-secret",
    "edihub.sftp.poll-delay=100",
    // closing the hub waits for the shipments consumer's poll under way: half a second, not Camel's 5 s
    "camel.component.kafka.poll-timeout-ms=500",
    "edihub.edifact.warm-up=false"})
@ContextConfiguration(initializers = SharedHubServers.ForLocalDefaults.class)
@Import(TestClock.RunningInHub.class)
@TestExecutionListeners(listeners = TestClockBackToStart.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@ExtendWith(HubsClosedWhenTheRunEnds.class)
public @interface LocalDefaultsHubTest {
}

package io.edihub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs({OS.LINUX, OS.MAC})
class EndsWithThisJvmTest {

    /** A JVM that starts a long sleep, has it watched, prints its pid and dies without any shutdown hook running. */
    public static final class DyingJvm {
        public static void main(String[] args) throws Exception {
            Process sleep = new ProcessBuilder("sleep", "600").start();
            EndsWithThisJvm.watch(sleep.pid(), "KILL");
            System.out.println(sleep.pid());
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    @Test
    void aProcessWhoseJvmDiesWithoutEndingItIsEndedAfterIt() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DyingJvm.class.getName()).redirectErrorStream(true).start();
        long sleep;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            sleep = Long.parseLong(out.readLine().trim());
        }
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();

        await().atMost(Duration.ofSeconds(15)).until(() -> ProcessHandle.of(sleep).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void aProcessEndedByItsJvmLeavesNoWatcher() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "600").start();
        EndsWithThisJvm.watch(sleep.pid(), "KILL");
        List<ProcessHandle> watchers = ProcessHandle.current().children().filter(p -> p.info().commandLine()
                .map(line -> line.contains("kill -0 " + sleep.pid() + " ")).orElse(false)).toList();
        assertThat(watchers).hasSize(1);

        sleep.destroy();
        sleep.waitFor(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(15)).until(() -> watchers.stream().noneMatch(ProcessHandle::isAlive));
    }
}

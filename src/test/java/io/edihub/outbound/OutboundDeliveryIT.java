package io.edihub.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edihub.WholeHubTest;
import io.edihub.local.LocalSftpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code deliverOutboundDocuments} route on the whole hub: a backlog of stored documents arrives in the
 * partner's {@code outbound/} once each, with its content, and no temporary name is left; a document whose file a
 * crash left renamed but unmarked is marked without being written again; one whose write a crash cut short is
 * written again and its temporary file is gone.
 */
@WholeHubTest
class OutboundDeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    OutboundDocuments documents;
    @Autowired
    LocalSftpServer sftpServer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aBacklogLargerThanABatchArrivesOnceEachWithItsContentAndNoTemporaryName() throws IOException {
        String run = "dlv" + UUID.randomUUID().toString().substring(0, 8);
        int count = 450;
        List<String> names = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                String name = "810-" + run + "-" + i + ".x12";
                names.add(name);
                documents.store("globex", "810", null, name, content(run, i), null, Instant.now());
            }
        });

        await("every document marked written").atMost(WAIT).until(() -> unwritten(run) == 0);

        Map<String, String> arrived = ofThisRun(outbound("globex"), run);
        assertThat(arrived.keySet()).containsExactlyInAnyOrderElementsOf(names);
        for (int i = 0; i < count; i++) {
            assertThat(arrived.get(names.get(i))).as(names.get(i)).isEqualTo(content(run, i));
        }
        assertThat(allNames(outbound("globex"))).as("temporary names in outbound/").noneMatch(n -> n.endsWith(".part"));
    }

    @Test
    void aFileWrittenBeforeACrashIsMarkedNotWrittenAgain() throws IOException {
        String run = "crash" + UUID.randomUUID().toString().substring(0, 8);
        String name = "810-" + run + ".x12";
        // the hub renamed the file into place and died before marking the document written
        Path file = outbound("globex").resolve(name);
        Files.writeString(file, content(run, 0));
        FileTime renamedAt = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(file, renamedAt);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            OutboundDocuments.Stored stored = documents.store("globex", "810", null, name, content(run, 0), null, Instant.now());
            jdbc.update("update outbound_document set delivery_attempted_at = now() where id = ?", stored.id());
        });

        await("the document marked written").atMost(WAIT).until(() -> unwritten(run) == 0);
        assertThat(Files.getLastModifiedTime(file)).as("the partner's file is not written a second time").isEqualTo(renamedAt);
        assertThat(Files.readString(file)).isEqualTo(content(run, 0));
        assertThat(allNames(outbound("globex"))).filteredOn(n -> n.contains(run)).containsExactly(name);
    }

    @Test
    void aWriteACrashCutShortIsWrittenAgainAndItsTemporaryNameRemoved() throws IOException {
        String run = "cut" + UUID.randomUUID().toString().substring(0, 8);
        String name = "810-" + run + ".x12";
        // the hub died half-way through writing the temporary file
        Files.writeString(outbound("globex").resolve(name + ".part"), "ISA*00*half");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            OutboundDocuments.Stored stored = documents.store("globex", "810", null, name, content(run, 0), null, Instant.now());
            jdbc.update("update outbound_document set delivery_attempted_at = now() where id = ?", stored.id());
        });

        await("the document marked written").atMost(WAIT).until(() -> unwritten(run) == 0);
        assertThat(Files.readString(outbound("globex").resolve(name))).isEqualTo(content(run, 0));
        assertThat(allNames(outbound("globex"))).filteredOn(n -> n.contains(run)).containsExactly(name);
    }

    private int unwritten(String run) {
        return jdbc.queryForObject("select count(*) from outbound_document where file_name like ? and written_at is null",
                Integer.class, "%" + run + "%");
    }

    private Path outbound(String partner) {
        return sftpServer.rootDirectory().resolve(partner).resolve("outbound");
    }

    private static String content(String run, int i) {
        return String.format(Locale.ROOT, "ISA*00*%s*%05d~ST*810*0001~BIG*20261120*%s-%d~SE*3*0001~IEA*1~%n", run, i, run, i);
    }

    private static Map<String, String> ofThisRun(Path folder, String run) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().contains(run)).collect(Collectors.toMap(
                    p -> p.getFileName().toString(), p -> {
                        try {
                            return Files.readString(p, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        }
    }

    private static List<String> allNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}

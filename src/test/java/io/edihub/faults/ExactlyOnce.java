package io.edihub.faults;

import io.edihub.KafkaTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the suites count at the end, what was sent against what the hub made of it: for each kind of effect, how
 * many were lost and how many happened twice. Both must be zero.
 */
final class ExactlyOnce {

    /** How the uploaded files ended. */
    record FileCounts(int archived, int inError, int acknowledged) {
    }

    /** How the releases were requested from fulfillment. */
    record Requests(int releases, int dispatched, int records, int ids, int keys) {
    }

    final Map<String, Integer> lost = new TreeMap<>();
    final Map<String, Integer> duplicated = new TreeMap<>();
    private final JdbcTemplate jdbc;

    ExactlyOnce(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every PO sent ({@code partner/po}) stored exactly once; returns how many were stored. */
    int orders(Set<String> sent) {
        List<String> stored = jdbc.queryForList("select partner_id || '/' || po_number from purchase_order", String.class);
        Map<String, Long> byKey = stored.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        lost.put("POs not stored", (int) sent.stream().filter(k -> !byKey.containsKey(k)).count());
        duplicated.put("POs stored twice", (int) byKey.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum());
        return byKey.size();
    }

    /** Each uploaded file moved once to archive/ or error/, answered by one 997, none left in inbound/. */
    FileCounts files(Path sftpRoot, List<String> partners, Set<String> uploaded) {
        Map<String, Integer> moved = new HashMap<>();
        int archived = 0;
        int inError = 0;
        for (String partner : partners) {
            Path root = sftpRoot.resolve(partner);
            for (Path file : list(root.resolve("archive"))) {
                archived++;
                moved.merge(withoutDocumentId(file), 1, Integer::sum);
            }
            for (Path file : list(root.resolve("error"))) {
                if (!file.getFileName().toString().endsWith(".error.txt")) {
                    inError++;
                    moved.merge(withoutDocumentId(file), 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> acks = new HashMap<>();
        jdbc.query("select i.file_name, count(*) from outbound_document o join inbound_document i on o.inbound_document_id = i.id "
                + "where o.kind like '%997%' and o.written_at is not null group by i.file_name",
                row -> {
                    acks.put(row.getString(1), row.getInt(2));
                });
        lost.put("files not moved out of inbound/", (int) uploaded.stream().filter(f -> !moved.containsKey(f)).count());
        lost.put("files without a 997", (int) uploaded.stream().filter(f -> !acks.containsKey(f)).count());
        duplicated.put("files moved twice", moved.values().stream().mapToInt(n -> n - 1).sum());
        duplicated.put("files with two 997s", acks.values().stream().mapToInt(n -> n - 1).sum());
        return new FileCounts(archived, inError, acks.size());
    }

    /**
     * Every document marked written for a partner's folder is in its {@code outbound/} under its own name, and no write a kill cut
     * short is left there under its temporary name (the partners' folders are named after them here).
     */
    void outboundDocuments(Path sftpRoot, List<String> partners) {
        int missing = 0;
        // the answers to inputs over HTTP went back in the HTTP response, not to outbound/
        for (Map<String, Object> written : jdbc.queryForList("select o.partner_id, o.file_name from outbound_document o "
                + "left join inbound_document i on i.id = o.inbound_document_id "
                + "where o.written_at is not null and (i.id is null or i.channel = 'SFTP')")) {
            Path file = sftpRoot.resolve((String) written.get("partner_id")).resolve("outbound")
                    .resolve((String) written.get("file_name"));
            if (!Files.isRegularFile(file)) {
                missing++;
            }
        }
        lost.put("documents marked written not in outbound/", missing);
        lost.put("documents left under a temporary name", (int) partners.stream()
                .flatMap(p -> list(sftpRoot.resolve(p).resolve("outbound")).stream())
                .filter(f -> f.getFileName().toString().endsWith(".part")).count());
    }

    /** One request id per release, every dispatched release requested, nothing requested that was not dispatched. */
    Requests releaseRequests(List<KafkaTestClient.Received> requests) {
        List<String> releases = jdbc.queryForList("select release_id from order_release", String.class);
        Set<String> dispatched = Set.copyOf(jdbc.queryForList("select release_id from order_release where status <> 'PLANNED'",
                String.class));
        Map<String, Set<String>> idsByRelease = byKey(requests, KafkaTestClient.Received::key, r -> r.headers().get("ce_id"));
        Map<String, Set<String>> releasesById = byKey(requests, r -> r.headers().get("ce_id"), KafkaTestClient.Received::key);
        Map<String, Set<String>> payloadsById = byKey(requests, r -> r.headers().get("ce_id"), KafkaTestClient.Received::value);
        lost.put("dispatched releases not requested", (int) dispatched.stream().filter(id -> !idsByRelease.containsKey(id)).count());
        duplicated.put("releases requested under two ids", extra(idsByRelease.values()));
        duplicated.put("request ids for two releases", extra(releasesById.values()));
        duplicated.put("request ids with two payloads", extra(payloadsById.values()));
        duplicated.put("requests of undispatched releases", (int) idsByRelease.keySet().stream().filter(id -> !dispatched.contains(id))
                .count());
        return new Requests(releases.size(), dispatched.size(), requests.size(), releasesById.size(), idsByRelease.size());
    }

    /** Each shipment sent applied once. */
    int shipments() {
        duplicated.put("shipments applied twice", count("select count(*) - count(distinct shipment_id) from shipment where status = 'APPLIED'"));
        return count("select count(distinct shipment_id) from shipment where status = 'APPLIED'");
    }

    int count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Integer.class, arguments);
    }

    static Map<String, Set<String>> byKey(Collection<KafkaTestClient.Received> records,
            Function<KafkaTestClient.Received, String> key, Function<KafkaTestClient.Received, String> value) {
        Map<String, Set<String>> grouped = new HashMap<>();
        records.forEach(r -> grouped.computeIfAbsent(key.apply(r), k -> new HashSet<>()).add(value.apply(r)));
        return grouped;
    }

    static int extra(Collection<Set<String>> groups) {
        return groups.stream().mapToInt(s -> s.size() - 1).sum();
    }

    static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(java.nio.file.Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hub stores a file as {@code <document id>-<name>}. */
    private static String withoutDocumentId(Path file) {
        return file.getFileName().toString().replaceFirst("^[0-9]+-", "");
    }
}

package io.edihub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one module, named in that module's {@code package-info.java} ("Owns the tables
 * {@code a}, {@code b}"), and only that module's code writes it; business modules read another module's
 * data through its Java API, never its tables. The operations modules ({@code ops}, {@code monitoring})
 * read across tables for timelines, overdue work and metrics, and never write them.
 *
 * <p>The check reads the SQL in the Java string literals of {@code src/main/java}: an {@code insert into},
 * {@code update} or {@code delete from} names the table written, a {@code from} or {@code join} one read.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/io/edihub");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Set<String> READ_ACROSS = Set.of("ops", "monitoring");

    private static final Pattern OWNS = Pattern.compile("Owns the tables? ((?:\\{@code [a-z_]+\\}(?:,\\s*|\\s+and\\s+)?)+)");
    private static final Pattern CODE = Pattern.compile("\\{@code ([a-z_]+)\\}");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\\\n])*)\"", Pattern.DOTALL);
    private static final Pattern STATEMENT = Pattern.compile("\\b(insert\\s+into|update|delete\\s+from|from|join)\\s+([a-z_]+)\\b");
    private static final Pattern CREATE_TABLE = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_]+)");

    @Test
    void everyTableHasOneOwningModule() {
        Map<String, String> owners = owners();
        Set<String> tables = tables();
        assertThat(tables).as("tables created by the migrations").isNotEmpty();
        assertThat(owners.keySet()).as("tables some package-info.java says it owns").containsAll(tables);
        assertThat(tables).as("owned tables that the migrations create").containsAll(owners.keySet());
    }

    @Test
    void onlyTheOwnerWritesATableAndBusinessModulesReadOnlyTheirOwn() {
        Map<String, String> owners = owners();
        List<String> violations = new ArrayList<>();
        forEachSource((module, file, sql) -> {
            Matcher statement = STATEMENT.matcher(sql);
            while (statement.find()) {
                String table = statement.group(2);
                String owner = owners.get(table);
                if (owner == null || owner.equals(module)) {
                    continue;
                }
                boolean write = !statement.group(1).equals("from") && !statement.group(1).equals("join");
                if (write || !READ_ACROSS.contains(module)) {
                    violations.add(module + "/" + file.getFileName() + " " + (write ? "writes" : "reads") + " " + table
                            + ", which belongs to " + owner);
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    private static Map<String, String> owners() {
        Map<String, String> owners = new HashMap<>();
        try (Stream<Path> infos = Files.list(SOURCES)) {
            for (Path info : infos.map(dir -> dir.resolve("package-info.java")).filter(Files::exists).toList()) {
                String module = info.getParent().getFileName().toString();
                // the Javadoc as one line: a sentence may wrap anywhere
                Matcher owns = OWNS.matcher(Files.readString(info).replaceAll("\\s*\\n\\s*\\*\\s*", " "));
                while (owns.find()) {
                    Matcher code = CODE.matcher(owns.group(1));
                    while (code.find()) {
                        String previous = owners.put(code.group(1), module);
                        assertThat(previous).as("owner of %s besides %s", code.group(1), module).isNull();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return owners;
    }

    private static Set<String> tables() {
        try (Stream<Path> migrations = Files.list(MIGRATIONS)) {
            return migrations.flatMap(file -> {
                try {
                    return CREATE_TABLE.matcher(Files.readString(file).toLowerCase()).results().map(m -> m.group(1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface SqlVisitor {
        void visit(String module, Path file, String sql);
    }

    private static void forEachSource(SqlVisitor visitor) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                Matcher literal = LITERAL.matcher(Files.readString(file));
                StringBuilder sql = new StringBuilder();
                while (literal.find()) {
                    sql.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append(' ');
                }
                visitor.visit(module, file, sql.toString().toLowerCase());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

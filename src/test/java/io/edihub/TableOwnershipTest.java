package io.edihub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
 * {@code a}, {@code b}"), and only that module's code reads or writes it; other modules use its data through its
 * Java API. What others need to read in SQL (the operations modules' timelines, overdue work and metrics) the
 * owner publishes as views over its own tables, named in its {@code package-info.java} too ("Publishes the views
 * {@code c}, {@code d}"): any module may read a view, none writes one.
 *
 * <p>The check reads the SQL in the Java string literals of {@code src/main/java}: an {@code insert into},
 * {@code update} or {@code delete from} names the table or view written, a {@code from} or {@code join} one read;
 * and the migrations' {@code create view} statements, whose {@code from} and {@code join} name what a view reads.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/io/edihub");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    private static final Pattern OWNS = Pattern.compile("Owns the tables? ((?:\\{@code [a-z_]+\\}(?:,\\s*|\\s+and\\s+)?)+)");
    private static final Pattern PUBLISHES = Pattern.compile("Publishes the views? ((?:\\{@code [a-z_]+\\}(?:,\\s*|\\s+and\\s+)?)+)");
    private static final Pattern CODE = Pattern.compile("\\{@code ([a-z_]+)\\}");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\\\n])*)\"", Pattern.DOTALL);
    private static final Pattern STATEMENT = Pattern.compile("\\b(insert\\s+into|update|delete\\s+from|from|join)\\s+([a-z_]+)\\b");
    private static final Pattern CREATE_TABLE = Pattern.compile("create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_]+)");
    private static final Pattern DROP_TABLE = Pattern.compile("drop\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_]+)");
    private static final Pattern CREATE_VIEW = Pattern.compile("create\\s+(?:or\\s+replace\\s+)?view\\s+([a-z_]+)(.*?);",
            Pattern.DOTALL);
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*");

    @Test
    void everyTableHasOneOwningModule() {
        Map<String, String> owners = owners();
        Set<String> tables = tables();
        assertThat(tables).as("tables created by the migrations").isNotEmpty();
        assertThat(owners.keySet()).as("tables some package-info.java says it owns").containsAll(tables);
        assertThat(tables).as("owned tables that the migrations create").containsAll(owners.keySet());
    }

    @Test
    void everyViewHasOnePublishingModule() {
        Map<String, String> publishers = publishers();
        Set<String> views = views().keySet();
        assertThat(views).as("views created by the migrations").isNotEmpty();
        assertThat(publishers.keySet()).as("views some package-info.java says it publishes").containsAll(views);
        assertThat(views).as("published views that the migrations create").containsAll(publishers.keySet());
        assertThat(views).as("views named like a table").doesNotContainAnyElementsOf(tables());
    }

    @Test
    void aViewReadsOnlyWhatItsPublisherOwns() {
        Map<String, String> owners = owners();
        Map<String, String> publishers = publishers();
        List<String> violations = new ArrayList<>();
        views().forEach((view, sql) -> {
            String publisher = publishers.getOrDefault(view, "no module");
            Matcher statement = STATEMENT.matcher(sql);
            while (statement.find()) {
                String read = statement.group(2);
                String owner = owners.containsKey(read) ? owners.get(read) : publishers.get(read);
                if (owner != null && !owner.equals(publisher)) {
                    violations.add("view " + view + " of " + publisher + " reads " + read + ", which belongs to " + owner);
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void aModuleReadsAndWritesOnlyItsOwnTablesAndReadsOthersThroughTheirViews() {
        Map<String, String> owners = owners();
        Map<String, String> publishers = publishers();
        List<String> violations = new ArrayList<>();
        forEachSource((module, file, sql) -> {
            Matcher statement = STATEMENT.matcher(sql);
            while (statement.find()) {
                String name = statement.group(2);
                boolean write = !statement.group(1).equals("from") && !statement.group(1).equals("join");
                if (publishers.containsKey(name)) {
                    if (write) {
                        violations.add(module + "/" + file.getFileName() + " writes the view " + name
                                + ", which is read-only: " + publishers.get(name) + " writes its tables");
                    }
                    continue;
                }
                String owner = owners.get(name);
                if (owner != null && !owner.equals(module)) {
                    violations.add(module + "/" + file.getFileName() + " " + (write ? "writes" : "reads") + " " + name
                            + ", which belongs to " + owner + (write ? "" : "; read a view " + owner + " publishes"));
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    /** The tables each module owns: table to module. */
    private static Map<String, String> owners() {
        return declared(OWNS, "owner");
    }

    /** The views each module publishes: view to module. */
    private static Map<String, String> publishers() {
        return declared(PUBLISHES, "publisher");
    }

    private static Map<String, String> declared(Pattern sentence, String role) {
        Map<String, String> modules = new HashMap<>();
        try (Stream<Path> infos = Files.list(SOURCES)) {
            for (Path info : infos.map(dir -> dir.resolve("package-info.java")).filter(Files::exists).toList()) {
                String module = info.getParent().getFileName().toString();
                // the Javadoc as one line: a sentence may wrap anywhere
                Matcher declared = sentence.matcher(Files.readString(info).replaceAll("\\s*\\n\\s*\\*\\s*", " "));
                while (declared.find()) {
                    Matcher code = CODE.matcher(declared.group(1));
                    while (code.find()) {
                        String previous = modules.put(code.group(1), module);
                        assertThat(previous).as("%s of %s besides %s", role, code.group(1), module).isNull();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    /** The tables the migrations leave: created, and not dropped by a later one. */
    private static Set<String> tables() {
        Set<String> tables = new java.util.HashSet<>();
        migrations().forEach(sql -> {
            CREATE_TABLE.matcher(sql).results().forEach(m -> tables.add(m.group(1)));
            DROP_TABLE.matcher(sql).results().forEach(m -> tables.remove(m.group(1)));
        });
        return tables;
    }

    /** The views the migrations create, each with its definition (a later {@code create or replace} wins). */
    private static Map<String, String> views() {
        Map<String, String> views = new HashMap<>();
        migrations().forEach(sql -> CREATE_VIEW.matcher(sql).results().forEach(m -> views.put(m.group(1), m.group(2))));
        return views;
    }

    /** Each migration's SQL in the order Flyway runs them, lower case, without comments. */
    private static Stream<String> migrations() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            List<Path> sorted = files.sorted(Comparator.comparingInt(TableOwnershipTest::version)).toList();
            List<String> sql = new ArrayList<>();
            for (Path file : sorted) {
                sql.add(Files.readString(file).toLowerCase().replaceAll("--[^\\n]*", ""));
            }
            return sql.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A versioned migration's version; repeatable ones ({@code R__}) run after all of them. */
    private static int version(Path migration) {
        Matcher version = VERSIONED.matcher(migration.getFileName().toString());
        return version.matches() ? Integer.parseInt(version.group(1)) : Integer.MAX_VALUE;
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

package io.edihub.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partner file's published schema: the shipped files pass it, editors find it, and a file that violates it
 * is refused with every violation named by file and key.
 */
class PartnerSchemaTest {

    private static final String INITECH = "id: initech\nx12:\n  isa-id: INITECH\n";

    @TempDir
    Path dir;

    private List<String> problems(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("initech.yaml"), yaml);
        PartnerConfigurationException refused = catchThrowableOfType(PartnerConfigurationException.class,
                () -> PartnerDirectory.load(dir));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.problems()).allSatisfy(problem -> assertThat(problem).startsWith(file + ": "));
        return refused.problems().stream().map(problem -> problem.substring((file + ": ").length())).toList();
    }

    @Test
    void theShippedPartnerFilesPassAndNameTheSchemaForEditors() throws IOException {
        PartnerSchema schema = PartnerSchema.load();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(Path.of("config/partners"))) {
            List<Path> shipped = files.sorted().toList();
            assertThat(shipped).extracting(file -> file.getFileName().toString()).contains("acme.yaml", "globex.yaml");
            for (Path file : shipped) {
                assertThat(schema.problems(yaml.readTree(file.toFile()))).as(file.toString()).isEmpty();
                String first = Files.readAllLines(file).get(0);
                assertThat(first).startsWith("# yaml-language-server: $schema=");
                Path named = file.getParent().resolve(first.substring(first.indexOf('=') + 1)).normalize();
                assertThat(named).as("the schema the editor is sent to").isEqualTo(Path.of("src/main/resources",
                        PartnerSchema.RESOURCE));
            }
        }
        assertThat(PartnerDirectory.load(Path.of("config/partners")).all()).hasSize(2);
    }

    @Test
    void theChartsExamplePartnerPasses() throws IOException {
        JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(Path.of("helm/edi-hub/ci/production-values.yaml")
                .toFile());
        for (Map.Entry<String, JsonNode> file : values.at("/partners/files").properties()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue().asText());
        }
        assertThat(PartnerDirectory.load(dir).byId("acme")).isPresent();
    }

    @Test
    void anUnknownKeyIsNamedWithTheKeysAllowedThere() throws IOException {
        assertThat(problems(INITECH.replace("isa-id", "isa-qualifer: ZZ\n  isa-id") + "acknowledgements:\n  ta1: ALWAYS\n"))
                .containsExactly(
                        "x12.isa-qualifer: unknown key; x12 takes isa-qualifier, isa-id, gs-id, group-ids",
                        "acknowledgements: unknown key; a partner file takes id, name, x12, edifact, sftp, acknowledgments, "
                                + "duplicate-window, releases, fulfillment, billing, priority, mode, claims, documents, "
                                + "watchdog, contract, invoicing, as2");
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() throws IOException {
        assertThat(problems(INITECH + "fulfillment:\n  ship-notice: sometimes\npriority: high\n")).containsExactly(
                "fulfillment.ship-notice: 'sometimes' is not true or false",
                "priority: 'high' is not a whole number");
        assertThat(problems("id: initech\nx12:\n  isa-qualifier: 01\n  isa-id: INITECH\n")).containsExactly(
                "x12.isa-qualifier: 1 is a number, expected a text (put it in quotes, e.g. \"1\")");
        assertThat(problems(INITECH + CONTRACT.replace("unit-price: 10.00", "unit-price: ten"))).containsExactly(
                "contract.prices[0].unit-price: 'ten' is not a number");
    }

    @Test
    void groupIdsAreAListOfGsIdsEachOnce() throws IOException {
        assertThat(problems(INITECH.replace("isa-id: INITECH", "isa-id: INITECH\n  group-ids: [INITECHPO, X]")))
                .containsExactly("x12.group-ids[1]: 'X' is not valid, expected 2 to 15 characters");
        assertThat(problems(INITECH.replace("isa-id: INITECH", "isa-id: INITECH\n  group-ids: [INITECHPO, INITECHPO]")))
                .containsExactly("x12.group-ids: a list is not valid, expected a list of at least one GS02 id, each once "
                        + "(no key at all takes any)");
    }

    @Test
    void aMissingRequiredKeyIsNamed() throws IOException {
        assertThat(problems(INITECH + CONTRACT.replace("  number: C-1\n", ""))).containsExactly(
                "contract.number: missing, but required");
        assertThat(problems("name: Initech\n")).containsExactly("id: missing, but required", "x12: missing, but required");
    }

    @Test
    void aValueOutsideItsListIsNamedWithTheValuesAllowed() throws IOException {
        assertThat(problems(INITECH + "acknowledgments:\n  ta1: SOMETIMES\n")).containsExactly(
                "acknowledgments.ta1: 'SOMETIMES' is not one of NEVER, WHEN_REQUESTED, ALWAYS");
    }

    @Test
    void aPaymentClockOutsideItsListIsNamedWithTheRulesAllowed() throws IOException {
        assertThat(problems(INITECH + """
                contract:
                  number: C-1
                  valid-from: 2026-01-01
                  valid-to: 2026-12-31
                  payment-terms:
                    due-from: DELIVERY
                    net-days: 30
                  prices:
                    - part: P-1
                      unit-price: 10.00
                """)).containsExactly("contract.payment-terms.due-from: 'DELIVERY' is not one of INVOICE, ACCEPTANCE, "
                + "LATER_OF_INVOICE_AND_ACCEPTANCE");
    }

    @Test
    void everyViolationOfAFileIsNamedAtOnceInTheOrderOfTheFile() throws IOException {
        assertThat(problems("""
                id: Initech
                x12:
                  isa-id: INITECH
                  isa-qualifier: ZZZ
                duplicate-window: 90 days
                priority: 12
                contract:
                  number: C-1
                  valid-from: 2026-02-30
                  valid-to: 2026-12-31
                  currency: usd
                  payment-terms:
                    net-days: 30
                    discount-percent: 2
                  prices:
                    - part: P-1
                      unit-price: -10.00
                """)).containsExactly(
                "id: 'Initech' is not valid, expected lower-case letters, digits and '-', at most 40",
                "x12.isa-qualifier: 'ZZZ' is not valid, expected 2 characters, e.g. ZZ or 01",
                "duplicate-window: '90 days' is not valid, expected a positive ISO-8601 duration such as P90D or PT36H",
                "priority: 12 is not valid, expected 1 (served first) to 9",
                "contract.valid-from: '2026-02-30' is not valid, expected a date as YYYY-MM-DD",
                "contract.currency: 'usd' is not valid, expected an ISO 4217 code such as USD",
                "contract.payment-terms: has a missing property 'discount-days' which is dependent required because "
                        + "'discount-percent' is present",
                "contract.prices[0].unit-price: -10.00 is not valid, expected a positive amount");
    }

    @Test
    void brokenFilesAreAllNamedAtOnce() throws IOException {
        Files.writeString(dir.resolve("acme.yaml"), "id: acme\nx12:\n  isa-id: ACME\npriority: 0\n");
        Files.writeString(dir.resolve("globex.yaml"), "id: globex\nx12:\n  isa-id: GLOBEX\n  gs-id: G\n");
        PartnerConfigurationException refused = catchThrowableOfType(PartnerConfigurationException.class,
                () -> PartnerDirectory.load(dir));
        assertThat(refused.problems()).containsExactly(
                dir.resolve("acme.yaml") + ": priority: 0 is not valid, expected 1 (served first) to 9",
                dir.resolve("globex.yaml") + ": x12.gs-id: 'G' is not valid, expected 2 to 15 characters");
        assertThat(refused).hasMessage(String.join(System.lineSeparator(), refused.problems()));
    }

    @Test
    void anEmptyBlockIsTheSameAsNone() throws IOException {
        Files.writeString(dir.resolve("initech.yaml"), INITECH + "billing:\n  # implicit-acceptance-after: P30D\n"
                + "watchdog:\n  held-order-after: off\n");
        PartnerProfile initech = PartnerDirectory.load(dir).byId("initech").orElseThrow();
        assertThat(initech.implicitAcceptanceAfter()).isNull();
        assertThat(initech.watchdog().heldOrder()).isEqualTo(PartnerProfile.Threshold.OFF);
    }

    private static final String CONTRACT = """
            contract:
              number: C-1
              valid-from: 2026-01-01
              valid-to: 2026-12-31
              prices:
                - part: P-1
                  unit-price: 10.00
            """;
}

package io.edihub.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart in helm/edi-hub, checked with Helm's own lint and template code (helm-java runs it in-process, so no
 * helm binary and no cluster): what Kubernetes would be given, and what a wrong values file gets told.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "edi-hub");
    private static final String RELEASE = "hub";
    private static final String FULLNAME = "hub-edi-hub";
    // the oldest Kubernetes the chart supports (Chart.yaml kubeVersion); Helm assumes an older one without a cluster
    private static final String KUBERNETES = "1.25.0";
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path temp;

    @Test
    void lintFindsNothingEvenWhenStrict() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    }

    @Test
    void theDefaultsRenderAProductionDeploymentOfTheHub() throws IOException {
        List<JsonNode> objects = render(UnaryOperator.identity());

        assertThat(kinds(objects)).containsExactlyInAnyOrder("ServiceAccount", "Service", "Deployment");
        JsonNode pod = deployment(objects).at("/spec/template/spec");
        JsonNode hub = pod.at("/containers/0");
        assertThat(hub.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(hub.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(hub.at("/startupProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(hub.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
        assertThat(hub.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(hub.at("/securityContext/allowPrivilegeEscalation").isBoolean()).isTrue();
        assertThat(hub.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(hub.at("/resources").isEmpty()).as("resources: {} by default").isTrue();

        assertThat(env(hub, "SPRING_PROFILES_ACTIVE").at("/value").asText()).isEqualTo("production");
        assertThat(env(hub, "EDIHUB_HTTP_ADDRESS").at("/value").asText()).isEqualTo("0.0.0.0");
        assertThat(env(hub, "EDIHUB_DB_PASSWORD").at("/valueFrom/secretKeyRef/name").asText())
                .isEqualTo("edi-hub-database");
        assertThat(env(hub, "EDIHUB_DB_USERNAME").at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("username");
        assertThat(env(hub, "EDIHUB_SFTP_PASSWORD").at("/valueFrom/secretKeyRef/name").asText())
                .isEqualTo("edi-hub-sftp");
        assertThat(env(hub, "EDIHUB_SFTP_KNOWN_HOSTS_FILE").at("/value").asText())
                .isEqualTo("/etc/edi-hub/sftp/known_hosts");
        assertThat(env(hub, "CAMEL_COMPONENT_KAFKA_SECURITY_PROTOCOL").at("/value").asText()).isEqualTo("PLAINTEXT");
        assertThat(envNames(hub)).doesNotContain("CAMEL_COMPONENT_KAFKA_SASL_JAAS_CONFIG");
        // no password is ever written into the Deployment itself
        assertThat(envNames(hub).stream().filter(name -> name.contains("PASSWORD") || name.contains("JAAS"))
                .map(name -> env(hub, name)).filter(variable -> variable.has("value"))).isEmpty();

        // the image's own routes and partner folder: nothing mounted over them
        assertThat(mountPaths(hub)).doesNotContain("/app/config/partners").noneMatch(path -> path.startsWith("/app/routes"));
    }

    @Test
    void selectorsHoldNoVersionSoAnUpgradeCanChangeIt() throws IOException {
        List<JsonNode> objects = render(template -> template
                .set("autoscaling.enabled", true).set("podDisruptionBudget.enabled", true));

        List<JsonNode> selectors = List.of(
                deployment(objects).at("/spec/selector/matchLabels"),
                only(objects, "Service").at("/spec/selector"),
                only(objects, "PodDisruptionBudget").at("/spec/selector/matchLabels"));
        for (JsonNode selector : selectors) {
            assertThat(fieldNames(selector))
                    .containsExactlyInAnyOrder("app.kubernetes.io/name", "app.kubernetes.io/instance");
        }
        JsonNode labels = deployment(objects).at("/metadata/labels");
        assertThat(labels.at("/helm.sh~1chart").asText()).isEqualTo("edi-hub-0.1.0");
        assertThat(labels.at("/app.kubernetes.io~1version").asText()).isNotEmpty();
    }

    @Test
    void theAutoscalerAndDisruptionBudgetAppearOnlyWhenAskedFor() throws IOException {
        assertThat(kinds(render(UnaryOperator.identity())))
                .doesNotContain("HorizontalPodAutoscaler", "PodDisruptionBudget");

        List<JsonNode> scaled = render(template -> template
                .set("autoscaling.enabled", true).set("autoscaling.maxReplicas", 4)
                .set("podDisruptionBudget.enabled", true));

        JsonNode autoscaler = only(scaled, "HorizontalPodAutoscaler");
        assertThat(autoscaler.at("/spec/scaleTargetRef/name").asText()).isEqualTo(FULLNAME);
        assertThat(autoscaler.at("/spec/maxReplicas").asInt()).isEqualTo(4);
        assertThat(only(scaled, "PodDisruptionBudget").at("/spec/maxUnavailable").asInt()).isEqualTo(1);
        // the autoscaler owns the replica count then
        assertThat(deployment(scaled).at("/spec").has("replicas")).isFalse();
    }

    static Stream<Path> ciValues() throws IOException {
        try (Stream<Path> files = Files.list(CHART.resolve("ci"))) {
            List<Path> found = files.filter(file -> file.getFileName().toString().endsWith("-values.yaml")).sorted()
                    .toList();
            assertThat(found).isNotEmpty();
            return found.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("ciValues")
    void everyCiValuesFileRenders(Path values) throws IOException {
        List<JsonNode> objects = render(template -> template.withValuesFile(values));

        JsonNode hub = deployment(objects).at("/spec/template/spec/containers/0");
        assertThat(hub.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(deployment(objects).at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(env(hub, "EDIHUB_DB_PASSWORD").at("/valueFrom/secretKeyRef/name").asText()).isNotEmpty();
    }

    @Test
    void aSecuredBrokerGetsItsCredentialsFromTheExistingSecret() throws IOException {
        List<JsonNode> objects = render(template -> template.withValuesFile(CHART.resolve("ci/production-values.yaml")));

        JsonNode pod = deployment(objects).at("/spec/template/spec");
        JsonNode hub = pod.at("/containers/0");
        assertThat(env(hub, "CAMEL_COMPONENT_KAFKA_SECURITY_PROTOCOL").at("/value").asText()).isEqualTo("SASL_SSL");
        assertThat(env(hub, "CAMEL_COMPONENT_KAFKA_SASL_MECHANISM").at("/value").asText()).isEqualTo("SCRAM-SHA-512");
        assertThat(env(hub, "CAMEL_COMPONENT_KAFKA_SASL_JAAS_CONFIG").at("/valueFrom/secretKeyRef").toString())
                .isEqualTo("{\"name\":\"edihub-kafka\",\"key\":\"sasl-jaas-config\"}");
        assertThat(env(hub, "CAMEL_COMPONENT_KAFKA_SSL_TRUSTSTORE_LOCATION").at("/value").asText())
                .isEqualTo("/etc/edi-hub/kafka/ca-truststore.p12");
        assertThat(env(hub, "CAMEL_COMPONENT_KAFKA_SSL_TRUSTSTORE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText())
                .isEqualTo("edihub-kafka");
        assertThat(envNames(hub)).doesNotContain("CAMEL_COMPONENT_KAFKA_SSL_KEYSTORE_LOCATION");
        assertThat(env(hub, "EDIHUB_SFTP_PASSWORD").at("/valueFrom/secretKeyRef").toString())
                .isEqualTo("{\"name\":\"edihub-sftp\",\"key\":\"sftp-password\"}");
        assertThat(hub.at("/envFrom").findValuesAsText("name")).containsExactly("edihub-http-users", "edihub-partner-sftp");
        assertThat(volume(pod, "kafka").at("/secret/secretName").asText()).isEqualTo("edihub-kafka");
        assertThat(volume(pod, "sftp").at("/secret/items").findValuesAsText("key"))
                .containsExactly("known_hosts");
    }

    @Test
    void partnerProfilesReplaceTheImagesFolderAndRouteFilesJoinTheImagesRoutes() throws IOException {
        List<JsonNode> objects = render(template -> template.withValuesFile(CHART.resolve("ci/production-values.yaml")));

        JsonNode partners = only(objects, "ConfigMap", FULLNAME + "-partners");
        assertThat(partners.at("/data/acme.yaml").asText()).contains("id: acme").contains("isa-id: ACMEFED");
        JsonNode routes = only(objects, "ConfigMap", FULLNAME + "-routes");
        assertThat(routes.at("/data/nightly-report.camel.yaml").asText()).contains("id: logNightlyHeartbeat");

        JsonNode pod = deployment(objects).at("/spec/template/spec");
        JsonNode hub = pod.at("/containers/0");
        assertThat(mountPaths(hub)).contains("/app/config/partners", "/app/routes/nightly-report.camel.yaml")
                .doesNotContain("/app/routes");
        assertThat(volume(pod, "partners").at("/configMap/name").asText()).isEqualTo(FULLNAME + "-partners");
        assertThat(env(hub, "EDIHUB_ROUTES").at("/value").asText()).isEqualTo("file:/app/routes/*.camel.yaml");
        assertThat(deployment(objects).at("/spec/template/metadata/annotations/checksum~1partners").asText())
                .hasSize(64);
    }

    @Test
    void aReplicaCountThatIsNotANumberIsRefusedNamingTheField() throws IOException {
        Path values = values("replicaCount: \"three\"\n");

        assertThatThrownBy(() -> render(template -> template.withValuesFile(values)))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("replicaCount");
    }

    @Test
    void aMissingDatabaseSecretIsRefusedNamingTheField() throws IOException {
        // null removes the chart's default: the values file leaves the Secret out altogether
        Path missing = values("database:\n  existingSecret: null\n");
        Path empty = values("database:\n  existingSecret: \"\"\n");

        for (Path values : List.of(missing, empty)) {
            assertThatThrownBy(() -> render(template -> template.withValuesFile(values)))
                    .hasMessageContaining("values don't meet the specifications of the schema")
                    .hasMessageContaining("database")
                    .hasMessageContaining("existingSecret");
        }
    }

    @Test
    void aMistypedKeyIsRefusedRatherThanIgnored() throws IOException {
        Path values = values("sftp:\n  hostname: sftp.example.com\n");

        assertThatThrownBy(() -> render(template -> template.withValuesFile(values)))
                .hasMessageContaining("hostname");
    }

    @Test
    void aSaslBrokerWithoutASecretIsRefusedNamingTheField() throws IOException {
        Path values = values("kafka:\n  securityProtocol: SASL_SSL\n  saslMechanism: PLAIN\n");

        assertThatThrownBy(() -> render(template -> template.withValuesFile(values)))
                .hasMessageContaining("kafka.existingSecret: name the Secret with the broker credentials");
    }

    @Test
    void theImageRunsAsTheUserAndWithTheFoldersTheChartExpects() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        JsonNode pod = deployment(render(UnaryOperator.identity())).at("/spec/template/spec");

        int user = pod.at("/securityContext/runAsUser").asInt();
        assertThat(dockerfile).contains("ARG UID=" + user).contains("USER ${UID}:${UID}")
                .contains("COPY routes/ /app/routes/").contains("COPY config/partners/ /app/config/partners/")
                .contains("COPY target/edi-hub.jar /app/edi-hub.jar");
        assertThat(pod.at("/securityContext/fsGroup").asInt()).isEqualTo(user);
    }

    private Path values(String yaml) throws IOException {
        Path file = Files.createTempFile(temp, "values-", ".yaml");
        return Files.writeString(file, yaml);
    }

    private static List<JsonNode> render(UnaryOperator<TemplateCommand> options) throws IOException {
        String manifests = options.apply(new Helm(CHART).template().withName(RELEASE).withNamespace("edi")
                .withKubeVersion(KUBERNETES)).call();
        List<JsonNode> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(manifests)) {
            while (documents.hasNext()) {
                JsonNode object = documents.next();
                if (object != null && object.has("kind")) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    private static List<String> kinds(List<JsonNode> objects) {
        return objects.stream().map(object -> object.get("kind").asText()).toList();
    }

    private static JsonNode deployment(List<JsonNode> objects) {
        return only(objects, "Deployment", FULLNAME);
    }

    private static JsonNode only(List<JsonNode> objects, String kind) {
        List<JsonNode> ofKind = objects.stream().filter(object -> object.get("kind").asText().equals(kind)).toList();
        assertThat(ofKind).as(kind).hasSize(1);
        return ofKind.get(0);
    }

    private static JsonNode only(List<JsonNode> objects, String kind, String name) {
        Optional<JsonNode> found = objects.stream().filter(object -> object.get("kind").asText().equals(kind))
                .filter(object -> object.at("/metadata/name").asText().equals(name)).findFirst();
        assertThat(found).as("%s %s in %s", kind, name, kinds(objects)).isPresent();
        return found.get();
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode variable : container.withArray("env")) {
            if (variable.get("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("no " + name + " in " + envNames(container));
    }

    private static List<String> envNames(JsonNode container) {
        List<String> names = new ArrayList<>();
        container.withArray("env").forEach(variable -> names.add(variable.get("name").asText()));
        return names;
    }

    private static List<String> mountPaths(JsonNode container) {
        return container.withArray("volumeMounts").findValuesAsText("mountPath");
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.withArray("volumes")) {
            if (volume.get("name").asText().equals(name)) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

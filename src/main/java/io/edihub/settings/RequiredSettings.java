package io.edihub.settings;

import io.edihub.partner.PartnerConfigurationException;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * What the hub needs from outside (everything, unless the local run's embedded servers supply it): the database, the Kafka brokers, the
 * SFTP server and its host key, and at least one operator. Each problem is a sentence naming the property
 * and the environment variable that sets it, so that one failed start tells the operator everything to fix.
 *
 * <p>Passwords that are empty or well-known defaults are refused only in the {@code production} profile:
 * without the profile the hub is also run against throw-away servers (the fault suite's PostgreSQL trusts its
 * local user and has no password).
 */
final class RequiredSettings {

    /** Passwords an attacker tries first; compared ignoring case. */
    static final Set<String> DEFAULT_PASSWORDS = Set.of("postgres", "changeme", "change-me", "change_me", "password",
            "secret", "admin", "edihub", "root", "test", "123456");

    static final String KAFKA = "camel.component.kafka.";
    private static final Set<String> SECURITY_PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

    private final Environment environment;
    private final boolean production;
    private final List<String> problems = new ArrayList<>();

    private RequiredSettings(Environment environment, boolean production) {
        this.environment = environment;
        this.production = production;
    }

    /** Every problem found, in the order of application.yaml; empty when the hub can start. */
    static List<String> problems(Environment environment, boolean production) {
        RequiredSettings check = new RequiredSettings(environment, production);
        check.database();
        check.kafka();
        check.sftp();
        check.httpUsers();
        check.partners();
        return List.copyOf(check.problems);
    }

    private void database() {
        String url = required("spring.datasource.url", "EDIHUB_DB_URL");
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            problems.add(named("spring.datasource.url", "EDIHUB_DB_URL") + " is not a jdbc:postgresql: URL: '" + url + "'");
        }
        required("spring.datasource.username", "EDIHUB_DB_USERNAME");
        if (production) {
            secret("spring.datasource.password", "EDIHUB_DB_PASSWORD");
        }
    }

    private void kafka() {
        String brokers = required("edihub.kafka.brokers", "EDIHUB_KAFKA_BROKERS");
        if (brokers != null) {
            for (String broker : brokers.split(",")) {
                if (!isHostAndPort(broker.trim())) {
                    problems.add(named("edihub.kafka.brokers", "EDIHUB_KAFKA_BROKERS")
                            + " is not a comma-separated list of host:port: '" + brokers + "'");
                    break;
                }
            }
        }
        String protocol = value(KAFKA + "security-protocol");
        if (protocol != null && !SECURITY_PROTOCOLS.contains(protocol)) {
            problems.add(named(KAFKA + "security-protocol", "CAMEL_COMPONENT_KAFKA_SECURITY_PROTOCOL")
                    + " is '" + protocol + "', not one of " + String.join(", ", new java.util.TreeSet<>(SECURITY_PROTOCOLS)));
        }
        if (protocol != null && protocol.startsWith("SASL_") && value(KAFKA + "sasl-jaas-config") == null) {
            problems.add(named(KAFKA + "sasl-jaas-config", "CAMEL_COMPONENT_KAFKA_SASL_JAAS_CONFIG")
                    + " is not set, but security-protocol is " + protocol);
        }
        readableFile(KAFKA + "ssl-truststore-location", "CAMEL_COMPONENT_KAFKA_SSL_TRUSTSTORE_LOCATION");
        readableFile(KAFKA + "ssl-keystore-location", "CAMEL_COMPONENT_KAFKA_SSL_KEYSTORE_LOCATION");
    }

    private void sftp() {
        required("edihub.sftp.host", "EDIHUB_SFTP_HOST");
        String port = required("edihub.sftp.port", "EDIHUB_SFTP_PORT");
        if (port != null && !isPort(port)) {
            problems.add(named("edihub.sftp.port", "EDIHUB_SFTP_PORT") + " is not a port number (1-65535): '" + port + "'");
        }
        required("edihub.sftp.username", "EDIHUB_SFTP_USERNAME");
        String password = value("edihub.sftp.password");
        String privateKeyFile = value("edihub.sftp.private-key-file");
        if (password == null && privateKeyFile == null) {
            problems.add("edihub.sftp.password (EDIHUB_SFTP_PASSWORD) or edihub.sftp.private-key-file "
                    + "(EDIHUB_SFTP_PRIVATE_KEY_FILE) must be set");
        }
        if (password != null && production && isDefaultPassword(password)) {
            problems.add(named("edihub.sftp.password", "EDIHUB_SFTP_PASSWORD") + " is a well-known default password");
        }
        readableFile("edihub.sftp.private-key-file", "EDIHUB_SFTP_PRIVATE_KEY_FILE");
        if (required("edihub.sftp.known-hosts-file", "EDIHUB_SFTP_KNOWN_HOSTS_FILE") != null) {
            readableFile("edihub.sftp.known-hosts-file", "EDIHUB_SFTP_KNOWN_HOSTS_FILE");
        }
    }

    private void httpUsers() {
        Map<String, String> operators = users("edihub.http.operators");
        if (operators.isEmpty()) {
            problems.add("no operator: set EDIHUB_HTTP_OPERATORS_<NAME> (edihub.http.operators.<name>) to the password "
                    + "of at least one operator");
        }
        operators.forEach((name, password) -> userPassword("edihub.http.operators", "EDIHUB_HTTP_OPERATORS_", name, password));
        users("edihub.http.clients").forEach((partner, password) ->
                userPassword("edihub.http.clients", "EDIHUB_HTTP_CLIENTS_", partner, password));
    }

    /** A broken partner file is reported with the rest rather than after the first connections. */
    private void partners() {
        String folder = required("edihub.partners-dir", "EDIHUB_PARTNERS_DIR");
        if (folder == null) {
            return;
        }
        try {
            PartnerDirectory partners = PartnerDirectory.load(Path.of(folder));
            if (partners.all().isEmpty() && production) {
                problems.add(named("edihub.partners-dir", "EDIHUB_PARTNERS_DIR") + " holds no partner profile: '" + folder + "'");
            }
            partners.all().stream().filter(p -> p.sftpServer() != null).forEach(this::partnerServer);
        } catch (PartnerConfigurationException e) {
            e.problems().forEach(problem -> problems.add(named("edihub.partners-dir", "EDIHUB_PARTNERS_DIR") + ": " + problem));
        }
    }

    private void userPassword(String prefix, String variablePrefix, String name, String password) {
        String property = named(prefix + "." + name, variablePrefix + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (!StringUtils.hasText(password)) {
            problems.add(property + " is empty");
        } else if (production && isDefaultPassword(password)) {
            problems.add(property + " is a well-known default password");
        }
    }

    private Map<String, String> users(String prefix) {
        return new TreeMap<>(Binder.get(environment).bind(prefix, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
    }

    /** A partner's own SFTP server: a password or a key to log in with, and the files it names readable. */
    private void partnerServer(PartnerProfile partner) {
        PartnerProfile.SftpServer server = partner.sftpServer();
        String where = "partner " + partner.id() + "'s own SFTP server (sftp.server in " + partner.id() + ".yaml)";
        if (server.privateKeyFile() == null && !StringUtils.hasText(environment.getProperty(partner.passwordVariable()))) {
            problems.add(where + " needs the password in " + partner.passwordVariable() + " or sftp.server.private-key-file");
        }
        if (server.privateKeyFile() != null && !Files.isReadable(Path.of(server.privateKeyFile()))) {
            problems.add(where + ": sftp.server.private-key-file names no readable file: '" + server.privateKeyFile() + "'");
        }
        if (!Files.isReadable(Path.of(server.knownHostsFile()))) {
            problems.add(where + ": sftp.server.known-hosts-file names no readable file: '" + server.knownHostsFile() + "'");
        }
    }

    /** The value if set and not blank, else null after noting the problem. */
    private String required(String property, String variable) {
        String value = value(property);
        if (value == null) {
            problems.add(named(property, variable) + " is not set");
        }
        return value;
    }

    private void secret(String property, String variable) {
        String value = required(property, variable);
        if (value != null && isDefaultPassword(value)) {
            problems.add(named(property, variable) + " is a well-known default password");
        }
    }

    private void readableFile(String property, String variable) {
        String file = value(property);
        if (file != null && !Files.isReadable(Path.of(file))) {
            problems.add(named(property, variable) + " names no readable file: '" + file + "'");
        }
    }

    /** Bound like the hub's own settings are, so that camelCase keys and environment variables count too. */
    private String value(String property) {
        String value = Binder.get(environment).bind(property, String.class).orElse(null);
        return StringUtils.hasText(value) ? value.trim() : null;
    }

    static boolean isDefaultPassword(String password) {
        return DEFAULT_PASSWORDS.contains(password.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean isHostAndPort(String broker) {
        int colon = broker.lastIndexOf(':');
        return colon > 0 && isPort(broker.substring(colon + 1));
    }

    private static boolean isPort(String port) {
        try {
            int number = Integer.parseInt(port.trim());
            return number >= 1 && number <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String named(String property, String variable) {
        return property + " (" + variable + ")";
    }
}

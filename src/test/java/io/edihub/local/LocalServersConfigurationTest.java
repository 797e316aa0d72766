package io.edihub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.springboot.KafkaComponentAutoConfiguration;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The package as the hub uses it: application.yaml, the environment post-processor from spring.factories,
 * and Camel routes whose {@code {{...}}} placeholders must see the ports and password the servers settled on.
 */
class LocalServersConfigurationTest {

    @TempDir
    Path workDir;

    @Test
    void camelReachesTheEmbeddedSftpServerAndKafkaBrokerThroughThePublishedProperties() throws Exception {
        Path partners = Files.createDirectories(workDir.resolve("partners"));
        Files.writeString(partners.resolve("acme.yaml"), "id: acme\nname: ACME Corp\nsftp:\n  account: acme\n  directory: acme\n");
        Files.writeString(partners.resolve("globex.yml"), "id: globex\n");

        // the hub's own routes need beans this minimal context does not have
        Files.createDirectories(workDir.resolve("no-routes"));
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(Hub.class)
                .web(WebApplicationType.NONE)
                .run("--edihub.data-dir=" + workDir.resolve("data"),
                        "--edihub.partners-dir=" + partners,
                        "--edihub.local.kafka.port=0",
                        "--edihub.local.postgres.port=0",
                        "--edihub.sftp.port=0",
                        "--camel.main.routes-include-pattern=file:" + workDir.resolve("no-routes") + "/*.camel.yaml",
                        "--camel.routecontroller.initial-delay=0")) {
            Environment environment = hub.getEnvironment();
            LocalSftpServer sftp = hub.getBean(LocalSftpServer.class);
            assertThat(sftp.port()).isEqualTo(environment.getProperty("edihub.sftp.port", Integer.class)).isNotZero();
            assertThat(hub.getBean(SftpConnectionInfo.class).password()).isEqualTo(environment.getProperty("edihub.sftp.password"));
            assertThat(sftp.rootDirectory().resolve("globex/error")).isDirectory();

            try (LocalSftpServerTest.Sftp acme = LocalSftpServerTest.Sftp.login(sftp.connectionFor("acme"))) {
                acme.channel.put(new ByteArrayInputStream("ISA*00*~".getBytes(StandardCharsets.US_ASCII)), "inbound/po-1.edi");
            }

            MockEndpoint received = hub.getBean(CamelContext.class).getEndpoint("mock:received", MockEndpoint.class);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(received.getReceivedCounter()).isEqualTo(1));
            assertThat(received.getReceivedExchanges().get(0).getMessage().getBody(String.class)).isEqualTo("ISA*00*~");
        }
    }

    @Test
    void theDataSourceAndCamelWaitForTheServers() throws Exception {
        // the hub's own routes need beans this minimal context does not have
        Files.createDirectories(workDir.resolve("no-routes"));
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(Hub.class)
                .web(WebApplicationType.NONE)
                .run("--edihub.data-dir=" + workDir.resolve("data"),
                        "--edihub.partners-dir=" + workDir.resolve("no-partners"),
                        "--edihub.local.kafka.port=0",
                        "--edihub.local.postgres.port=0",
                        "--edihub.sftp.port=0",
                        "--camel.main.routes-include-pattern=file:" + workDir.resolve("no-routes") + "/*.camel.yaml")) {
            int postgresPort = hub.getEnvironment().getProperty("edihub.local.postgres.port", Integer.class);
            assertThat(hub.getBean(DataSource.class)).isInstanceOfSatisfying(HikariDataSource.class, dataSource -> {
                assertThat(dataSource.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres");
                // spring.datasource.hikari.* from application.yaml is bound onto it
                assertThat(dataSource.getInitializationFailTimeout()).isEqualTo(60_000);
            });
            assertThat(hub.getBean(JdbcTemplate.class).queryForObject("select current_setting('port')", Integer.class))
                    .isEqualTo(postgresPort);
            assertThat(hub.getBeanFactory().getBeanDefinition("camelContext").getDependsOn())
                    .contains("localPostgres", "localKafkaBroker", "localSftpServer");
        }
    }

    @Test
    void noServerStartsWhenSwitchedOff() {
        new ApplicationContextRunner()
                .withUserConfiguration(LocalServersConfiguration.class)
                .withPropertyValues("edihub.local.enabled=false", "edihub.data-dir=" + workDir)
                .run(LocalServersConfigurationTest::assertNoServer);
        assertThat(workDir).isEmptyDirectory();
    }

    @Test
    void noServerStartsInTheProductionProfile() {
        new ApplicationContextRunner()
                .withUserConfiguration(LocalServersConfiguration.class)
                .withPropertyValues("edihub.data-dir=" + workDir)
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("production"))
                .run(LocalServersConfigurationTest::assertNoServer);
        assertThat(workDir).isEmptyDirectory();
    }

    private static void assertNoServer(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        assertThat(context).doesNotHaveBean(LocalPostgres.class);
        assertThat(context).doesNotHaveBean(LocalKafkaBroker.class);
        assertThat(context).doesNotHaveBean(LocalSftpServer.class);
        assertThat(context).doesNotHaveBean(LocalApiCredentials.class);
        assertThat(context).doesNotHaveBean(DataSource.class);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
            DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            CamelAutoConfiguration.class, KafkaComponentAutoConfiguration.class})
    @Import(LocalServersConfiguration.class)
    static class Hub {

        @Bean
        RouteBuilder sftpToKafka() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("sftp://{{edihub.sftp.host}}:{{edihub.sftp.port}}/acme/inbound"
                            + "?username={{edihub.sftp.username}}&password=RAW({{edihub.sftp.password}})"
                            + "&strictHostKeyChecking=yes&useUserKnownHostsFile=false"
                            + "&knownHostsFile={{edihub.sftp.known-hosts-file}}&delay=200&delete=true")
                            .routeId("receiveTestOrder")
                            .convertBodyTo(String.class)
                            .to("kafka:edihub.local.wiring");
                    // a poll that returns within half a second: closing the context waits for the one under way
                    from("kafka:edihub.local.wiring?groupId=local-wiring-test&autoOffsetReset=earliest&pollTimeoutMs=500")
                            .routeId("releaseTestOrder")
                            .to("mock:received");
                }
            };
        }
    }
}

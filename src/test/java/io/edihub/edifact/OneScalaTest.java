package io.edihub.edifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Smooks is an ordinary dependency: its Daffodil, built for Scala 2.12 only, loads from the class path like
 * everything else, and so does the tests' Kafka broker, Kafka's own Scala 2.12 build. A Scala 2.13 jar coming
 * back (a Kafka artifact with {@code _2.13}, say) would break one of them, so it is caught here.
 */
class OneScalaTest {

    @Test
    void smooksAndTheKafkaBrokerShareTheClassPathsOneScala212() throws Exception {
        ClassLoader classPath = OneScalaTest.class.getClassLoader();

        assertThat(scala.util.Properties.versionNumberString()).startsWith("2.12.");
        assertThat(Class.forName("org.apache.daffodil.japi.Daffodil", false, classPath).getClassLoader())
                .isSameAs(Class.forName("kafka.server.KafkaRaftServer", false, classPath).getClassLoader())
                .isSameAs(Class.forName("org.smooks.Smooks", false, classPath).getClassLoader());

        List<String> jars = Collections.list(classPath.getResources("META-INF/MANIFEST.MF")).stream().map(URL::toString).toList();
        assertThat(jars).anyMatch(jar -> jar.contains("daffodil-core_2.12")).anyMatch(jar -> jar.contains("kafka_2.12"))
                .noneMatch(jar -> jar.contains("_2.13"));
    }
}

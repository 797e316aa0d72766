package io.edihub.edifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Smooks really runs apart from the hub's classpath: its classes come from its own loader over the platform
 * loader, it sees Scala 2.12 where the hub sees Scala 2.13 (Kafka's), and it cannot see the hub's classes.
 */
class SmooksIsolationTest {

    @Test
    void smooksHasItsOwnClassLoaderWithScala212() throws Exception {
        ClassLoader isolated = SmooksRuntime.shared().classLoader();
        ClassLoader hub = EdifactOrdersReader.class.getClassLoader();

        Class<?> smooks = Class.forName("org.smooks.Smooks", false, isolated);
        assertThat(smooks.getClassLoader()).isSameAs(isolated).isNotSameAs(hub);
        assertThat(isolated.getParent()).isSameAs(ClassLoader.getPlatformClassLoader());
        assertThatThrownBy(() -> Class.forName("org.smooks.Smooks", false, hub)).isInstanceOf(ClassNotFoundException.class);

        Object smooksScala = Class.forName("scala.util.Properties", true, isolated).getMethod("versionNumberString").invoke(null);
        assertThat((String) smooksScala).startsWith("2.12.");
        assertThat(scala.util.Properties.versionNumberString()).startsWith("2.13.");
        assertThat(Class.forName("scala.util.Properties", false, isolated))
                .isNotSameAs(scala.util.Properties.class);
    }

    @Test
    void smooksCannotSeeTheHub() throws Exception {
        ClassLoader isolated = SmooksRuntime.shared().classLoader();

        assertThatThrownBy(() -> Class.forName("io.edihub.canonical.PurchaseOrder", false, isolated))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.kafka.common.KafkaException", false, isolated))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(Class.forName("org.apache.daffodil.japi.Daffodil", false, isolated).getClassLoader()).isSameAs(isolated);
    }
}

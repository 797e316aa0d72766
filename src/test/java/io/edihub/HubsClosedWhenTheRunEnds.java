package io.edihub;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Closes the shared hubs' Spring contexts when the test run ends, as JUnit finishes, instead of leaving the last one
 * to a JVM shutdown hook: there it would race the test runner, which ends a forked JVM that has not exited 30 seconds
 * after its tests, and an embedded PostgreSQL (a process of its own) would outlive the build. A context closed before
 * (Spring's cache holds one and closes the one it replaces) is not closed twice.
 */
final class HubsClosedWhenTheRunEnds implements AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HubsClosedWhenTheRunEnds.class);

    @Override
    public void afterAll(ExtensionContext context) {
        ApplicationContext hub;
        try {
            hub = SpringExtension.getApplicationContext(context);
        } catch (IllegalStateException didNotStart) {
            // SpringExtension reports that for the class; there is nothing to close
            return;
        }
        if (hub instanceof ConfigurableApplicationContext closeable) {
            context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Hubs.class, key -> new Hubs(), Hubs.class)
                    .contexts.add(closeable);
        }
    }

    /** Kept in JUnit's root store, which is closed once every test class has run. */
    private static final class Hubs implements ExtensionContext.Store.CloseableResource {

        private final Set<ConfigurableApplicationContext> contexts = Collections.synchronizedSet(
                Collections.newSetFromMap(new WeakHashMap<>()));

        @Override
        public void close() {
            synchronized (contexts) {
                contexts.forEach(ConfigurableApplicationContext::close);
                contexts.clear();
            }
        }
    }
}

package io.edihub;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The order of the test classes (junit-platform.properties): first those that start no Spring context (the unit
 * tests; the fault and scale suites, which start their own servers and hub processes), then the classes of the shared
 * hub ({@link WholeHubTest}), then those of the second shared hub ({@link LocalDefaultsHubTest}), then the classes
 * with a hub of their own; by name within each group. With the context cache holding one context
 * ({@code spring.test.context.cache.maxSize=1} in spring.properties), each hub is started once and closed when the
 * next one starts, so no more than one hub runs at any time on a two-core machine. No test depends on this order:
 * in any other order the hubs are only started more often.
 */
public final class OneHubAtATime implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt((ClassDescriptor c) -> group(c.getTestClass()))
                .thenComparing(c -> c.getTestClass().getName()));
    }

    static int group(Class<?> testClass) {
        if (AnnotatedElementUtils.hasAnnotation(testClass, WholeHubTest.class)) {
            return 1;
        }
        if (AnnotatedElementUtils.hasAnnotation(testClass, LocalDefaultsHubTest.class)) {
            return 2;
        }
        if (AnnotatedElementUtils.hasAnnotation(testClass, SpringBootTest.class)) {
            return 3;
        }
        return 0;
    }
}

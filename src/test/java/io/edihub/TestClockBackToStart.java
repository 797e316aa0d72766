package io.edihub;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Sets the shared hub's {@link TestClock} back to its start after each test method, so that a test that moved the
 * months along leaves the hub at the same day for the next one, whichever runs next.
 */
final class TestClockBackToStart implements TestExecutionListener {

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(TestClock.class).ifAvailable(TestClock::reset);
        }
    }
}

package org.callsign.testbed;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One {@link TwoDomains} for a test class: started before its first test, closed after its last, and, when a test
 * fails, the tail of every server's log printed to the test's output. Register as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TwoDomainsExtension testbed = new TwoDomainsExtension();
 * }</pre>
 */
public final class TwoDomainsExtension
        implements BeforeAllCallback, AfterAllCallback, TestWatcher, LifecycleMethodExecutionExceptionHandler {
    /** Log lines shown per server for a failed test. */
    public static final int TAIL_LINES = 60;

    private final TestbedOptions options;
    private TwoDomains domains;

    /** The two domains as they are. */
    public TwoDomainsExtension() {
        this(TestbedOptions.NONE);
    }

    /** The two domains with {@code options} (extra hosts, a local DNS server). */
    public TwoDomainsExtension(TestbedOptions options) {
        this.options = options;
    }

    /** The running testbed. */
    public TwoDomains get() {
        if (domains == null) {
            throw new IllegalStateException("the testbed is not running: register the extension on a static field");
        }
        return domains;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        domains = TwoDomains.start(context.getRequiredTestClass().getSimpleName(), options);
        System.out.println(
                "testbed: four servers ready in " + domains.startupTime().toMillis() + " ms, ports "
                        + domains.connectTo() + ", logs in " + domains.logDir());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (domains != null) {
            domains.close();
            domains = null;
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (domains != null) {
            System.err.println(
                    context.getDisplayName() + " failed; the servers' logs end with:\n" + domains.logTails(TAIL_LINES));
        }
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {}
}

package org.callsign.server.store;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the tests that need a real {@code redis-server} only where it is installed: elsewhere they are skipped with a
 * message that says so, except under CI ({@code CI=true}), where they run and fail, so that a CI machine without Redis
 * never passes by skipping. {@code @ExtendWith(RedisServerCondition.class)} on a test class (a {@code @QuarkusTest}
 * too, which is then not started); {@link LocalRedis} applies it by itself.
 */
public final class RedisServerCondition implements ExecutionCondition {

    /** The server binary looked for on the {@code PATH}. */
    public static final String BINARY = "redis-server";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (binary().isPresent()) {
            return ConditionEvaluationResult.enabled(BINARY + " found");
        }
        if (ci()) {
            return ConditionEvaluationResult.enabled(BINARY + " not installed but CI=true: the test runs and fails");
        }
        return ConditionEvaluationResult.disabled(
                BINARY + " not installed: install Debian's redis-server package to run this test");
    }

    /** The {@code redis-server} on the {@code PATH}, if any. */
    public static Optional<Path> binary() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, BINARY);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether the tests run under CI, where a missing server is a failure. */
    static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }
}

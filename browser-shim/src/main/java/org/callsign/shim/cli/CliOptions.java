package org.callsign.shim.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags of one {@code shim} command: {@code --name value} pairs (repeatable where the command says so)
 * and boolean switches. Anything else is a {@link UsageException}.
 */
final class CliOptions {
    private final Map<String, List<String>> values = new HashMap<>();
    private final Set<String> switches;

    private CliOptions(Set<String> switches) {
        this.switches = switches;
    }

    /**
     * @param valued flags that take a value
     * @param repeatable those of {@code valued} that may be given more than once
     * @param switchFlags flags without a value
     */
    static CliOptions parse(List<String> args, Set<String> valued, Set<String> repeatable, Set<String> switchFlags)
            throws UsageException {
        CliOptions options = new CliOptions(switchFlags);
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (switchFlags.contains(flag)) {
                options.values.computeIfAbsent(flag, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(flag)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(flag + " needs a value");
                }
                List<String> list = options.values.computeIfAbsent(flag, k -> new ArrayList<>());
                if (!list.isEmpty() && !repeatable.contains(flag)) {
                    throw new UsageException(flag + " may be given only once");
                }
                list.add(args.get(++i));
            } else {
                throw new UsageException("unknown option: " + flag);
            }
        }
        return options;
    }

    String required(String flag) throws UsageException {
        String value = optional(flag);
        if (value == null) {
            throw new UsageException(flag + " is required");
        }
        return value;
    }

    String optional(String flag) {
        List<String> list = values.get(flag);
        return list == null ? null : list.get(0);
    }

    List<String> all(String flag) {
        return values.getOrDefault(flag, List.of());
    }

    boolean has(String flag) {
        return switches.contains(flag) && values.containsKey(flag);
    }

    int intValue(String flag, int fallback, int min, int max) throws UsageException {
        String value = optional(flag);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new UsageException(flag + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a number: " + value);
        }
    }
}

package org.callsign.benchmarks.sandbox;

import org.graalvm.polyglot.Engine;

/** Which JDK and which Truffle runtime measure: on a stock JDK without JVMCI the runtime is {@code Interpreted}. */
public final class RuntimeInfo {
    private RuntimeInfo() {}

    public static String describe() {
        try (Engine engine = Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                .build()) {
            return "JDK " + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name")
                    + "), Truffle runtime: " + engine.getImplementationName();
        }
    }
}

package org.callsign.benchmarks.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HeapProbeTest {
    private static final String G1 =
            """
            9342:
             garbage-first heap   total 397312K, used 18274K [0x0000000687400000, 0x0000000800000000)
              region size 4096K, 4 young (16384K), 0 survivors (0K)
             Metaspace       used 8943K, committed 9088K, reserved 1114112K
              class space    used 1062K, committed 1152K, reserved 1048576K
            """;
    // The JVM's choice on one processor: a young and a tenured generation, each with its own "used".
    private static final String SERIAL =
            """
            9210:
             def new generation   total 116160K, used 20659K [0x0000000687400000, 0x000000068f200000)
              eden space 103296K,  20% used [0x0000000687400000, 0x000000068882cef8, 0x000000068d8e0000)
              from space 12864K,   0% used [0x000000068d8e0000, 0x000000068d8e0000, 0x000000068e570000)
              to   space 12864K,   0% used [0x000000068e570000, 0x000000068e570000, 0x000000068f200000)
             tenured generation   total 258048K, used 4100K [0x0000000704d50000, 0x0000000714950000)
               the space 258048K,   1% used [0x0000000704d50000, 0x0000000704d50000, 0x0000000714950000)
             Metaspace       used 8963K, committed 9152K, reserved 1114112K
              class space    used 1062K, committed 1152K, reserved 1048576K
            """;

    private static final String G1_JDK25 =
            """
            2083:
            garbage-first heap   total reserved 6172672K, committed 393216K, used 10777K [0x0000000687400000)
             region size 4096K, 3 young (12288K), 1 survivors (4096K)
            """;
    private static final String SERIAL_JDK25 =
            """
            2246:
            DefNew     total 116160K, used 8263K [0x0000000687400000, 0x000000068f200000, 0x0000000704d50000)
             eden space 103296K,   8% used [0x0000000687400000, 0x0000000687c11ef0, 0x000000068d8e0000)
             from space 12864K,   0% used [0x000000068d8e0000, 0x000000068d8e0000, 0x000000068e570000)
             to   space 12864K,   0% used [0x000000068e570000, 0x000000068e570000, 0x000000068f200000)
            Tenured    total 258048K, used 1166K [0x0000000704d50000, 0x0000000714950000, 0x0000000800000000)
             the  space 258048K,   0% used [0x0000000704d50000, 0x0000000704e73ab8, 0x0000000714950000)
            """;

    static Stream<Arguments> outputs() {
        return Stream.of(
                Arguments.of("G1 on JDK 17 counts its one heap line", G1, 18274),
                Arguments.of("Serial on JDK 17 adds its generations", SERIAL, 24759),
                Arguments.of("G1 on JDK 25 reads used after reserved and committed", G1_JDK25, 10777),
                Arguments.of("Serial on JDK 25 adds DefNew and Tenured", SERIAL_JDK25, 9429));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void readsTheUsedHeapWhateverTheCollectorAndJdk(String name, String output, long expectedKiB) {
        assertEquals(expectedKiB, HeapProbe.usedKiB(output));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"metaspace only, ' Metaspace       used 8963K, committed 9152K, reserved 1114112K'", "nothing, ''"})
    void refusesOutputWithoutAHeapFigure(String what, String output) {
        assertEquals(
                "no heap figure in jcmd GC.heap_info",
                assertThrows(IllegalStateException.class, () -> HeapProbe.usedKiB(output))
                        .getMessage());
    }
}

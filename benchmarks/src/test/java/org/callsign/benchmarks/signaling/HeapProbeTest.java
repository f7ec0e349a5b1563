package org.callsign.benchmarks.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "{0}")
    @CsvSource({"G1 counts its one heap line, 18274", "Serial adds its generations, 24759"})
    void readsTheUsedHeapWhateverTheCollector(String collector, long expectedKiB) {
        assertEquals(expectedKiB, HeapProbe.usedKiB(collector.startsWith("G1") ? G1 : SERIAL));
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

package org.callsign.server.ready;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadyFileTest {
    @TempDir
    Path temp;

    @Test
    void formatsPidThenPortsSortedByScheme() {
        ReadyFile ready = new ReadyFile(4242, new TreeMap<>(Map.of("https", 8443, "http", 8080)));
        assertEquals("pid=4242\nhttp=8080\nhttps=8443\n", ready.format());
    }

    @Test
    void parsesWhatItFormats() {
        ReadyFile ready = new ReadyFile(4242, new TreeMap<>(Map.of("https", 8443, "management", 9000)));
        assertEquals(ready, ReadyFile.parse(ready.format()));
    }

    @Test
    void parsesAFileWithoutPorts() {
        assertEquals(new ReadyFile(7, new TreeMap<>()), ReadyFile.parse("pid=7\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "empty                         | ''                            | empty",
                "no newline at the end         | pid=1                         | no newline at the end",
                "no pid                        | https=8443\\n                 | no pid",
                "a line without =              | pid=1\\nhttps\\n              | line 2 is not key=number",
                "a value that is not a number  | pid=one\\n                    | line 1 is not key=number",
                "a negative port               | pid=1\\nhttps=-1\\n           | line 2 is not key=number",
                "a blank line                  | pid=1\\n\\nhttps=8443\\n      | line 2 is not key=number",
                "carriage returns              | pid=1\\r\\n                   | line 1 is not key=number",
                "a repeated pid                | pid=1\\npid=2\\n              | line 2 repeats pid",
                "a repeated port               | pid=1\\nhttps=1\\nhttps=2\\n  | line 3 repeats https",
                "pid zero                      | pid=0\\n                      | not a process id: 0",
                "port zero                     | pid=1\\nhttps=0\\n            | not a port (1 to 65535): https=0",
                "a port above 65535            | pid=1\\nhttps=65536\\n        | not a port (1 to 65535): https=65536",
                "an upper-case scheme          | pid=1\\nHTTPS=8443\\n         | not a server name: HTTPS",
                "an empty key                  | pid=1\\n=8443\\n              | not a server name:",
            })
    void refusesGarbage(String what, String text, String message) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ReadyFile.parse(text.replace("\\n", "\n").replace("\\r", "\r")));
        assertEquals(message, e.getMessage().strip());
    }

    @Test
    void readsTheFileOfTheExpectedProcess() throws IOException {
        Path file = temp.resolve("service.ready");
        Files.writeString(file, "pid=4242\nhttps=8443\n");
        assertEquals(
                Optional.of(new ReadyFile(4242, new TreeMap<>(Map.of("https", 8443)))),
                ReadyFile.readWrittenBy(file, 4242));
    }

    @Test
    void readsNothingWhileThereIsNoFile() throws IOException {
        assertEquals(Optional.empty(), ReadyFile.readWrittenBy(temp.resolve("service.ready"), 4242));
    }

    @Test
    void refusesTheFileOfAnotherProcess() throws IOException {
        Path file = temp.resolve("service.ready");
        Files.writeString(file, "pid=1111\nhttps=8443\n");
        IOException e = assertThrows(IOException.class, () -> ReadyFile.readWrittenBy(file, 4242));
        assertEquals(file + ": written by process 1111, not 4242", e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotAReadyFile() throws IOException {
        Path file = temp.resolve("service.ready");
        Files.writeString(file, "{\"pid\": 4242}\n");
        IOException e = assertThrows(IOException.class, () -> ReadyFile.readWrittenBy(file, 4242));
        assertEquals(file + ": not a ready file: line 1 is not key=number", e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotAscii() throws IOException {
        Path file = temp.resolve("service.ready");
        Files.writeString(file, "pid=4242\nhttps=8443 ✓\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ReadyFile.readWrittenBy(file, 4242));
        assertEquals(file + ": not a ready file: not ASCII", e.getMessage());
    }

    @Test
    void refusesAFileLargerThanTheLimitWithoutReadingIt() throws IOException {
        Path file = temp.resolve("service.ready");
        Files.writeString(file, "pid=4242\n" + "x".repeat(ReadyFile.MAX_BYTES));
        IOException e = assertThrows(IOException.class, () -> ReadyFile.readWrittenBy(file, 4242));
        assertEquals(file + ": larger than " + ReadyFile.MAX_BYTES + " bytes", e.getMessage());
    }
}

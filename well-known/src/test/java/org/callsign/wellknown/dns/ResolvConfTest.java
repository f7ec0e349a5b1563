package org.callsign.wellknown.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolvConfTest {
    @Test
    void readsIpv4AndIpv6NameserversOnPort53() {
        List<InetSocketAddress> servers = ResolvConf.parse(List.of(
                "# generated",
                "search example.org",
                "nameserver 192.0.2.53",
                "  nameserver\t2001:db8::53   # comment",
                "options edns0"));
        assertEquals(
                List.of(new InetSocketAddress("192.0.2.53", 53), new InetSocketAddress("2001:db8::53", 53)), servers);
    }

    @Test
    void skipsCommentsHostNamesAndBadAddresses() {
        List<InetSocketAddress> servers = ResolvConf.parse(List.of(
                "#nameserver 192.0.2.1",
                "; nameserver 192.0.2.2",
                "nameserver dns.example",
                "nameserver 256.1.1.1",
                "nameserver",
                "nameserver 192.0.2.3"));
        assertEquals(List.of(new InetSocketAddress("192.0.2.3", 53)), servers);
    }

    @Test
    void keepsAtMostThreeServersAsTheCLibraryDoes() {
        List<InetSocketAddress> servers = ResolvConf.parse(List.of(
                "nameserver 192.0.2.1", "nameserver 192.0.2.2", "nameserver 192.0.2.3", "nameserver 192.0.2.4"));
        assertEquals(3, servers.size());
        assertEquals(new InetSocketAddress("192.0.2.3", 53), servers.get(2));
    }

    @Test
    void refusesAFileWithoutNameserver(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("resolv.conf"), "search example.org\n");
        IOException e = assertThrows(IOException.class, () -> ResolvConf.nameservers(file));
        assertTrue(e.getMessage().contains("no usable nameserver line"), e.getMessage());
    }
}

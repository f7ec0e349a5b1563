package org.callsign.signaling.discovery.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.callsign.wellknown.dns.DnsException;
import org.callsign.wellknown.dns.DnsFailure;
import org.callsign.wellknown.dns.SrvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The SRV fallback's reading of DNS answers: the preferred record's origin, "no service", no records, DNS failures. */
class DnsServiceRecordsTest {

    @Test
    void thePreferredRecordGivesTheOrigin() throws DiscoveryException {
        List<String> asked = new java.util.ArrayList<>();
        DnsServiceRecords records = new DnsServiceRecords(name -> {
            asked.add(name);
            return List.of(
                    new SrvRecord(10, 5, 8443, "sig-b.test", Duration.ofMinutes(5)),
                    new SrvRecord(20, 5, 443, "backup.test", Duration.ofMinutes(5)));
        });
        assertEquals(Optional.of("https://sig-b.test:8443"), records.origin("idp-b.test"));
        assertEquals(List.of("_callsign._tcp.idp-b.test"), asked);
    }

    @Test
    void theDefaultPortIsLeftOut() throws DiscoveryException {
        DnsServiceRecords records =
                new DnsServiceRecords(name -> List.of(new SrvRecord(0, 0, 443, "sig-b.test", Duration.ofMinutes(5))));
        assertEquals(Optional.of("https://sig-b.test"), records.origin("idp-b.test:443"));
    }

    @Test
    void aRecordSayingNoServiceIsNoSignalingServer() {
        DnsServiceRecords records = new DnsServiceRecords(name -> List.of(new SrvRecord(0, 0, 0, ".", Duration.ZERO)));
        DiscoveryException e = assertThrows(DiscoveryException.class, () -> records.origin("idp-b.test"));
        assertEquals(DiscoveryFailure.NO_SIGNALING_SERVER, e.failure());
    }

    @ParameterizedTest
    @EnumSource(
            value = DnsFailure.class,
            names = {"NO_SUCH_DOMAIN", "NO_RECORDS", "INVALID_NAME"})
    void noSuchRecordIsNoAnswer(DnsFailure failure) throws DiscoveryException {
        DnsServiceRecords records = new DnsServiceRecords(name -> {
            throw new DnsException(failure, name, "scripted");
        });
        assertEquals(Optional.empty(), records.origin("idp-b.test"));
    }

    @ParameterizedTest
    @EnumSource(
            value = DnsFailure.class,
            names = {"TIMEOUT", "SERVER_FAILURE", "REFUSED", "MALFORMED_RESPONSE", "NETWORK_ERROR"})
    void aDnsFailureIsServerUnreachable(DnsFailure failure) {
        DnsServiceRecords records = new DnsServiceRecords(name -> {
            throw new DnsException(failure, name, "scripted");
        });
        DiscoveryException e = assertThrows(DiscoveryException.class, () -> records.origin("idp-b.test"));
        assertEquals(DiscoveryFailure.SERVER_UNREACHABLE, e.failure());
    }
}

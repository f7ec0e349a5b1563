package org.callsign.wellknown.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            93.184.215.14            | public
            2606:4700::1111          | public
            127.0.0.1                | loopback
            127.8.9.10               | loopback
            ::1                      | loopback
            10.1.2.3                 | private
            172.16.0.1               | private
            172.31.255.255           | private
            192.168.1.1              | private
            100.64.0.1               | private
            198.18.0.1               | private
            fd00::1                  | private
            fec0::1                  | private
            169.254.169.254          | link-local
            fe80::1                  | link-local
            0.0.0.0                  | unspecified
            ::                       | unspecified
            0.1.2.3                  | reserved
            240.0.0.1                | reserved
            255.255.255.255          | reserved
            224.0.0.1                | multicast
            ff02::1                  | multicast
            ::ffff:127.0.0.1         | loopback
            ::ffff:169.254.169.254   | link-local
            ::10.0.0.1               | private
            64:ff9b::a9fe:a9fe       | link-local
            64:ff9b::5db8:d70e       | public
            """)
    void classifiesAddresses(String literal, String category) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        assertEquals(category, AddressPolicy.category(AddressPolicy.embeddedIpv4(address)));
        Optional<String> expected = category.equals("public") ? Optional.empty() : Optional.of(category);
        assertEquals(expected, AddressPolicy.PUBLIC_ONLY.refusal(address));
    }

    @ParameterizedTest(name = "{0} under loopback={1} private={2} link-local={3}: allowed={4}")
    @CsvSource({
        "127.0.0.1, true, false, false, true",
        "127.0.0.1, false, true, true, false",
        "10.0.0.1, false, true, false, true",
        "10.0.0.1, true, false, false, false",
        "169.254.169.254, false, false, true, true",
        "169.254.169.254, true, true, false, false",
        "0.0.0.0, true, true, true, false",
        "224.0.0.1, true, true, true, false"
    })
    void optInsAllowOnlyTheirCategory(
            String literal, boolean loopback, boolean priv, boolean linkLocal, boolean allowed) throws Exception {
        AddressPolicy policy = new AddressPolicy(loopback, priv, linkLocal);
        assertEquals(allowed, policy.refusal(InetAddress.getByName(literal)).isEmpty());
    }
}

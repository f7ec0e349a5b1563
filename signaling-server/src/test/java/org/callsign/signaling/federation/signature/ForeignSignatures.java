package org.callsign.signaling.federation.signature;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Tokens signed with algorithms a federation request must not use, whatever their header says. */
final class ForeignSignatures {

    private ForeignSignatures() {}

    /** {@code alg} ({@code HS256}, {@code HS384}, {@code HS512}) keyed with {@code secret}'s UTF-8 bytes. */
    static String hmac(String alg, Map<String, Object> header, Map<String, Object> claims, String secret)
            throws Exception {
        header.put("alg", alg);
        String input = input(header, claims);
        String javaName = "Hmac" + alg.replace("HS", "SHA");
        Mac mac = Mac.getInstance(javaName);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), javaName));
        return input + "." + encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** RS256 with a fresh 2048-bit RSA key. */
    static String rs256(Map<String, Object> header, Map<String, Object> claims) throws Exception {
        header.put("alg", "RS256");
        String input = input(header, claims);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(generator.generateKeyPair().getPrivate());
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + encode(rsa.sign());
    }

    private static String input(Map<String, Object> header, Map<String, Object> claims) {
        return FederationFixture.part(JSONObjectUtils.toJSONString(header)) + "."
                + FederationFixture.part(JSONObjectUtils.toJSONString(claims));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

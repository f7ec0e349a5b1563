package org.callsign.signaling.push.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.callsign.signaling.push.store.PushSubscription;
import org.callsign.signaling.push.store.PushType;
import org.junit.jupiter.api.Test;

/**
 * The push sender's threads share one {@link PushRequests}: every payload encrypted and every VAPID token signed
 * while other threads do the same must still be what the user agent decrypts and the push service verifies. The user
 * agent's side (RFC 8291 §3.4 decryption, RFC 8292 token check) is written out here, apart from the library that
 * encrypts and signs.
 */
class PushRequestsConcurrencyTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 300;
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void payloadsEncryptedOnSeveralThreadsAtOnceAllDecrypt() throws Exception {
        KeyPair userAgent = p256();
        byte[] auth = new byte[16];
        Arrays.fill(auth, (byte) 7);
        byte[] uaPublic = UserAgentKeys.uncompressed((ECPublicKey) userAgent.getPublic());
        PushSubscription subscription =
                subscription("https://push.example.net/s", UserAgentKeys.encode(uaPublic), UserAgentKeys.encode(auth));
        PushRequests requests = new PushRequests(VapidKeys.generated(), Optional.empty());
        CallNotification notification =
                new CallNotification(CallNotification.Kind.INCOMING_CALL, "c4ll", null, NOW.plusSeconds(45));
        String expected = new String(PushPayload.of(notification).toBytes(), StandardCharsets.UTF_8);

        List<String> decrypted = onThreads(() -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                mine.add(decrypt(requests.encrypt(subscription, notification), userAgent, uaPublic, auth));
            }
            return mine;
        });

        assertEquals(THREADS * ROUNDS, decrypted.size());
        assertTrue(decrypted.stream().allMatch(expected::equals), "every payload decrypts to the notification");
    }

    @Test
    void tokensSignedOnSeveralThreadsAtOnceAllVerify() throws Exception {
        VapidKeys keys = VapidKeys.generated();
        PushRequests requests = new PushRequests(keys, Optional.of("mailto:owner@example.org"));
        PublicKey vapid = publicKey(Base64.getUrlDecoder().decode(keys.publicKey()));
        CallNotification notification =
                new CallNotification(CallNotification.Kind.MISSED_CALL, "c4ll", null, NOW.plusSeconds(45));

        List<String> tokens = onThreads(() -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < ROUNDS / 10; i++) {
                // A new push service origin each time: no token is reused, each is signed now.
                PushSubscription to = subscription(
                        "https://p" + Thread.currentThread().getId() + "-" + i + ".example.net/s",
                        UserAgentKeys.p256dh(),
                        UserAgentKeys.auth());
                String header = requests.request(to, notification, new byte[] {1}, NOW)
                        .headers()
                        .get("Authorization");
                mine.add(header.substring("vapid t=".length(), header.indexOf(',')));
            }
            return mine;
        });

        for (String token : tokens) {
            String[] parts = token.split("\\.");
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(vapid);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])), "the token verifies: " + token);
        }
        assertEquals(THREADS * (ROUNDS / 10), tokens.size());
    }

    private static <T> List<T> onThreads(Callable<List<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(work));
            }
            List<T> all = new ArrayList<>();
            for (Future<List<T>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** RFC 8291 §3.4 and RFC 8188 §2, as a user agent decrypts one record. */
    private static String decrypt(byte[] body, KeyPair userAgent, byte[] uaPublic, byte[] auth)
            throws GeneralSecurityException {
        byte[] salt = Arrays.copyOfRange(body, 0, 16);
        int idLength = body[20] & 0xff;
        byte[] asPublic = Arrays.copyOfRange(body, 21, 21 + idLength);
        byte[] ciphertext = Arrays.copyOfRange(body, 21 + idLength, body.length);
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(userAgent.getPrivate());
        agreement.doPhase(publicKey(asPublic), true);
        byte[] ecdhSecret = agreement.generateSecret();
        byte[] prkKey = hmac(auth, ecdhSecret);
        byte[] keyInfo =
                concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic, new byte[] {1});
        byte[] ikm = Arrays.copyOf(hmac(prkKey, keyInfo), 32);
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm\0".getBytes(), new byte[] {1})), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce\0".getBytes(), new byte[] {1})), 12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] plain = cipher.doFinal(ciphertext);
        int end = plain.length - 1;
        while (end > 0 && plain[end] == 0) {
            end--;
        }
        assertEquals(2, plain[end], "the last record's delimiter (RFC 8188 §2)");
        return new String(plain, 0, end, StandardCharsets.UTF_8);
    }

    private static PushSubscription subscription(String endpoint, String p256dh, String auth) {
        return new PushSubscription(
                "s", "alice", "phone", PushType.WEBPUSH, endpoint, p256dh, auth, NOW, NOW.plusSeconds(3600));
    }

    private static KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static PublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }
}

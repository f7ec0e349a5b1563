package org.callsign.idp.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.callsign.idp.config.IdpConfig;

/**
 * The proxy script of protocol {@code default}, {@value #RESOURCE} with this IdP's issuer filled in, and its strong
 * entity tag (the SHA-256 of the served bytes). Built once: it changes only with the IdP's version or issuer.
 */
@Singleton
public class IdpProxyScript {

    /** The script's classpath resource. */
    public static final String RESOURCE = "/org/callsign/idp/proxy/idp-proxy.js";

    /** The placeholder, a JavaScript string literal, that the issuer replaces. */
    static final String ISSUER_PLACEHOLDER = "'__CALLSIGN_ISSUER__'";

    private final byte[] bytes;
    private final String etag;

    public IdpProxyScript(IdpConfig config) {
        String template = load();
        if (!template.contains(ISSUER_PLACEHOLDER)) {
            throw new IllegalStateException(RESOURCE + " has no issuer placeholder");
        }
        String script = template.replace(ISSUER_PLACEHOLDER, jsString(config.issuerUrl()));
        this.bytes = script.getBytes(StandardCharsets.UTF_8);
        this.etag = "\"" + sha256(bytes) + "\"";
    }

    /** The script, UTF-8. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The strong entity tag, quoted (RFC 9110 §8.8.3). */
    public String etag() {
        return etag;
    }

    private static String load() {
        try (InputStream in = IdpProxyScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String jsString(String value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot quote the issuer", e);
        }
    }

    private static String sha256(byte[] data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}

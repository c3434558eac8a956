package org.envmon.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Station passwords are kept only as salted hashes: {@code sha256$<salt hex>$<digest hex>}.
 * HJ 212 sends the password in clear with every packet, so verification has to be cheap; a fast salted digest plus
 * the gateway's per-station cache of the last verified password is the trade-off (a slow KDF would cap ingest).
 */
public final class PasswordHash {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private PasswordHash() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "sha256$" + HEX.formatHex(salt) + "$" + HEX.formatHex(digest(salt, password));
    }

    public static boolean verify(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 3 || !parts[0].equals("sha256")) {
            return false;
        }
        byte[] expected = HEX.parseHex(parts[2]);
        return MessageDigest.isEqual(expected, digest(HEX.parseHex(parts[1]), password));
    }

    private static byte[] digest(byte[] salt, String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update(password.getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

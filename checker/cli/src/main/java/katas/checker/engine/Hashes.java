package katas.checker.engine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The checker's hashing, in one place: SHA-256 for fingerprints and checksums, SHA-1 for git's blob ids. */
final class Hashes {

    private Hashes() {
    }

    static MessageDigest sha256() {
        return digest("SHA-256");
    }

    static MessageDigest sha1() {
        return digest("SHA-1");
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}

package katas.manager;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * GIVEN, complete: you do not need to change it. Proves to the server that a client knows the secret key, without
 * sending the key: the server sends random bytes (a challenge), the client answers with their HMAC under the key,
 * the server computes the same and compares. Python's manager does the same with its {@code authkey}.
 *
 * <pre>{@code
 * // server, first thing on a new connection         // client, first thing after connecting
 * if (!Handshake.challenge(in, out, key)) {           if (!Handshake.answer(in, out, key)) {
 *     socket.close();   // the client was refused         throw new AuthenticationFailedException(...);
 * }                                                   }
 * }</pre>
 */
public final class Handshake {

    private static final int CHALLENGE_BYTES = 32;
    private static final int ANSWER_BYTES = 32; // the length of an HmacSHA256
    private static final int BLOCK_BYTES = 64; // SHA-256's block
    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshake() {
    }

    /** A new random key, for the parent to give the server and its clients. */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Server side: challenges the client and tells it the verdict; true if it proved it knows {@code key}. */
    public static boolean challenge(DataInputStream in, DataOutputStream out, byte[] key) throws IOException {
        byte[] challenge = new byte[CHALLENGE_BYTES];
        RANDOM.nextBytes(challenge);
        out.write(challenge);
        out.flush();
        byte[] answer = new byte[ANSWER_BYTES];
        in.readFully(answer);
        boolean accepted = MessageDigest.isEqual(answer, hmac(key, challenge));
        out.writeBoolean(accepted);
        out.flush();
        return accepted;
    }

    /** Client side: answers the server's challenge; true if the server accepted the answer. */
    public static boolean answer(DataInputStream in, DataOutputStream out, byte[] key) throws IOException {
        byte[] challenge = new byte[CHALLENGE_BYTES];
        in.readFully(challenge);
        out.write(hmac(key, challenge));
        out.flush();
        return in.readBoolean();
    }

    /**
     * HmacSHA256 (RFC 2104): SHA-256 of (key XOR outer pad, SHA-256 of (key XOR inner pad, message)), the key padded
     * with zeros to SHA-256's 64-byte block (a longer key is hashed first). {@code javax.crypto.Mac} computes the
     * same, but the first Mac a JVM makes sets up the whole JCE (every security provider, the jurisdiction policy
     * files): 30 to 45 ms of CPU in every client, for one HMAC. A MessageDigest needs only the built-in provider.
     */
    private static byte[] hmac(byte[] key, byte[] message) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM cannot compute SHA-256", e);
        }
        byte[] block = Arrays.copyOf(key.length > BLOCK_BYTES ? sha256.digest(key) : key, BLOCK_BYTES);
        sha256.update(xor(block, (byte) 0x36));
        byte[] inner = sha256.digest(message);
        sha256.update(xor(block, (byte) 0x5c));
        return sha256.digest(inner);
    }

    private static byte[] xor(byte[] block, byte pad) {
        byte[] padded = new byte[block.length];
        for (int i = 0; i < block.length; i++) {
            padded[i] = (byte) (block[i] ^ pad);
        }
        return padded;
    }
}

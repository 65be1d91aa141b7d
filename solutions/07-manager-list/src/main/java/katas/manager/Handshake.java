package katas.manager;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute HmacSHA256", e);
        }
    }
}

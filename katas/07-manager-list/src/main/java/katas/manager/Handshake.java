package katas.manager;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
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
    /** SHA-256's round constants: the first 32 bits of the fractional parts of the cube roots of the first primes. */
    private static final int[] ROUND_CONSTANTS = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    private Handshake() {
    }

    /** Made on first use, by the parent and the server: a client, which only answers, never sets it up. */
    private static final class Randomness {
        static final SecureRandom SOURCE = new SecureRandom();
    }

    /** A new random key, for the parent to give the server and its clients. */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        Randomness.SOURCE.nextBytes(key);
        return key;
    }

    /** Server side: challenges the client and tells it the verdict; true if it proved it knows {@code key}. */
    public static boolean challenge(DataInputStream in, DataOutputStream out, byte[] key) throws IOException {
        byte[] challenge = new byte[CHALLENGE_BYTES];
        Randomness.SOURCE.nextBytes(challenge);
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
     * with zeros to SHA-256's 64-byte block (a longer key is hashed first). {@code javax.crypto.Mac} and
     * {@code MessageDigest} compute the same bytes (RFC 4231's test vectors are checked by the build), but the first
     * of either that a JVM makes sets up the security providers: about 30 ms of CPU in every client, for one HMAC
     * (ANSWERS.md, "Speed"). So SHA-256 is written out below.
     */
    private static byte[] hmac(byte[] key, byte[] message) {
        byte[] block = Arrays.copyOf(key.length > BLOCK_BYTES ? sha256(key) : key, BLOCK_BYTES);
        byte[] inner = sha256(concat(xor(block, (byte) 0x36), message));
        return sha256(concat(xor(block, (byte) 0x5c), inner));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** SHA-256 as FIPS 180-4 defines it: the message padded to 64-byte blocks, each mixed into eight words. */
    private static byte[] sha256(byte[] message) {
        int[] hash = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
        int blocks = (message.length + 72) / 64; // room for the 0x80 byte and the 8-byte length
        byte[] padded = Arrays.copyOf(message, blocks * 64);
        padded[message.length] = (byte) 0x80;
        long bits = message.length * 8L;
        for (int i = 0; i < 8; i++) {
            padded[padded.length - 1 - i] = (byte) (bits >>> (8 * i));
        }
        int[] w = new int[64];
        for (int block = 0; block < blocks; block++) {
            for (int t = 0; t < 16; t++) {
                int at = block * 64 + t * 4;
                w[t] = (padded[at] & 0xff) << 24 | (padded[at + 1] & 0xff) << 16 | (padded[at + 2] & 0xff) << 8
                        | (padded[at + 3] & 0xff);
            }
            for (int t = 16; t < 64; t++) {
                int s0 = Integer.rotateRight(w[t - 15], 7) ^ Integer.rotateRight(w[t - 15], 18) ^ (w[t - 15] >>> 3);
                int s1 = Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ (w[t - 2] >>> 10);
                w[t] = w[t - 16] + s0 + w[t - 7] + s1;
            }
            int a = hash[0], b = hash[1], c = hash[2], d = hash[3], e = hash[4], f = hash[5], g = hash[6], h = hash[7];
            for (int t = 0; t < 64; t++) {
                int t1 = h + (Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25))
                        + ((e & f) ^ (~e & g)) + ROUND_CONSTANTS[t] + w[t];
                int t2 = (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
                        + ((a & b) ^ (a & c) ^ (b & c));
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }
            hash[0] += a;
            hash[1] += b;
            hash[2] += c;
            hash[3] += d;
            hash[4] += e;
            hash[5] += f;
            hash[6] += g;
            hash[7] += h;
        }
        byte[] digest = new byte[32];
        for (int i = 0; i < 32; i++) {
            digest[i] = (byte) (hash[i / 4] >>> (24 - 8 * (i % 4)));
        }
        return digest;
    }

    private static byte[] xor(byte[] block, byte pad) {
        byte[] padded = new byte[block.length];
        for (int i = 0; i < block.length; i++) {
            padded[i] = (byte) (block[i] ^ pad);
        }
        return padded;
    }
}

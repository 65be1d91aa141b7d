package katas.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Kata 07's given {@code Handshake} computes HmacSHA256 itself, without the JDK's security providers (07's
 * ANSWERS.md, "Speed"). Both sides of a handshake use it, so no kata test would notice a wrong hash: the test
 * vectors of RFC 4231 do. The copy in the kata is the one read, as a student's repository has no solutions.
 */
class GivenHandshakeTest {

    private static final Path KATA = Modules.ROOT.resolve("katas/07-manager-list");

    @Test
    void the_given_handshake_computes_hmac_sha256_as_rfc_4231_gives_it() throws Exception {
        Modules.mainClasses(KATA);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {KATA.resolve("target/classes").toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Method hmac = loader.loadClass("katas.manager.Handshake").getDeclaredMethod("hmac", byte[].class,
                    byte[].class);
            hmac.setAccessible(true);
            HexFormat hex = HexFormat.of();
            // RFC 4231, test cases 1, 2, 3, 4, 6 and 7 (5 truncates): short and long keys, a key longer than a block.
            String[][] cases = {
                {"0b".repeat(20), hex.formatHex(ascii("Hi There")),
                    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
                {hex.formatHex(ascii("Jefe")), hex.formatHex(ascii("what do ya want for nothing?")),
                    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
                {"aa".repeat(20), "dd".repeat(50),
                    "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
                {"0102030405060708090a0b0c0d0e0f10111213141516171819", "cd".repeat(50),
                    "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
                {"aa".repeat(131), hex.formatHex(ascii("Test Using Larger Than Block-Size Key - Hash Key First")),
                    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
                {"aa".repeat(131), hex.formatHex(ascii("This is a test using a larger than block-size key and a "
                        + "larger than block-size data. The key needs to be hashed before being used by the HMAC "
                        + "algorithm.")),
                    "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
            };
            for (String[] testCase : cases) {
                byte[] answer = (byte[]) hmac.invoke(null, hex.parseHex(testCase[0]), hex.parseHex(testCase[1]));
                assertThat(hex.formatHex(answer))
                        .as("Handshake.hmac of key %s and message %s (RFC 4231)", testCase[0], testCase[1])
                        .isEqualTo(testCase[2]);
            }
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

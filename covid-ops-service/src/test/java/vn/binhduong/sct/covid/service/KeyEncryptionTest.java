package vn.binhduong.sct.covid.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key-encryption key comes from, and that production refuses to start without one. */
class KeyEncryptionTest {
    private static final String KEK = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void prodRefusesToStartWithoutAKek() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KeyEncryption.resolve(Optional.empty(), Optional.empty(), "prod", "0.0.0.0", true));
        assertTrue(e.getMessage().contains("sct.permits.kek"), e.getMessage());
        assertTrue(e.getMessage().contains("Refusing to start"), e.getMessage());
        // a configured file that is missing is no KEK either
        assertThrows(IllegalStateException.class,
                () -> KeyEncryption.resolve(Optional.empty(), Optional.of("/nonexistent/kek"), "prod", "0.0.0.0", true));
        // and loopback without the local fallback neither
        assertThrows(IllegalStateException.class,
                () -> KeyEncryption.resolve(Optional.empty(), Optional.empty(), "prod", "127.0.0.1", false));
    }

    @Test
    void aKekComesFromConfigurationOrAMountedFile(@TempDir Path dir) throws Exception {
        KeyEncryption fromValue = KeyEncryption.resolve(Optional.of(KEK), Optional.empty(), "prod", "0.0.0.0", true);
        Path secret = dir.resolve("kek");
        Files.writeString(secret, KEK + "\n");
        KeyEncryption fromFile = KeyEncryption.resolve(Optional.empty(), Optional.of(secret.toString()), "prod", "0.0.0.0", true);
        assertEquals(fromValue.id(), fromFile.id());
        byte[] wrapped = fromValue.wrap("kid-1", "secret".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("secret".getBytes(StandardCharsets.UTF_8), fromFile.unwrap("kid-1", wrapped));
        assertThrows(IllegalStateException.class, () -> fromFile.unwrap("kid-2", wrapped), "bound to its key id");
        assertThrows(IllegalStateException.class, () -> KeyEncryption.resolve(Optional.of(
                Base64.getEncoder().encodeToString(new byte[16])), Optional.empty(), "prod", "0.0.0.0", true), "AES-256 only");
        KeyEncryption other = KeyEncryption.resolve(Optional.of(Base64.getEncoder().encodeToString(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 })),
                Optional.empty(), "prod", "0.0.0.0", true);
        IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> other.unwrap("kid-1", wrapped));
        assertTrue(wrong.getMessage().contains("does not decrypt"), wrong.getMessage());
    }

    @Test
    void aLocalStackOnLoopbackGeneratesAnOwnerOnlyFileAndReusesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/covid-ops-permits.kek");
        KeyEncryption first = KeyEncryption.resolve(Optional.empty(), Optional.of(file.toString()), "prod", "127.0.0.1", true);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).trim()).length);
        KeyEncryption second = KeyEncryption.resolve(Optional.empty(), Optional.of(file.toString()), "prod", "127.0.0.1", true);
        assertEquals(first.id(), second.id(), "the next start reads the same KEK");
    }
}

package vn.binhduong.sct.covid.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

/**
 * Wraps the permit signing keys with a key-encryption key (KEK): AES-256-GCM, a fresh 96-bit nonce per wrap, the key id
 * as additional authenticated data (a wrapped key copied onto another row does not decrypt). Stored form: one version
 * byte (1), the 12-byte nonce, the ciphertext with its 16-byte tag.
 *
 * <p>Where the KEK comes from ({@link #resolve}): {@code sct.permits.kek} (base64 of 32 bytes, e.g. from the
 * environment variable {@code SCT_PERMITS_KEK}), else {@code sct.permits.kek-file} (a file holding that base64 text,
 * e.g. a mounted secret). Without either the prod profile refuses to start, with one exception for the local stack:
 * a process that listens on the loopback interface only (how the launcher runs the services; a deployed service
 * must listen on a routable address to be reached) generates a KEK into {@code sct.permits.kek-file}, by default
 * {@code ~/.sct/covid-ops-permits.kek} (owner-only), and says so in its log; {@code sct.permits.kek-local-fallback=false}
 * turns that off. The dev and test profiles configure a fixed, public development KEK in application.properties.
 */
public final class KeyEncryption {
    private static final Logger LOG = Logger.getLogger(KeyEncryption.class);
    private static final byte VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey kek;
    private final String id;

    KeyEncryption(byte[] kek) {
        if (kek.length != 32) {
            throw new IllegalStateException("sct.permits.kek must be 32 bytes (AES-256) in base64, not " + kek.length + " bytes");
        }
        this.kek = new SecretKeySpec(kek, "AES");
        try {
            this.id = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(kek), 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Identifies the KEK (first 8 bytes of its SHA-256, base64url); safe to store and log. */
    public String id() {
        return id;
    }

    byte[] wrap(String kid, byte[] plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(128, nonce));
            c.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain);
            byte[] out = new byte[1 + nonce.length + sealed.length];
            out[0] = VERSION;
            System.arraycopy(nonce, 0, out, 1, nonce.length);
            System.arraycopy(sealed, 0, out, 1 + nonce.length, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the signing key", e);
        }
    }

    byte[] unwrap(String kid, byte[] stored) {
        if (stored.length < 1 + 12 + 16 || stored[0] != VERSION) {
            throw new IllegalStateException("signing key " + kid + " is not in the encrypted form this service writes");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(128, stored, 1, 12));
            c.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(stored, 13, stored.length - 13);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + kid + " does not decrypt with the configured key-encryption key "
                    + id + " (wrong sct.permits.kek, or the row was altered)", e);
        }
    }

    /** The KEK to use, or an exception that stops the start; see the class comment. */
    static KeyEncryption resolve(Optional<String> kek, Optional<String> kekFile, String profile, String httpHost,
            boolean localFallback) {
        if (kek.isPresent() && !kek.get().isBlank()) {
            return new KeyEncryption(decode(kek.get(), "sct.permits.kek"));
        }
        boolean local = localFallback && isLoopback(httpHost);
        Path file = kekFile.filter(f -> !f.isBlank()).map(Path::of)
                .orElse(local ? Path.of(System.getProperty("user.home"), ".sct", "covid-ops-permits.kek") : null);
        if (file != null && Files.isReadable(file)) {
            try {
                return new KeyEncryption(decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the key-encryption key file " + file, e);
            }
        }
        if (local) {
            return new KeyEncryption(generate(file));
        }
        throw new IllegalStateException("no key-encryption key for the permit signing keys: set sct.permits.kek "
                + "(base64 of 32 random bytes, e.g. the environment variable SCT_PERMITS_KEK) or sct.permits.kek-file "
                + "(a mounted secret holding it)" + (file != null ? "; " + file + " is not readable" : "")
                + ". Refusing to start in profile " + profile + " with the signing keys unprotected.");
    }

    static boolean isLoopback(String host) {
        return host != null && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1")
                || host.equals("[::1]"));
    }

    private static byte[] decode(String base64, String where) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64", e);
        }
    }

    /** A new random KEK written to {@code file} (owner read/write only); if another process got there first, theirs. */
    private static byte[] generate(Path file) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".kek", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, tmp); // atomic and never replaces: a process that raced us keeps its key
            } catch (FileAlreadyExistsException e) {
                // theirs is read below
            } finally {
                Files.deleteIfExists(tmp);
            }
            byte[] stored = decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            LOG.warnf("No sct.permits.kek configured and listening on loopback only (a local stack): using the generated "
                    + "key-encryption key in %s for the permit signing keys. A deployment sets sct.permits.kek or "
                    + "sct.permits.kek-file instead.", file);
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a key-encryption key to " + file, e);
        }
    }
}

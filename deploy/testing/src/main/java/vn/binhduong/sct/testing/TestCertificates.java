package vn.binhduong.sct.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority and a server certificate signed by it, made at test time with the JDK's keytool (nothing
 * secret is kept in the repository): {@link #serverKeyStore()} (PKCS12, the server's key and its chain, valid for
 * 127.0.0.1 and localhost) for a TLS listener, {@link #trustStore()} (PKCS12, the CA only) for its clients.
 */
public final class TestCertificates {
    private final Path dir;
    private final String password;

    private TestCertificates(Path dir, String password) {
        this.dir = dir;
        this.password = password;
    }

    /** Makes the CA, the server key and certificate, and the trust store in {@code dir}. */
    public static TestCertificates create(Path dir, String password) {
        TestCertificates c = new TestCertificates(dir, password);
        try {
            Files.createDirectories(dir);
            for (String f : List.of("ca.p12", "server.p12", "truststore.p12", "ca.pem", "server.csr", "server.pem")) {
                Files.deleteIfExists(dir.resolve(f));
            }
            c.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    "CN=SCT test CA", "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12");
            c.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
            c.keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    "CN=localhost", "-validity", "2", "-keystore", "server.p12");
            c.keytool("-certreq", "-alias", "server", "-keystore", "server.p12", "-file", "server.csr");
            c.keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-infile", "server.csr", "-outfile",
                    "server.pem", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-ext", "EKU=serverAuth", "-validity", "2");
            c.keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", "server.p12", "-file", "ca.pem");
            c.keytool("-importcert", "-noprompt", "-alias", "server", "-keystore", "server.p12", "-file", "server.pem");
            c.keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", "truststore.p12", "-file", "ca.pem");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    public Path serverKeyStore() {
        return dir.resolve("server.p12");
    }

    public Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    public String password() {
        return password;
    }

    private void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", password));
        if (List.of(args).contains("-genkeypair")) {
            command.addAll(List.of("-keypass", password));
        }
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

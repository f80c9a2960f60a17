package vn.binhduong.sct.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** The launcher's local users: {@code username<TAB>password<TAB>role<TAB>cell-or-dash}, read on each login. */
@ApplicationScoped
public class LocalUsers {
    /** One local user; {@code cell} is null for "-". */
    public record LocalUser(String username, String role, String cell) {
    }

    private record Entry(String password, LocalUser user) {
    }

    private final DashboardConfig config;

    public LocalUsers(DashboardConfig config) {
        this.config = config;
    }

    /** The user when the password matches, compared in constant time; empty otherwise (unknown user included). */
    public Optional<LocalUser> check(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Entry e = read().get(username.trim());
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        byte[] expected = (e == null ? "\u0000no-such-user" : e.password()).getBytes(StandardCharsets.UTF_8);
        boolean same = MessageDigest.isEqual(given, expected);
        return same && e != null ? Optional.of(e.user()) : Optional.empty();
    }

    Map<String, Entry> read() {
        Path file = Path.of(config.local().usersFile()
                .orElseThrow(() -> new IllegalStateException("sct.dashboard.local.users-file is not set")));
        Map<String, Entry> users = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 3 || f[0].isBlank() || f[2].isBlank()) {
                    continue;
                }
                String cell = f.length > 3 && !f[3].isBlank() && !f[3].trim().equals("-") ? f[3].trim() : null;
                users.put(f[0].trim(), new Entry(f[1], new LocalUser(f[0].trim(), f[2].trim(), cell)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file " + file, e);
        }
        return users;
    }
}

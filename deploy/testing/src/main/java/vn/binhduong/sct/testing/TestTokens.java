package vn.binhduong.sct.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import vn.binhduong.sct.platform.security.Roles;

/** Bearer tokens signed with the test key that {@link EmbeddedInfra} configures the service to trust. */
public final class TestTokens {
    private TestTokens() {
    }

    /** A token for a user holding {@code roles}. */
    public static String as(String... roles) {
        return EmbeddedInfra.keys().token("test-" + String.join("+", roles), List.of(roles), Map.of(), Duration.ofHours(1));
    }

    /** A token for {@code subject} holding {@code roles} that expires {@code ttl} from now. */
    public static String lasting(Duration ttl, String subject, String... roles) {
        return EmbeddedInfra.keys().token(subject, List.of(roles), Map.of(), ttl);
    }

    /** A cell secretary's token, scoped to the cell with code {@code cellCode}. */
    public static String cellSecretary(String cellCode) {
        return EmbeddedInfra.keys().token("secretary-" + cellCode, List.of(Roles.CELL_SECRETARY),
                Map.of(Roles.CELL_CLAIM, cellCode), Duration.ofHours(1));
    }

    /** The {@code Authorization} header value for {@code roles}. */
    public static String bearer(String... roles) {
        return "Bearer " + as(roles);
    }
}

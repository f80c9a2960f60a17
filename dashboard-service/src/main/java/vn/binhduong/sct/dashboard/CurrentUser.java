package vn.binhduong.sct.dashboard;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is looking, and the token the dashboard calls the APIs with on their behalf: from the local session cookie
 * when local login is on, else from the OIDC session (its access token).
 */
@RequestScoped
public class CurrentUser {
    /** Roles shown as Vietnamese labels in the header. */
    static final java.util.Map<String, String> ROLE_LABELS = java.util.Map.of(
            "admin", "Quản trị hệ thống", "party-committee", "Văn phòng Đảng ủy", "inspection-committee", "Ủy ban kiểm tra",
            "cell-secretary", "Bí thư chi bộ", "department-staff", "Cán bộ Sở", "viewer", "Người xem", "integration", "Tích hợp");

    @Inject
    DashboardConfig config;
    @Inject
    RoutingContext request;
    @Inject
    SessionCookie sessions;
    @Inject
    LocalKeys keys;
    @Inject
    Instance<SecurityIdentity> identity;

    private Optional<LocalUsers.LocalUser> local;

    public boolean local() {
        return config.local().enabled();
    }

    /** The local user of the session cookie, when local login is on and the cookie is valid. */
    Optional<LocalUsers.LocalUser> localUser() {
        if (local == null) {
            Cookie c = request.request().getCookie(SessionCookie.NAME);
            local = local() && c != null ? sessions.read(c.getValue()) : Optional.empty();
        }
        return local;
    }

    public boolean loggedIn() {
        return local() ? localUser().isPresent() : !identity.get().isAnonymous();
    }

    public String name() {
        return local() ? localUser().map(LocalUsers.LocalUser::username).orElse(null) : identity.get().getPrincipal().getName();
    }

    public Set<String> roles() {
        return local() ? localUser().map(u -> Set.of(u.role())).orElse(Set.of()) : identity.get().getRoles();
    }

    public boolean hasRole(String... any) {
        Set<String> roles = roles();
        for (String r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** The roles as the header shows them. */
    public String roleText() {
        return String.join(", ", roles().stream().sorted().map(r -> ROLE_LABELS.getOrDefault(r, r)).toList());
    }

    /** "Bearer …" for the API calls of this request. */
    public String authorization() {
        if (local()) {
            return "Bearer " + keys.token(localUser().orElseThrow(() -> new IllegalStateException("not logged in")));
        }
        AccessTokenCredential at = identity.get().getCredential(AccessTokenCredential.class);
        if (at == null) {
            throw new IllegalStateException("no access token in the OIDC session");
        }
        return "Bearer " + at.getToken();
    }
}

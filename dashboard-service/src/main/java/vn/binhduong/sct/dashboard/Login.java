package vn.binhduong.sct.dashboard;

import java.net.URI;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;

/**
 * Logging in and out. Locally: a form checked against the users file, then a signed session cookie (no token in any
 * URL). In production: the OIDC authorization-code flow, started by {@code /oidc-login}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Login {
    @Inject
    DashboardConfig config;
    @Inject
    LocalUsers users;
    @Inject
    SessionCookie sessions;
    @Inject
    CurrentUser user;
    @Inject
    RoutingContext request;
    @Inject
    jakarta.enterprise.inject.Instance<OidcSession> oidcSession;
    @Inject
    @Location("login.html")
    Template login;

    @GET
    @Path("login")
    public Response loginPage(@QueryParam("next") String next, @QueryParam("out") boolean out) {
        if (user.loggedIn() && !out) {
            return Response.seeOther(URI.create(safe(next))).build();
        }
        return Response.ok(page(next, null, out)).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logIn(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("next") String next) {
        if (!config.local().enabled()) {
            return Response.seeOther(URI.create("/oidc-login")).build();
        }
        Optional<LocalUsers.LocalUser> u = users.check(username, password);
        if (u.isEmpty()) {
            return Response.status(401).entity(page(next, "Tên đăng nhập hoặc mật khẩu không đúng.", false).render()).build();
        }
        return Response.seeOther(URI.create(safe(next))).cookie(sessions.issue(u.get(), secure())).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logOut() {
        if (config.local().enabled()) {
            return Response.seeOther(URI.create("/login?out=true")).cookie(sessions.clear(secure())).build();
        }
        if (!oidcSession.isUnsatisfied() && user.loggedIn()) {
            // ends the dashboard's OIDC session (its cookie); the provider's own session ends at its logout page
            oidcSession.get().logout().await().indefinitely();
        }
        return Response.seeOther(URI.create("/login?out=true")).build();
    }

    /** Starts the authorization-code flow (an authenticated path: OIDC redirects to the provider), then returns. */
    @GET
    @Path("oidc-login")
    @Authenticated
    public Response oidcLogin(@QueryParam("next") String next) {
        return Response.seeOther(URI.create(safe(next))).build();
    }

    private io.quarkus.qute.TemplateInstance page(String next, String error, boolean out) {
        return login.data("next", safe(next)).data("error", error).data("out", out).data("local", config.local().enabled())
                .data("page", "login");
    }

    private boolean secure() {
        return "https".equals(request.request().scheme());
    }

    /** Only a path of this site: no scheme, no host, no "//" that a browser would read as one. */
    static String safe(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.contains("\n")
                || next.contains("\r")) {
            return "/";
        }
        return next;
    }
}

package vn.binhduong.sct.dashboard;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every page needs a login except the login itself and the static files; every answer carries a strict CSP (only
 * this site's script and stylesheet, no inline script or style, no other site) and no caching of the figures.
 */
public class SecurityHeaders {
    public static final String CSP_HEADER = "Content-Security-Policy";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'";

    @Inject
    CurrentUser user;

    @ServerRequestFilter
    public Response requireLogin(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (path.equals("/login") || path.equals("/logout") || path.equals("/oidc-login") || path.startsWith("/static/")
                || path.startsWith("/q/")) {
            return null;
        }
        if (user.loggedIn()) {
            return null;
        }
        if (path.endsWith("/freshness")) {
            return Response.status(401).build();
        }
        String q = ctx.getUriInfo().getRequestUri().getRawQuery();
        String next = URLEncoder.encode(path + (q == null ? "" : "?" + q), StandardCharsets.UTF_8);
        return Response.seeOther(URI.create((user.local() ? "/login" : "/oidc-login") + "?next=" + next)).build();
    }

    @ServerResponseFilter
    public void headers(ContainerResponseContext res) {
        if (!res.getHeaders().containsKey(CSP_HEADER)) {
            res.getHeaders().putSingle(CSP_HEADER, CSP);
        }
        res.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        res.getHeaders().putSingle("Referrer-Policy", "same-origin");
        res.getHeaders().putSingle("Cache-Control", "no-store");
    }
}

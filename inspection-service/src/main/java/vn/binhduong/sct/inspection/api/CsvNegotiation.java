package vn.binhduong.sct.inspection.api;

import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code GET /api/v1/state-inspections} (or {@code /api/v1/compliance/visits}) with {@code Accept: text/csv} and not
 * JSON is served by its {@code .csv} twin, so both spellings of a CSV export run the same code under the same roles and
 * the OpenAPI document has one operation per path.
 */
@Provider
@PreMatching
public class CsvNegotiation implements ContainerRequestFilter {
    static final Set<String> EXPORTABLE = Set.of("/api/v1/state-inspections", "/api/v1/compliance/visits");

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (!"GET".equals(ctx.getMethod())) {
            return;
        }
        String accept = ctx.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains(CsvExport.MEDIA_TYPE) || accept.contains("application/json")) {
            return;
        }
        URI uri;
        try {
            uri = ctx.getUriInfo().getRequestUri();
        } catch (RuntimeException unparsable) {
            return;
        }
        String path = uri.getRawPath();
        if (path != null && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path != null && EXPORTABLE.contains(path)) {
            String query = uri.getRawQuery();
            ctx.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + ".csv"
                    + (query == null ? "" : "?" + query)));
        }
    }
}

package vn.binhduong.sct.platform.text;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Normalises query parameters to NFC before matching, so a filter by cell name finds it in either form. */
public class NfcRequestFilter {
    @ServerRequestFilter(preMatching = true)
    public void normalise(ContainerRequestContext ctx) {
        URI uri = ctx.getUriInfo().getRequestUri();
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return;
        }
        String decoded = URLDecoder.decode(query.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (Normalizer.isNormalized(decoded, Normalizer.Form.NFC)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (String pair : query.split("&")) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? null : pair.substring(eq + 1);
            sb.append(encode(Nfc.of(URLDecoder.decode(k, StandardCharsets.UTF_8))));
            if (v != null) {
                sb.append('=').append(encode(Nfc.of(URLDecoder.decode(v, StandardCharsets.UTF_8))));
            }
        }
        ctx.setRequestUri(UriBuilder.fromUri(uri).replaceQuery(sb.toString()).build());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

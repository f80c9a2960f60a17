package vn.binhduong.sct.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in of report-service's API, to test the dashboard alone: WireMock answering with what the real
 * report-service answered for the 2021 demo (src/test/resources/standin, captured from the launcher's stack), only
 * to requests that carry a bearer token. The whole stack is tested by deploy/launcher's DashboardBrowserIT. Also
 * makes the local login's key pair and users file. Init arg {@code local=false} leaves local login off (OIDC tests).
 */
public class ReportServiceStandIn implements QuarkusTestResourceLifecycleManager {
    static final String BEARER = "Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";
    static final ObjectMapper JSON = new ObjectMapper();
    static WireMockServer server;
    static KeyPair keys;
    static Path dir;
    private boolean local = true;

    @Override
    public void init(Map<String, String> initArgs) {
        local = !"false".equals(initArgs.get("local"));
    }

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("dashboard-test");
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            keys = g.generateKeyPair();
            Path key = dir.resolve("jwt-private.pem");
            Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            Path users = dir.resolve("dashboard-users.txt");
            Files.writeString(users, """
                    # username<TAB>password<TAB>role<TAB>cell
                    admin\tadmin-pass\tadmin\t-
                    viewer\tviewer-pass\tviewer\t-
                    committee\tcommittee-pass\tparty-committee\t-
                    secretary-cb1\tsecretary-pass\tcell-secretary\tCB1
                    """);
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
            reset();
            Map<String, String> config = new java.util.HashMap<>(Map.of(
                    "quarkus.rest-client.report-service.url", server.baseUrl(),
                    "sct.dashboard.local.signing-key", key.toString(),
                    "sct.dashboard.local.users-file", users.toString(),
                    "sct.dashboard.poll-seconds", "1"));
            config.put("sct.dashboard.local.enabled", Boolean.toString(local));
            if (local) {
                config.put("quarkus.oidc.tenant-enabled", "false");
            }
            return config;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 2021 answers again, and an empty request journal. */
    static void reset() {
        server.resetAll();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401)));
        server.stubFor(get(anyUrl()).atPriority(9).withHeader("Authorization", matching(BEARER)).willReturn(problem(404)));
        server.stubFor(get(urlPathEqualTo("/api/v1/dashboards/DB-SCT/2021")).withHeader("Authorization", matching(BEARER))
                .willReturn(okJson(fixture("dashboard.json"))));
        series("member.count.total", "series-members.json");
        series("indicator.IIP.growth", "series-iip.json");
        series("indicator.IIP.plan-growth", "series-iip-plan.json");
        server.stubFor(get(urlPathEqualTo("/api/v1/reports/DB-SCT/2021/versions")).withHeader("Authorization", matching(BEARER))
                .willReturn(okJson(fixture("versions.json"))));
        server.stubFor(get(urlPathEqualTo("/api/v1/reports/DB-SCT/2021/versions/1.docx")).withHeader("Authorization", matching(BEARER))
                .willReturn(aResponse().withHeader("Content-Type",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document").withBody(bytes("report.docx"))));
        server.stubFor(get(urlPathEqualTo("/api/v1/reports/DB-SCT/2021/versions/1.html")).withHeader("Authorization", matching(BEARER))
                .willReturn(aResponse().withHeader("Content-Type", "text/html;charset=UTF-8").withBody(bytes("report.html"))));
        server.stubFor(post(urlPathEqualTo("/api/v1/reports/DB-SCT/2021/generate")).withHeader("Authorization", matching(BEARER))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"organization\":\"DB-SCT\",\"year\":2021,\"version\":2,\"contentHash\":\"ab\",\"hashes\":{}}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/projections/events")).withHeader("Authorization", matching(BEARER))
                .willReturn(okJson(fixture("events.json"))));
        server.stubFor(get(urlPathEqualTo("/api/v1/inbox/lag")).withHeader("Authorization", matching(BEARER))
                .willReturn(okJson(fixture("lag.json"))));
    }

    static void series(String key, String file) {
        server.stubFor(get(urlPathEqualTo("/api/v1/dashboards/DB-SCT/series")).withQueryParam("key", equalTo(key))
                .withHeader("Authorization", matching(BEARER)).willReturn(okJson(fixture(file))));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":" + status + ",\"title\":\"stand-in\"}");
    }

    static String fixture(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String name) {
        try (InputStream in = ReportServiceStandIn.class.getResourceAsStream("/standin/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The claims of every token the dashboard sent, after checking each one's RS256 signature with the public key. */
    static List<JsonNode> tokensSent() {
        return server.findAll(anyRequestedFor(anyUrl())).stream().map(r -> r.getHeader("Authorization"))
                .filter(h -> h != null && h.startsWith("Bearer ")).map(h -> verified(h.substring(7))).toList();
    }

    static JsonNode verified(String jwt) {
        try {
            String[] p = jwt.split("\\.");
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(keys.getPublic());
            s.update((p[0] + "." + p[1]).getBytes(StandardCharsets.US_ASCII));
            if (!s.verify(Base64.getUrlDecoder().decode(p[2]))) {
                throw new AssertionError("a token with a bad signature: " + jwt);
            }
            return JSON.readTree(Base64.getUrlDecoder().decode(p[1]));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}

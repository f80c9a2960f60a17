package vn.binhduong.sct.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** deploy/compose/prometheus.yml scrapes every service that has /q/metrics, on its port; Grafana reads Prometheus. */
class PrometheusTest {
    static final JsonNode PROMETHEUS = Repo.yaml(ComposeTest.DIR.resolve("prometheus.yml"));

    /** target host:port to [metrics path, service label] */
    static Map<String, String[]> targets() {
        Map<String, String[]> t = new HashMap<>();
        for (JsonNode job : PROMETHEUS.get("scrape_configs")) {
            String path = job.has("metrics_path") ? job.get("metrics_path").asText() : "/metrics";
            for (JsonNode sc : job.path("static_configs")) {
                for (JsonNode target : sc.path("targets")) {
                    t.put(target.asText(), new String[] {path, Repo.text(sc, "labels", "service")});
                }
            }
        }
        return t;
    }

    @Test
    void everyServiceWithMetricsIsScrapedOnItsPortAndNothingElse() {
        Problems p = new Problems();
        Map<String, String[]> targets = targets();
        for (ServiceModel s : Repo.services()) {
            String target = s.name() + ":" + s.port();
            String[] found = targets.remove(target);
            if (!s.platform()) {
                p.check(found == null, s.name() + " has no /q/metrics but is scraped");
                continue;
            }
            if (found == null) {
                p.add("Prometheus does not scrape " + target);
                continue;
            }
            p.check("/q/metrics".equals(found[0]), target + " is scraped on " + found[0]);
            p.check(s.name().equals(found[1]), target + " is labelled service=" + found[1]);
            p.check(ComposeTest.SERVICES.has(s.name()), s.name() + " is no compose service");
        }
        targets.keySet().removeIf(t -> t.startsWith("localhost:9090"));
        p.check(targets.isEmpty(), "Prometheus scrapes targets that are no service: " + targets.keySet());
        p.assertNone();
    }

    @Test
    void grafanaReadsThePrometheusOfTheComposeFile() {
        JsonNode ds = Repo.yaml(ComposeTest.DIR.resolve("grafana/provisioning/datasources/prometheus.yml"));
        JsonNode first = ds.get("datasources").get(0);
        assertEquals("http://prometheus:9090", first.get("url").asText());
        JsonNode prometheus = ComposeTest.SERVICES.get("prometheus");
        assertEquals(List.of("9090:9090"), ComposeTest.list(prometheus.get("ports")));
        assertEquals(true, ComposeTest.list(prometheus.get("volumes")).contains("./prometheus.yml:/etc/prometheus/prometheus.yml:ro"),
                "Prometheus reads this prometheus.yml");
    }
}

package vn.binhduong.sct.descriptors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The Grafana dashboards under deploy/compose/grafana: every panel reads metrics these services expose. */
class GrafanaTest {
    static final Path DASHBOARDS = ComposeTest.DIR.resolve("grafana/dashboards");
    static final JsonNode DATASOURCES = Repo.yaml(ComposeTest.DIR.resolve("grafana/provisioning/datasources/prometheus.yml"));

    static List<JsonNode> panels(JsonNode container) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode p : container.path("panels")) {
            all.add(p);
            all.addAll(panels(p));
        }
        return all;
    }

    @Test
    void everyPanelReadsMetricsTheServicesExpose() {
        Map<String, Set<String>> scraped = Metrics.scraped();
        Set<String> registered = Metrics.registered();
        Set<String> known = new TreeSet<>(scraped.keySet());
        known.addAll(registered);
        Problems p = new Problems();
        List<Path> files = Repo.files(DASHBOARDS, "*.json");
        assertFalse(files.isEmpty(), "no dashboard in " + DASHBOARDS);
        int queries = 0;
        for (Path f : files) {
            for (JsonNode panel : panels(Repo.json(f))) {
                if ("row".equals(Repo.text(panel, "type"))) {
                    continue;
                }
                String title = f.getFileName() + " / " + Repo.text(panel, "title");
                p.check(panel.path("targets").size() > 0, title + ": no query");
                for (JsonNode t : panel.path("targets")) {
                    String expr = Repo.text(t, "expr");
                    Set<String> names = Metrics.metricNames(expr);
                    p.check(!names.isEmpty(), title + ": reads no metric: " + expr);
                    queries++;
                    for (String name : names) {
                        p.check(known.contains(name), title + ": " + name + " is no metric of the services (" + expr + ")");
                    }
                    // a grouping label is one Prometheus adds (service, from the scrape configuration) or one the
                    // series carry in the real scrape
                    for (String label : Metrics.groupingLabels(expr)) {
                        boolean carried = label.equals("service")
                                || label.equals("le") && names.stream().allMatch(n -> n.endsWith("_bucket"))
                                || names.stream()
                                .anyMatch(n -> scraped.getOrDefault(n, Set.of()).contains(label));
                        p.check(carried, title + ": groups by " + label + ", which " + names + " do not carry");
                    }
                }
            }
        }
        assertTrue(queries >= 10, "queries: " + queries);
        p.assertNone();
    }

    @Test
    void everyPlatformMetricIsInTheStoredScrapeAndTheDashboard() {
        // the naming rule and the stored scrape agree with the code: a renamed or new platform metric fails here
        Map<String, Set<String>> scraped = Metrics.scraped();
        Set<String> platform = new TreeSet<>();
        for (String n : Metrics.registered()) {
            if (n.startsWith("sct_outbox_") || n.startsWith("sct_inbox_")) {
                platform.add(n);
            }
        }
        assertTrue(platform.size() >= 9, "platform metrics found in the code: " + platform);
        Set<String> missing = new TreeSet<>(platform);
        missing.removeAll(scraped.keySet());
        assertTrue(missing.isEmpty(), "registered in the code but not in the stored scrape: " + missing);
        Set<String> stale = new TreeSet<>();
        for (String n : scraped.keySet()) {
            if (n.startsWith("sct_") && !Metrics.registered().contains(n)) {
                stale.add(n);
            }
        }
        assertTrue(stale.isEmpty(), "in the stored scrape but registered nowhere in the code: " + stale);
        Set<String> shown = new TreeSet<>();
        for (Path f : Repo.files(DASHBOARDS, "*.json")) {
            for (JsonNode panel : panels(Repo.json(f))) {
                for (JsonNode t : panel.path("targets")) {
                    shown.addAll(Metrics.metricNames(Repo.text(t, "expr")));
                }
            }
        }
        Set<String> unshown = new TreeSet<>(platform);
        unshown.removeAll(shown);
        assertTrue(unshown.isEmpty(), "platform metrics no panel shows: " + unshown);
    }

    @Test
    void panelsUseTheProvisionedDatasourceAndGrafanaLoadsTheDashboards() {
        String uid = DATASOURCES.get("datasources").get(0).get("uid").asText();
        Problems p = new Problems();
        for (Path f : Repo.files(DASHBOARDS, "*.json")) {
            for (JsonNode panel : panels(Repo.json(f))) {
                if (panel.has("datasource")) {
                    p.check(uid.equals(Repo.text(panel, "datasource", "uid")),
                            f.getFileName() + " / " + Repo.text(panel, "title") + ": datasource " + panel.get("datasource"));
                }
            }
        }
        p.assertNone();
        JsonNode provider = Repo.yaml(ComposeTest.DIR.resolve("grafana/provisioning/dashboards/sct.yml")).get("providers").get(0);
        String path = provider.get("options").get("path").asText();
        List<String> volumes = ComposeTest.list(ComposeTest.SERVICES.get("grafana").get("volumes"));
        assertTrue(volumes.contains("./grafana/dashboards:" + path + ":ro"), "Grafana mounts the dashboards at " + path + ": " + volumes);
        assertTrue(volumes.contains("./grafana/provisioning:/etc/grafana/provisioning:ro"), "Grafana reads the provisioning: " + volumes);
        assertEquals("prometheus", DATASOURCES.get("datasources").get(0).get("type").asText());
    }
}

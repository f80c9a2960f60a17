package vn.binhduong.sct.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.binhduong.sct.embedded.Ports;

/**
 * The whole stack through the launcher: embedded PostgreSQL and Kafka, five service JVMs, one write to each producing
 * service, and each event seen applied by report-service; then a clean stop.
 */
class LauncherIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void startsTheStackAndEveryProducingServiceReachesTheReport() throws Exception {
        Path home = Path.of(System.getProperty("sct.home", "../..")).toAbsolutePath().normalize();
        Path data = home.resolve("deploy/launcher/target/launcher-it-data");
        Options options = Options.parse("--home", home.toString(), "--data", data.toString(), "--reset",
                "--pg-port", "0", "--kafka-port", "0", "--base-port", "0");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<ServiceProcess> services;
        try (Launcher launcher = new Launcher(options, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            launcher.start();
            String banner = console.toString(StandardCharsets.UTF_8);
            assertTrue(banner.contains("SCT platform is up"), banner);
            assertTrue(banner.contains("/q/swagger-ui"), banner);
            assertTrue(Files.readString(data.resolve("tokens.txt")).contains("viewer="));
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(data.resolve("tokens.txt"))), "tokens are for the owner's eyes only");
            services = launcher.services();
            assertTrue(services.stream().map(sp -> sp.name).toList().containsAll(Launcher.SERVICES), "the five services run");
            String admin = launcher.keys().token("it", List.of("admin"));
            for (ServiceProcess s : services.stream().filter(sp -> Launcher.SERVICES.contains(sp.name)).toList()) {
                assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + "/q/openapi")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode(), s.name + " documents its API");
            }
            Map<String, String> writes = Map.of(
                    "member-service", "/api/v1/organizations|{\"code\":\"DB-E2E\",\"name\":\"Đảng bộ thử\",\"superiorBody\":\"Đảng bộ khối\"}",
                    "inspection-service", "/api/v1/bodies|{\"code\":\"UBKT-E2E\",\"name\":\"Ủy ban kiểm tra\",\"organization\":\"DB-E2E\"}",
                    "covid-ops-service", "/api/v1/establishments|{\"code\":\"CHO-E2E\",\"name\":\"Chợ thử\",\"type\":\"MARKET\"}",
                    "indicator-service", "/api/v1/indicators|{\"code\":\"E2E_IIP\",\"name\":\"Chỉ số thử\",\"unit\":\"PERCENT\"}");
            for (Map.Entry<String, String> w : writes.entrySet()) {
                String[] pathAndBody = w.getValue().split("\\|", 2);
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(launcher.service(w.getKey()).url() + pathAndBody[0]))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(pathAndBody[1])).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, r.statusCode(), w.getKey() + ": " + r.body());
            }
            launcher.awaitCaughtUp(Duration.ofSeconds(60));
            String tally = HTTP.send(HttpRequest.newBuilder(URI.create(launcher.service("report-service").url()
                    + "/api/v1/projections/events")).header("Authorization", "Bearer " + admin).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String source : List.of("member-service", "inspection-service", "covid-ops-service", "indicator-service")) {
                assertTrue(tally.contains("\"source\":\"" + source + "\""), source + " reached report-service: " + tally);
            }

            // a service killed with SIGKILL is restarted by the supervisor and catches up again
            long killedPid = killAndAwaitRestart(launcher, "report-service");
            assertEquals(1, launcher.restarts("report-service"), console.toString(StandardCharsets.UTF_8));
            assertTrue(launcher.healthy("report-service"), "report-service is back");
            assertTrue(launcher.pid("report-service") != killedPid, "a new process");
            assertTrue(console.toString(StandardCharsets.UTF_8).contains("report-service exited with code"),
                    "the restart is logged");
            launcher.awaitCaughtUp(Duration.ofSeconds(60));

            // an integrator's change-feed cursor still works after the producer restarts: it resumes after the last
            // event it saw, nothing repeated, nothing skipped
            String memberUrl = launcher.service("member-service").url();
            com.fasterxml.jackson.databind.JsonNode firstPage = feed(memberUrl + "/api/v1/events?limit=1", admin);
            assertEquals(1, firstPage.get("events").size(), firstPage.toString());
            String seen = firstPage.get("events").get(0).get("id").asText();
            String cursor = firstPage.get("next").asText();
            long memberPid = killAndAwaitRestart(launcher, "member-service");
            assertTrue(launcher.healthy("member-service") && launcher.pid("member-service") != memberPid,
                    "member-service restarted");
            HttpResponse<String> second = HTTP.send(HttpRequest.newBuilder(URI.create(memberUrl + "/api/v1/organizations"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"code\":\"DB-E2E-2\",\"name\":\"Đảng bộ thử hai\",\"superiorBody\":\"Đảng bộ khối\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, second.statusCode(), second.body());
            launcher.awaitCaughtUp(Duration.ofSeconds(60));
            com.fasterxml.jackson.databind.JsonNode resumed = feed(memberUrl + "/api/v1/events?limit=100&after="
                    + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8), admin);
            List<String> ids = new java.util.ArrayList<>();
            resumed.get("events").forEach(e -> ids.add(e.get("id").asText()));
            assertFalse(ids.contains(seen), "the event before the cursor is not repeated: " + resumed);
            assertTrue(resumed.toString().contains("DB-E2E-2"), "the event written after the restart follows: " + resumed);
            long rssTotalMib = services.stream().mapToLong(ServiceProcess::rssKib).sum() / 1024;
            System.out.println("services' total RSS after start and one write each: " + rssTotalMib + " MiB");
        }
        for (ServiceProcess s : services) {
            assertFalse(s.alive(), s.name + " stopped");
            assertFalse(Ports.listening(s.port), s.name + "'s port is free again");
        }
    }

    /** SIGKILLs a service and waits (up to 120 s) for the supervisor to have it healthy again; returns the killed pid. */
    private static long killAndAwaitRestart(Launcher launcher, String service) throws InterruptedException {
        long pid = launcher.pid(service);
        launcher.kill(service);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!(launcher.restarts(service) >= 1 && launcher.healthy(service)) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        return pid;
    }

    private static com.fasterxml.jackson.databind.JsonNode feed(String url, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    @Test
    void noProcessOutlivesALauncherKilledWithSigkill() throws Exception {
        Path home = Path.of(System.getProperty("sct.home", "../..")).toAbsolutePath().normalize();
        Path data = home.resolve("deploy/launcher/target/launcher-kill-it-data");
        Path log = home.resolve("deploy/launcher/target/launcher-kill-it.log");
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsct.home=" + home, "-jar", home.resolve("deploy/launcher/target/launcher.jar").toString(),
                "--home", home.toString(), "--data", data.toString(), "--reset", "--pg-port", "0", "--kafka-port", "0",
                "--base-port", "0").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
            while (!(Files.exists(log) && Files.readString(log).contains("SCT platform is up"))) {
                assertTrue(launcher.isAlive(), "the launcher died: " + (Files.exists(log) ? Files.readString(log) : ""));
                assertTrue(System.nanoTime() < deadline, "the stack did not come up: " + Files.readString(log));
                Thread.sleep(500);
            }
            List<ProcessHandle> children = launcher.descendants().toList();
            assertTrue(children.size() >= 7, "services, broker and PostgreSQL are the launcher's descendants: "
                    + children.stream().map(p -> p.info().command().orElse("?")).toList());
            launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs
            launcher.waitFor();
            long gone = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) {
                Thread.sleep(250);
            }
            List<String> alive = children.stream().filter(ProcessHandle::isAlive)
                    .map(p -> p.pid() + " " + p.info().command().orElse("?")).toList();
            assertTrue(alive.isEmpty(), "left running after the launcher was killed: " + alive);
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }
}

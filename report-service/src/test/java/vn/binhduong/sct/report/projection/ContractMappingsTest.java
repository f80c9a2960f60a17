package vn.binhduong.sct.report.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import vn.binhduong.sct.contract.EventContract;
import vn.binhduong.sct.contract.EventContracts;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.EmbeddedInfra;
import vn.binhduong.sct.testing.TestTokens;

/**
 * projection/mappings.json against the compiled contract: every mapping's type is one a producer publishes, every path
 * it reads (value, text, subject, label, category, year, asOf, when, each, {@code ${field:slug}} templates,
 * {@code @unit}, nested paths) names a component of the type's payload record (recursively through nested records,
 * lists and maps), and every published type is mapped, read by a handler's code, or listed with a reason in
 * src/test/resources/contract/ignored-event-types.properties.
 */
@QuarkusTest
class ContractMappingsTest {
    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Set<String> ENVELOPE = Set.of("$aggregateId", "$organization", "$type");

    /** Types report-service reads in code rather than through mappings.json. */
    static Set<String> readByCode() {
        Set<String> s = new TreeSet<>(MemberRegistryHandler.TYPES);
        s.add(IndicatorViolationHandler.TYPE);
        s.add("indicator.defined"); // IndicatorUnitHandler
        s.add("indicator-value.recorded"); // IndicatorUnitHandler
        return s;
    }

    static Properties ignored() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ContractMappingsTest.class.getResourceAsStream("/contract/ignored-event-types.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyPathInTheMappingsNamesAFieldOfTheContractRecord() {
        List<String> problems = check(MappedEventHandler.load());
        assertTrue(problems.isEmpty(), "mappings.json against the contract:\n  " + String.join("\n  ", problems));
    }

    @Test
    void everyPublishedTypeIsMappedReadOrIgnoredWithAReason() throws IOException {
        Set<String> mapped = new TreeSet<>();
        MappedEventHandler.load().forEach(m -> mapped.add(m.type()));
        Properties ignored = ignored();
        List<String> problems = new ArrayList<>();
        for (EventContract c : EventContracts.all()) {
            boolean isIgnored = ignored.containsKey(c.type());
            if (!mapped.contains(c.type()) && !readByCode().contains(c.type()) && !isIgnored) {
                problems.add(c.producer() + " publishes " + c.type() + ": no mapping reads it and the ignored list does not name it");
            }
            if (isIgnored && (mapped.contains(c.type()) || readByCode().contains(c.type()))) {
                problems.add(c.type() + " is read, so it must leave the ignored list");
            }
            if (isIgnored && ignored.getProperty(c.type()).isBlank()) {
                problems.add(c.type() + " is ignored without a reason");
            }
        }
        for (String t : ignored.stringPropertyNames()) {
            if (EventContracts.find(t).isEmpty()) {
                problems.add("the ignored list names " + t + ", which no producer publishes");
            }
        }
        for (String t : readByCode()) {
            if (EventContracts.find(t).isEmpty()) {
                problems.add("a handler reads " + t + ", which no producer publishes");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The check itself, on any list of mappings (the test below feeds it a broken one). */
    static List<String> check(List<EventMapping> mappings) {
        List<String> problems = new ArrayList<>();
        for (EventMapping m : mappings) {
            var contract = EventContracts.find(m.type());
            if (contract.isEmpty()) {
                problems.add(m.type() + ": no producer publishes this type");
                continue;
            }
            Map<String, Type> fields = components(contract.get().payload());
            String where = m.type();
            if (m.each() != null) {
                Type list = resolve(fields, m.each(), problems, where + " each");
                Type element = list == null ? null : elementOf(list);
                if (list != null && (element == null || !(element instanceof Class<?> c && c.isRecord()))) {
                    problems.add(where + " each: " + m.each() + " is not a list of records");
                } else if (element != null) {
                    Map<String, Type> merged = new LinkedHashMap<>(fields);
                    merged.remove(m.each());
                    merged.putAll(components((Class<?>) element));
                    fields = merged;
                }
            }
            if (m.when() != null) {
                for (String k : m.when().keySet()) {
                    paths(fields, k, problems, where + " when");
                }
            }
            paths(fields, m.year(), problems, where + " year");
            paths(fields, m.subject(), problems, where + " subject");
            paths(fields, m.asOf(), problems, where + " asOf");
            paths(fields, m.category(), problems, where + " category");
            paths(fields, m.label(), problems, where + " label");
            if (m.contributions() != null) {
                for (EventMapping.Contribution c : m.contributions()) {
                    String w = where + " contribution " + c.metric();
                    templates(fields, c.metric(), problems, w);
                    paths(fields, c.value(), problems, w + " value");
                    unit(fields, c.unit(), problems, w);
                }
            }
            if (m.figures() != null) {
                for (EventMapping.Stated f : m.figures()) {
                    String w = where + " figure " + f.key();
                    templates(fields, f.key(), problems, w);
                    paths(fields, f.value(), problems, w + " value");
                    paths(fields, f.text(), problems, w + " text");
                    unit(fields, f.unit(), problems, w);
                }
            }
        }
        return problems;
    }

    private static void unit(Map<String, Type> fields, String unit, List<String> problems, String where) {
        if (unit != null && unit.startsWith("@")) {
            resolve(fields, unit.substring(1), problems, where + " unit");
        }
    }

    private static void templates(Map<String, Type> fields, String template, List<String> problems, String where) {
        if (template == null) {
            return;
        }
        Matcher t = TEMPLATE.matcher(template);
        while (t.find()) {
            String path = t.group(1);
            resolve(fields, path.endsWith(":slug") ? path.substring(0, path.length() - 5) : path, problems, where);
        }
    }

    /** A path expression: alternatives {@code a|b}, each a constant ({@code =1}), an envelope field, a template or a path. */
    private static void paths(Map<String, Type> fields, String expression, List<String> problems, String where) {
        if (expression == null) {
            return;
        }
        for (String alternative : expression.split("\\|")) {
            String a = alternative.trim();
            if (a.startsWith("=")) {
                continue;
            }
            if (a.contains("${")) {
                templates(fields, a, problems, where);
            } else if (a.startsWith("$")) {
                if (!ENVELOPE.contains(a)) {
                    problems.add(where + ": " + a + " is no envelope field");
                }
            } else {
                resolve(fields, a, problems, where);
            }
        }
    }

    /** The type at {@code path} ({@code a.b}, {@code list.0.x}, {@code map.*}); a problem and null when a part names nothing. */
    static Type resolve(Map<String, Type> fields, String path, List<String> problems, String where) {
        String[] parts = path.split("\\.");
        Type t = fields.get(parts[0]);
        if (t == null) {
            problems.add(where + ": " + path + " — the payload has no field " + parts[0] + " (it has " + fields.keySet() + ")");
            return null;
        }
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            Class<?> raw = raw(t);
            if (Collection.class.isAssignableFrom(raw) && part.matches("\\d+")) {
                t = elementOf(t);
            } else if (Map.class.isAssignableFrom(raw)) {
                t = ((ParameterizedType) t).getActualTypeArguments()[1];
            } else if (raw.isRecord()) {
                Map<String, Type> inner = components(raw);
                t = inner.get(part);
                if (t == null) {
                    problems.add(where + ": " + path + " — " + raw.getSimpleName() + " has no field " + part);
                    return null;
                }
            } else {
                problems.add(where + ": " + path + " — " + parts[i - 1] + " is a " + raw.getSimpleName() + ", it has no " + part);
                return null;
            }
        }
        return t;
    }

    private static Class<?> raw(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    private static Type elementOf(Type t) {
        return t instanceof ParameterizedType p && Collection.class.isAssignableFrom(raw(t)) ? p.getActualTypeArguments()[0] : null;
    }

    static Map<String, Type> components(Class<?> record) {
        Map<String, Type> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            out.put(c.getName(), c.getGenericType());
        }
        return out;
    }

    @Test
    void aMappingThatNamesAFieldTheContractLacksIsCaught() {
        EventMapping broken = new EventMapping("member.training-recorded", null, Map.of("trainingStatus", "SENT"), "year", null,
                "trainingId", null, "programmeName", null, null,
                List.of(new EventMapping.Contribution("training.${cohort:slug}", "=1", "count")), null);
        List<String> problems = check(List.of(broken, new EventMapping("member.graduated", null, null, "year", null, null, null,
                null, null, null, null, null)));
        assertEquals(4, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("trainingStatus"), problems.get(0));
        assertTrue(problems.get(1).contains("programmeName"), problems.get(1));
        assertTrue(problems.get(2).contains("cohort"), problems.get(2));
        assertTrue(problems.get(3).contains("no producer publishes"), problems.get(3));
    }

    /**
     * The organisation code registry on the consuming side: a state inspection inspection-service published for SCT
     * before the registry (stored history) counts for the department's one code, SCT-BD, and SCT has no figure of it.
     */
    @Test
    void anEventOfTheDepartmentUnderItsOldCodeCountsForTheRegistryCode() throws Exception {
        int year = 2041;
        String id = "si-" + System.nanoTime();
        EventEnvelope e = new EventEnvelope(java.util.UUID.randomUUID(), "state-inspection.opened", 1, "inspection-service",
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                "SCT", "state-inspection", id, EventJson.tree(Map.of("stateInspectionId", id, "organization", "SCT",
                        "issuer", "SCT", "decisionNumber", "9/QĐ-SCT", "year", year, "interAgency", false, "status", "OPEN")));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("sct.inspection.events", id, EventJson.toBytes(e))).get(20, java.util.concurrent.TimeUnit.SECONDS);
        }
        long deadline = System.currentTimeMillis() + 60_000;
        String delegations = null;
        while (System.currentTimeMillis() < deadline && delegations == null) {
            delegations = figures("SCT-BD", year).getString("items.find { it.key == 'state-inspection.delegations' }.formatted");
            if (delegations == null) {
                Thread.sleep(200);
            }
        }
        assertEquals("01", delegations);
        assertEquals(null, figures("SCT", year).getString("items.find { it.key == 'state-inspection.delegations' }.formatted"));
    }

    private static JsonPath figures(String org, int year) {
        return io.restassured.RestAssured.given().auth().oauth2(TestTokens.as(Roles.VIEWER)).queryParam("organization", org)
                .queryParam("year", year).queryParam("size", 500).get("/api/v1/figures").then().statusCode(200).extract()
                .jsonPath();
    }
}

package vn.binhduong.sct.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The consumer's floor (issue 16): a baseline consumer that, for each poll, writes what report-service's inbox and
 * projections write for the same events, with plain JDBC batches in one transaction on one connection, into a database
 * of its own on the same PostgreSQL, then commits the Kafka offsets as the inbox does. Per poll: the {@code inbox} rows
 * ({@code ON CONFLICT (event_id) DO NOTHING}, only the new ones applied), the {@code projection_member} upserts
 * (report-service's own statement, {@code MemberRegistryHandler.UPSERT}), the member figures of every organisation
 * touched (six counts for each of the six years up to the latest date its members' events speak of), the
 * {@code projection_contribution} and new {@code projection_category} rows of {@code evaluation.member-rated}, the
 * rating figures ({@code evaluation.members}, one per category, {@code good-or-better}, {@code excellent-share}),
 * the {@code event_tally} upserts and one {@code inbox_position} upsert per partition. The inbox rows go as the platform
 * sends them (one {@code unnest} statement returning the new ids); every other write is a JDBC batch of single-row
 * statements, which the driver sends as multi-row INSERTs ({@code reWriteBatchedInserts=true}).
 *
 * <p>What it does not do is what makes it a floor: it reads nothing back from the database. The counts come from the
 * state it keeps in memory (each member's dates, each subject's contribution), so a recount costs no statement; no
 * ORM, no transaction manager, no tracing span, no gap check. Event types other than the member events
 * ({@link #MEMBER_TYPES}) and {@code evaluation.member-rated} get only their inbox row and tally, as in report-service
 * for a type no projection maps. {@link ConsumerApplyBench} checks that the rows it leaves equal report-service's.
 */
final class ConsumerFloor implements AutoCloseable {
    static final String TOPIC = "bench.floor.member.events";
    static final Set<String> MEMBER_TYPES = Set.of("member.registered", "member.admitted", "member.confirmed",
            "member.transferred", "member.transferred-out", "member.transferred-in", "member.removed", "member.deceased",
            "member.suspended", "member.updated", "candidate.admitted");
    private static final Set<String> LEAVING = Set.of("member.transferred-out", "member.removed", "member.deceased");
    private static final int YEARS_BACK = 5;
    private static final String[] MEMBER_KEYS = { "member.count.total", "member.count.probationary", "member.count.official",
            "member.count.religious", "member.admitted.count", "member.confirmed.count" };
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The projection tables, as report-service's migrations and the platform's inbox migration create them. */
    static void createSchema(String jdbc, Path home) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute(Files.readString(home.resolve("platform/src/main/resources/db/platform/V0_2__inbox.sql")));
            s.execute(Files.readString(home.resolve("report-service/src/main/resources/db/migration/V1__projections.sql")));
            // the same storage choice for the figure rows as report-service's (a fifth of each page left for updates)
            s.execute(Files.readString(home.resolve("report-service/src/main/resources/db/migration/V5__figure_fillfactor.sql")));
        }
    }

    /** Empties what a previous run of the floor wrote (the projections and its inbox). */
    static void clear(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("TRUNCATE inbox, inbox_position, inbox_dead_letter, event_tally, projection_member, figure,"
                    + " projection_contribution, projection_category");
        }
    }

    private final String jdbc;
    private final String bootstrap;
    private final String group;
    private final int maxPollRecords;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private final java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);
    long batches;

    ConsumerFloor(String jdbc, String bootstrap, String group, int maxPollRecords) {
        this.jdbc = jdbc;
        this.bootstrap = bootstrap;
        this.group = group;
        this.maxPollRecords = maxPollRecords;
    }

    ConsumerFloor start() {
        thread = new Thread(this::run, "consumer-floor");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Waits until the consumer has its partitions, so events published from now on are consumed live. */
    void awaitAssignment(int seconds) throws InterruptedException {
        if (!assigned.await(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
            check();
            throw new IllegalStateException("the floor consumer got no partitions in " + seconds + " s");
        }
    }

    void check() {
        if (failure != null) {
            throw new IllegalStateException("the floor consumer failed: " + failure, failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    private void run() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
        // reWriteBatchedInserts: the driver sends a batch of single-row INSERTs as multi-row INSERTs (up to 128 rows each)
        try (Connection db = DriverManager.getConnection(jdbc + (jdbc.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                "postgres", "postgres");
             KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            db.setAutoCommit(false);
            consumer = c;
            c.subscribe(List.of(TOPIC), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        assigned.countDown();
                    }
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = c.poll(Duration.ofMillis(500));
                } catch (WakeupException woken) {
                    break;
                }
                if (records.isEmpty()) {
                    continue;
                }
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
                records.forEach(batch::add);
                apply(db, batch);
                db.commit();
                batches++;
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<String, byte[]> r : batch) {
                    offsets.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
                            (a, b) -> a.offset() >= b.offset() ? a : b);
                }
                c.commitSync(offsets);
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            consumer = null;
        }
    }

    /** An event as the floor needs it. */
    private record Ev(UUID id, String type, String source, Instant at, String organization, JsonNode payload) {
        Timestamp ts() {
            return Timestamp.from(at);
        }
    }

    /** {@code a} later than {@code b} by (occurred-at, id), as report-service's Credit compares them. */
    private static boolean later(Ev a, Ev b) {
        if (b == null) {
            return true;
        }
        int t = a.at().compareTo(b.at());
        return t != 0 ? t > 0 : a.id().toString().compareTo(b.id().toString()) > 0;
    }

    private static Ev latest(Ev a, Ev b) {
        return later(a, b) ? a : b;
    }

    /** One member as projection_member holds it. */
    private static final class Member {
        String cell;
        String status;
        LocalDate admitted;
        LocalDate joined;
        LocalDate confirmed;
        LocalDate left;
        LocalDate lastEffective;
        boolean religious;
    }

    /** One summed metric of one organisation and year: each subject's contribution, the categories seen, the credit. */
    private static final class Metric {
        final String org;
        final int year;
        final String name;
        final Map<String, Object[]> bySubject = new HashMap<>(); // subject -> {category, value, Ev}
        final Set<String> categories = new java.util.TreeSet<>();
        Ev credit;

        Metric(String org, int year, String name) {
            this.org = org;
            this.year = year;
            this.name = name;
        }
    }

    private final Map<String, Map<String, Member>> members = new HashMap<>();
    private final Set<String> memberKeysInBatch = new java.util.HashSet<>();
    private final Map<String, Integer> windowFrom = new HashMap<>();
    private final Map<String, Ev> memberFigureCredit = new HashMap<>(); // org|year -> credit of its six counts
    private final Map<String, Metric> metrics = new HashMap<>();
    private final Map<String, Ev> derivedCredit = new HashMap<>(); // org|year -> credit of its derived figures

    /** The platform inbox's own statement (InboxConsumer.recordInInbox), the arrays bound as JDBC arrays. */
    private static final String INBOX = """
            INSERT INTO inbox (event_id, event_type, topic, partition_no, offset_no)
            SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS int[]), CAST(? AS bigint[]))
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id""";
    private static final String POSITION = """
            INSERT INTO inbox_position (consumer_group, topic, partition_no, offset_no, updated_at)
            VALUES (?, ?, ?, ?, now())
            ON CONFLICT (consumer_group, topic, partition_no)
            DO UPDATE SET offset_no = GREATEST(inbox_position.offset_no, EXCLUDED.offset_no), updated_at = now()""";
    private static final String TALLY = """
            INSERT INTO event_tally (source, event_type, applied, last_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (source, event_type)
            DO UPDATE SET applied = event_tally.applied + EXCLUDED.applied,
                          last_at = GREATEST(event_tally.last_at, EXCLUDED.last_at)""";
    /** report-service's MemberRegistryHandler.UPSERT, verbatim. */
    private static final String MEMBER_UPSERT = """
            INSERT INTO projection_member (organization, member_id, cell_code, status, admitted_on, joined_on, confirmed_on,
                left_on, last_effective_on, religious, event_id, occurred_at)
            VALUES (?, ?, ?, COALESCE(?, 'UNKNOWN'), ?, ?, ?, ?, ?, COALESCE(?, FALSE), ?, ?)
            ON CONFLICT (organization, member_id) DO UPDATE SET
                cell_code = COALESCE(EXCLUDED.cell_code, projection_member.cell_code),
                status = CASE WHEN ? THEN projection_member.status ELSE EXCLUDED.status END,
                admitted_on = COALESCE(EXCLUDED.admitted_on, projection_member.admitted_on),
                joined_on = CASE WHEN ? THEN EXCLUDED.joined_on
                                 ELSE COALESCE(projection_member.joined_on, EXCLUDED.joined_on) END,
                confirmed_on = COALESCE(EXCLUDED.confirmed_on, projection_member.confirmed_on),
                left_on = CASE WHEN ? THEN EXCLUDED.left_on WHEN ? THEN NULL ELSE projection_member.left_on END,
                last_effective_on = GREATEST(projection_member.last_effective_on, EXCLUDED.last_effective_on),
                religious = CASE WHEN ? THEN projection_member.religious ELSE EXCLUDED.religious END,
                event_id = EXCLUDED.event_id, occurred_at = EXCLUDED.occurred_at""";
    /** A figure whose value and credit the floor computed itself. */
    private static final String FIGURE = """
            INSERT INTO figure (organization, year, figure_key, value, text_value, unit, as_of, event_id, event_type, occurred_at)
            VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)
            ON CONFLICT (organization, year, figure_key) DO UPDATE SET value = EXCLUDED.value, unit = EXCLUDED.unit,
                as_of = EXCLUDED.as_of, event_id = EXCLUDED.event_id, event_type = EXCLUDED.event_type,
                occurred_at = EXCLUDED.occurred_at""";
    private static final String FIGURE_DROP = "DELETE FROM figure WHERE organization = ? AND year < ? AND figure_key IN ("
            + "'member.count.total', 'member.count.probationary', 'member.count.official', 'member.count.religious', "
            + "'member.admitted.count', 'member.confirmed.count')";
    private static final String CONTRIBUTION = """
            INSERT INTO projection_contribution (organization, year, metric, subject_id, category, label, value, unit,
                as_of, event_id, event_type, occurred_at)
            VALUES (?, ?, ?, ?, ?, NULL, ?, 'count', NULL, ?, ?, ?)
            ON CONFLICT (organization, year, metric, subject_id) DO UPDATE SET category = EXCLUDED.category,
                label = EXCLUDED.label, value = EXCLUDED.value, unit = EXCLUDED.unit, as_of = EXCLUDED.as_of,
                event_id = EXCLUDED.event_id, event_type = EXCLUDED.event_type, occurred_at = EXCLUDED.occurred_at""";
    private static final String CATEGORY = "INSERT INTO projection_category (organization, year, metric, category)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private void apply(Connection db, List<ConsumerRecord<String, byte[]>> batch) throws SQLException {
        List<Ev> events = new ArrayList<>(batch.size());
        List<ConsumerRecord<String, byte[]>> readable = new ArrayList<>(batch.size());
        Map<TopicPartition, Long> last = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : batch) {
            last.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::max);
            try {
                JsonNode n = JSON.readTree(r.value());
                events.add(new Ev(UUID.fromString(n.get("id").asText()), n.get("type").asText(), n.get("source").asText(),
                        OffsetDateTime.parse(n.get("occurredAt").asText()).toInstant(),
                        n.hasNonNull("organization") ? n.get("organization").asText() : null, n.get("payload")));
                readable.add(r);
            } catch (RuntimeException | java.io.IOException unreadable) {
                // report-service would dead-letter it; the floor skips it
            }
        }
        // one statement for the batch's inbox rows; it returns the ids that were new, the only ones to apply
        Set<UUID> fresh = new java.util.HashSet<>();
        if (!events.isEmpty()) {
            try (PreparedStatement ps = db.prepareStatement(INBOX)) {
                ps.setArray(1, db.createArrayOf("uuid", events.stream().map(Ev::id).toArray()));
                ps.setArray(2, db.createArrayOf("varchar", events.stream().map(Ev::type).toArray()));
                ps.setArray(3, db.createArrayOf("varchar", readable.stream().map(ConsumerRecord::topic).toArray()));
                ps.setArray(4, db.createArrayOf("int4", readable.stream().map(ConsumerRecord::partition).toArray()));
                ps.setArray(5, db.createArrayOf("int8", readable.stream().map(ConsumerRecord::offset).toArray()));
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        }
        Map<String, Object[]> tally = new TreeMap<>(); // source|type -> {source, type, count, last}
        Map<String, Ev> touchedOrgs = new TreeMap<>();
        Map<String, Metric> touchedMetrics = new LinkedHashMap<>();
        Map<String, Ev> touchedMetricCredit = new HashMap<>();
        Map<String, Object[]> contributionsWritten = new LinkedHashMap<>(); // one row per key: a multi-row INSERT may not touch a row twice
        List<Object[]> categoriesWritten = new ArrayList<>();
        memberKeysInBatch.clear();
        try (PreparedStatement upsert = db.prepareStatement(MEMBER_UPSERT)) {
            boolean anyMember = false;
            for (int i = 0; i < events.size(); i++) {
                Ev e = events.get(i);
                if (!fresh.remove(e.id())) {
                    continue; // applied before
                }
                tally.merge(e.source() + '\u0000' + e.type(), new Object[] { e.source(), e.type(), 1L, e.at() },
                        (a, b) -> new Object[] { a[0], a[1], (Long) a[2] + 1, ((Instant) a[3]).isAfter((Instant) b[3]) ? a[3] : b[3] });
                if (MEMBER_TYPES.contains(e.type())) {
                    String org = member(e, upsert);
                    if (org != null) {
                        anyMember = true;
                        touchedOrgs.merge(org, e, ConsumerFloor::latest);
                    }
                } else if ("evaluation.member-rated".equals(e.type())) {
                    rated(e, touchedMetrics, touchedMetricCredit, contributionsWritten, categoriesWritten);
                }
            }
            if (anyMember) {
                upsert.executeBatch();
            }
        }
        List<Object[]> figures = new ArrayList<>();
        List<Object[]> drops = new ArrayList<>();
        for (Map.Entry<String, Ev> o : touchedOrgs.entrySet()) {
            memberFigures(o.getKey(), o.getValue(), figures, drops);
        }
        if (!contributionsWritten.isEmpty()) {
            try (PreparedStatement ps = db.prepareStatement(CONTRIBUTION)) {
                for (Object[] c : contributionsWritten.values()) {
                    Ev e = (Ev) c[6];
                    ps.setString(1, (String) c[0]);
                    ps.setInt(2, (Integer) c[1]);
                    ps.setString(3, (String) c[2]);
                    ps.setString(4, (String) c[3]);
                    text(ps, 5, (String) c[4]);
                    ps.setBigDecimal(6, (BigDecimal) c[5]);
                    ps.setObject(7, e.id());
                    ps.setString(8, e.type());
                    ps.setTimestamp(9, e.ts());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!categoriesWritten.isEmpty()) {
            try (PreparedStatement ps = db.prepareStatement(CATEGORY)) {
                for (Object[] c : categoriesWritten) {
                    ps.setString(1, (String) c[0]);
                    ps.setInt(2, (Integer) c[1]);
                    ps.setString(3, (String) c[2]);
                    ps.setString(4, (String) c[3]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        ratingFigures(touchedMetrics, touchedMetricCredit, figures);
        if (!drops.isEmpty()) {
            try (PreparedStatement ps = db.prepareStatement(FIGURE_DROP)) {
                for (Object[] d : drops) {
                    ps.setString(1, (String) d[0]);
                    ps.setInt(2, (Integer) d[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!figures.isEmpty()) {
            try (PreparedStatement ps = db.prepareStatement(FIGURE)) {
                for (Object[] f : figures) {
                    Ev credit = (Ev) f[6];
                    ps.setString(1, (String) f[0]);
                    ps.setInt(2, (Integer) f[1]);
                    ps.setString(3, (String) f[2]);
                    ps.setBigDecimal(4, (BigDecimal) f[3]);
                    ps.setString(5, (String) f[4]);
                    if (f[5] == null) {
                        ps.setNull(6, Types.DATE);
                    } else {
                        ps.setDate(6, java.sql.Date.valueOf((LocalDate) f[5]));
                    }
                    ps.setObject(7, credit.id());
                    ps.setString(8, credit.type());
                    ps.setTimestamp(9, credit.ts());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!tally.isEmpty()) {
            try (PreparedStatement ps = db.prepareStatement(TALLY)) {
                for (Object[] t : tally.values()) {
                    ps.setString(1, (String) t[0]);
                    ps.setString(2, (String) t[1]);
                    ps.setLong(3, (Long) t[2]);
                    ps.setTimestamp(4, Timestamp.from((Instant) t[3]));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        try (PreparedStatement ps = db.prepareStatement(POSITION)) {
            for (Map.Entry<TopicPartition, Long> e : last.entrySet()) {
                ps.setString(1, group);
                ps.setString(2, e.getKey().topic());
                ps.setInt(3, e.getKey().partition());
                ps.setLong(4, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode n = payload == null ? null : payload.get(field);
        return n == null || n.isNull() || n.isMissingNode() ? null : n.isValueNode() ? n.asText() : n.toString();
    }

    private static LocalDate date(JsonNode payload, String field) {
        String t = text(payload, field);
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return t.length() > 10 ? OffsetDateTime.parse(t).toLocalDate() : LocalDate.parse(t);
        } catch (RuntimeException notADate) {
            return null;
        }
    }

    /** MemberRegistryHandler.apply and its upsert, in memory and as one batched row; the organisation, or null. */
    private String member(Ev e, PreparedStatement ps) throws SQLException {
        JsonNode p = e.payload();
        String memberId = text(p, "memberId");
        String org = text(p, "organization");
        org = org == null ? e.organization() : org;
        if (memberId == null || org == null) {
            return null;
        }
        LocalDate effective = date(p, "effectiveDate");
        if (effective == null) {
            effective = date(p, "from");
        }
        LocalDate admitted = date(p, "admissionDate");
        LocalDate confirmed = date(p, "confirmationDate");
        if ("member.confirmed".equals(e.type()) && confirmed == null) {
            confirmed = effective;
        }
        if (("member.admitted".equals(e.type()) || "candidate.admitted".equals(e.type())) && admitted == null) {
            admitted = effective;
        }
        String status = text(p, "status");
        if (status != null && p.has("onOfficialRoll") && !p.get("onOfficialRoll").asBoolean(true)) {
            status = "OFF_ROLL";
        }
        boolean leaving = LEAVING.contains(e.type());
        boolean joining = "member.transferred-in".equals(e.type());
        LocalDate joined = joining ? effective : admitted;
        Boolean religious = p.has("religious") ? p.get("religious").asBoolean() : null;
        LocalDate left = leaving ? (effective == null ? LocalDate.of(1, 1, 1) : effective) : null;
        LocalDate lastEffective = effective != null ? effective : confirmed != null ? confirmed : admitted;
        String cell = text(p, "cellCode");

        if (!memberKeysInBatch.add(org + '\u0000' + memberId)) {
            ps.executeBatch(); // the member's earlier event of this poll goes first (and never twice in one multi-row INSERT)
            memberKeysInBatch.clear();
            memberKeysInBatch.add(org + '\u0000' + memberId);
        }
        Map<String, Member> roll = members.computeIfAbsent(org, k -> new HashMap<>());
        Member m = roll.get(memberId);
        if (m == null) {
            m = new Member();
            m.cell = cell;
            m.status = status == null ? "UNKNOWN" : status;
            m.admitted = admitted;
            m.joined = joined;
            m.confirmed = confirmed;
            m.left = left;
            m.lastEffective = lastEffective;
            m.religious = religious != null && religious;
            roll.put(memberId, m);
        } else {
            m.cell = cell != null ? cell : m.cell;
            m.status = status == null ? m.status : status;
            m.admitted = admitted != null ? admitted : m.admitted;
            m.joined = joining ? joined : m.joined != null ? m.joined : joined;
            m.confirmed = confirmed != null ? confirmed : m.confirmed;
            m.left = leaving ? left : joining ? null : m.left;
            m.lastEffective = greatest(m.lastEffective, lastEffective);
            m.religious = religious == null ? m.religious : religious;
        }
        int i = 1;
        ps.setString(i++, org);
        ps.setString(i++, memberId);
        text(ps, i++, cell);
        text(ps, i++, status);
        date(ps, i++, admitted);
        date(ps, i++, joined);
        date(ps, i++, confirmed);
        date(ps, i++, left);
        date(ps, i++, lastEffective);
        if (religious == null) {
            ps.setNull(i++, Types.BOOLEAN);
        } else {
            ps.setBoolean(i++, religious);
        }
        ps.setObject(i++, e.id());
        ps.setTimestamp(i++, e.ts());
        ps.setBoolean(i++, status == null);
        ps.setBoolean(i++, joining);
        ps.setBoolean(i++, leaving);
        ps.setBoolean(i++, joining);
        ps.setBoolean(i++, religious == null);
        ps.addBatch();
        return org;
    }

    private static LocalDate greatest(LocalDate... dates) {
        LocalDate g = null;
        for (LocalDate d : dates) {
            if (d != null && (g == null || d.isAfter(g))) {
                g = d;
            }
        }
        return g;
    }

    /** MemberRegistryHandler.recount for one organisation, counted in memory over its members. */
    private void memberFigures(String org, Ev credit, List<Object[]> figures, List<Object[]> drops) {
        Map<String, Member> roll = members.get(org);
        LocalDate last = null;
        for (Member m : roll.values()) {
            last = greatest(last, greatest(m.lastEffective, m.admitted, m.confirmed, m.left));
        }
        if (last == null) {
            return;
        }
        int to = last.getYear();
        int from = to - YEARS_BACK;
        Integer before = windowFrom.put(org, from);
        if (before == null || before < from) {
            drops.add(new Object[] { org, from });
        }
        for (int y = from; y <= to; y++) {
            LocalDate start = LocalDate.of(y, 1, 1);
            LocalDate end = LocalDate.of(y, 12, 31);
            long total = 0, probationary = 0, religious = 0, admitted = 0, confirmed = 0;
            for (Member m : roll.values()) {
                boolean active = (m.joined == null || !m.joined.isAfter(end)) && (m.left == null || m.left.isAfter(end))
                        && !(m.left == null && Set.of("REMOVED", "DECEASED", "TRANSFERRED_OUT").contains(m.status))
                        && !"OFF_ROLL".equals(m.status);
                if (active) {
                    total++;
                    if ((m.confirmed == null || m.confirmed.isAfter(end))
                            && ("PROBATIONARY".equals(m.status) || m.confirmed != null)) {
                        probationary++;
                    }
                    if (m.religious) {
                        religious++;
                    }
                }
                if (m.admitted != null && !m.admitted.isBefore(start) && !m.admitted.isAfter(end)) {
                    admitted++;
                }
                if (m.confirmed != null && !m.confirmed.isBefore(start) && !m.confirmed.isAfter(end)) {
                    confirmed++;
                }
            }
            Ev c = memberFigureCredit.merge(org + '\u0000' + y, credit, ConsumerFloor::latest);
            LocalDate asOf = last.isBefore(end) ? last : end;
            long[] values = { total, probationary, total - probationary, religious, admitted, confirmed };
            for (int k = 0; k < MEMBER_KEYS.length; k++) {
                figures.add(new Object[] { org, y, MEMBER_KEYS[k], BigDecimal.valueOf(values[k]), "count", asOf, c });
            }
        }
    }

    /** The mapping of evaluation.member-rated: one contribution of 1 by the member to evaluation.members, by rating. */
    private void rated(Ev e, Map<String, Metric> touched, Map<String, Ev> touchedCredit, Map<String, Object[]> contributions,
            List<Object[]> categories) {
        JsonNode p = e.payload();
        String org = text(p, "organization");
        if (org == null) {
            org = text(p, "organizationCode");
        }
        if (org == null) {
            org = e.organization();
        }
        JsonNode y = p == null ? null : p.get("year");
        if (org == null || y == null || y.isNull()) {
            return;
        }
        Integer year;
        if (y.isInt()) {
            year = y.intValue();
        } else {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{4})").matcher(y.asText());
            year = m.find() ? Integer.valueOf(m.group(1)) : null;
        }
        String subject = text(p, "memberId");
        if (year == null || subject == null) {
            return;
        }
        String category = text(p, "rating");
        String key = org + '\u0000' + year + '\u0000' + "evaluation.members";
        final String o = org;
        final int yr = year;
        Metric metric = metrics.computeIfAbsent(key, k -> new Metric(o, yr, "evaluation.members"));
        Object[] had = metric.bySubject.get(subject);
        if (had == null || !later((Ev) had[2], e)) {
            metric.bySubject.put(subject, new Object[] { category, BigDecimal.ONE, e });
            contributions.put(key + '\u0000' + subject, new Object[] { org, year, "evaluation.members", subject, category, BigDecimal.ONE, e });
        }
        if (category != null && metric.categories.add(category)) {
            categories.add(new Object[] { org, year, "evaluation.members", category });
        }
        touched.put(key, metric);
        touchedCredit.merge(key, e, ConsumerFloor::latest);
    }

    /** FigureStore.endBatch for the touched metrics: totals, categories, then the derived figures of their org-years. */
    private void ratingFigures(Map<String, Metric> touched, Map<String, Ev> touchedCredit, List<Object[]> figures) {
        Map<String, Ev> derive = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        for (Map.Entry<String, Metric> t : touched.entrySet()) {
            Metric m = t.getValue();
            Ev batchCredit = touchedCredit.get(t.getKey());
            m.credit = latest(batchCredit, m.credit);
            BigDecimal total = BigDecimal.ZERO;
            Map<String, BigDecimal> byCategory = new TreeMap<>();
            m.categories.forEach(c -> byCategory.put(c, BigDecimal.ZERO));
            for (Object[] c : m.bySubject.values()) {
                total = total.add((BigDecimal) c[1]);
                if (c[0] != null) {
                    byCategory.merge((String) c[0], (BigDecimal) c[1], BigDecimal::add);
                }
            }
            figures.add(new Object[] { m.org, m.year, m.name, total, "count", null, m.credit });
            Map<String, BigDecimal> f = values.computeIfAbsent(m.org + '\u0000' + m.year, k -> new HashMap<>());
            for (Map.Entry<String, BigDecimal> c : byCategory.entrySet()) {
                String key = m.name + "." + c.getKey().trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
                figures.add(new Object[] { m.org, m.year, key, c.getValue(), "count", null, m.credit });
                f.put(key, c.getValue());
            }
            derive.merge(m.org + '\u0000' + m.year, batchCredit, ConsumerFloor::latest);
        }
        for (Map.Entry<String, Ev> d : derive.entrySet()) {
            Ev credit = derivedCredit.merge(d.getKey(), d.getValue(), ConsumerFloor::latest);
            String[] oy = d.getKey().split("\u0000");
            String org = oy[0];
            int year = Integer.parseInt(oy[1]);
            Map<String, BigDecimal> f = values.get(d.getKey());
            String p = "evaluation.members.";
            if (f.containsKey(p + "excellent") || f.containsKey(p + "good")) {
                BigDecimal gob = f.getOrDefault(p + "excellent", BigDecimal.ZERO).add(f.getOrDefault(p + "good", BigDecimal.ZERO));
                figures.add(new Object[] { org, year, p + "good-or-better", gob, "count", null, credit });
                BigDecimal excellent = f.get(p + "excellent");
                if (excellent != null && gob.signum() != 0) {
                    figures.add(new Object[] { org, year, p + "excellent-share",
                            excellent.multiply(BigDecimal.valueOf(100)).divide(gob, 6, RoundingMode.HALF_UP), "percent", null,
                            credit });
                }
            }
        }
    }

    private static void text(PreparedStatement ps, int i, String s) throws SQLException {
        if (s == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, s);
        }
    }

    private static void date(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, java.sql.Date.valueOf(d));
        }
    }
}

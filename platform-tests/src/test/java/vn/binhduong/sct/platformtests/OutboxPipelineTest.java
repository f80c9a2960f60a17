package vn.binhduong.sct.platformtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.testing.EmbeddedInfra;
import vn.binhduong.sct.testing.EventProbe;

/**
 * The relay sends several batches before the first is acknowledged (sct.outbox.max-in-flight): what it publishes must
 * still be every committed row once, each aggregate's events in the order written, and a row that committed late with
 * a lower id than rows already sent must not be left behind.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedInfra.class, restrictToAnnotatedClass = false)
class OutboxPipelineTest {
    static final String TOPIC = OutboxRelayTest.TOPIC;

    @Inject
    DataSource ds;

    @Test
    void manyBatchesInFlightArriveOnceEachAndInOrderPerAggregate() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int aggregates = 7;
        int perAggregate = 500; // 3,500 rows: seven batches of 500, up to four in flight
        try (EventProbe probe = EventProbe.fromNow(TOPIC)) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = insert(c)) {
                    for (int seq = 0; seq < perAggregate; seq++) {
                        for (int a = 0; a < aggregates; a++) {
                            bind(ps, "pipe-" + run + "-" + a, seq);
                            ps.addBatch();
                        }
                    }
                    ps.executeBatch();
                }
                c.commit();
            }
            List<EventEnvelope> events = probe.await(e -> e.aggregateId().startsWith("pipe-" + run), aggregates * perAggregate,
                    Duration.ofSeconds(60));
            probe.drain(Duration.ofSeconds(2));
            List<EventEnvelope> all = probe.events().stream().filter(e -> e.aggregateId().startsWith("pipe-" + run)).toList();
            assertEquals(aggregates * perAggregate, events.size());
            assertEquals(aggregates * perAggregate, all.size(), "every row published exactly once");
            Map<String, Integer> last = new HashMap<>();
            for (EventEnvelope e : all) {
                int seq = e.payload().get("seq").asInt();
                int expected = last.getOrDefault(e.aggregateId(), -1) + 1;
                assertEquals(expected, seq, "events of " + e.aggregateId() + " in the order written");
                last.put(e.aggregateId(), seq);
            }
        }
        assertEquals(0, Db.count(ds, "SELECT count(*) FROM outbox WHERE aggregate_id LIKE ? AND published_at IS NULL",
                "pipe-" + run + "-%"));
    }

    @Test
    void aRowCommittedAfterLaterIdsWereSentIsStillPublished() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (EventProbe probe = EventProbe.fromNow(TOPIC); Connection slow = ds.getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement ps = insert(slow)) {
                bind(ps, "late-" + run, 0); // takes its id now, commits after 1,200 rows with higher ids are published
                ps.executeUpdate();
            }
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = insert(c)) {
                    for (int i = 0; i < 1_200; i++) {
                        bind(ps, "early-" + run, i);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            }
            probe.await(e -> e.aggregateId().equals("early-" + run), 1_200, Duration.ofSeconds(60));
            slow.commit();
            List<EventEnvelope> late = probe.await(e -> e.aggregateId().equals("late-" + run), 1, Duration.ofSeconds(30));
            assertEquals(1, late.size());
        }
        assertTrue(Db.count(ds, "SELECT count(*) FROM outbox WHERE aggregate_id = ? AND id < (SELECT min(id) FROM outbox "
                + "WHERE aggregate_id = ?)", "late-" + run, "early-" + run) == 1, "the late row has the lower id");
        assertEquals(0, Db.count(ds, "SELECT count(*) FROM outbox WHERE aggregate_id = ? AND published_at IS NULL",
                "late-" + run));
    }

    private static PreparedStatement insert(Connection c) throws SQLException {
        return c.prepareStatement("""
                INSERT INTO outbox (event_id, event_type, event_version, source, organization, aggregate_type,
                                    aggregate_id, occurred_at, payload)
                VALUES (?, 'test.sequenced', 1, 'platform-tests', 'DB-SCT', 'sequence', ?, ?, CAST(? AS jsonb))""");
    }

    private static void bind(PreparedStatement ps, String aggregate, int seq) throws SQLException {
        ps.setObject(1, UUID.randomUUID());
        ps.setString(2, aggregate);
        ps.setTimestamp(3, Timestamp.from(Instant.now()));
        ps.setString(4, "{\"seq\":" + seq + "}");
    }
}

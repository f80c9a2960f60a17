package vn.binhduong.sct.platformtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.events.EventType;
import vn.binhduong.sct.platform.inbox.InboxConsumer;
import vn.binhduong.sct.platform.inbox.PartitionLag;
import vn.binhduong.sct.testing.EmbeddedInfra;

@QuarkusTest
class InboxConsumerTest {
    @Inject
    DataSource ds;

    @Inject
    InboxConsumer inbox;

    private static void send(EventEnvelope e) throws Exception {
        send(e.aggregateId(), EventJson.toBytes(e));
    }

    private static void send(String key, byte[] value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(OutboxRelayTest.TOPIC, key, value)).get(20, TimeUnit.SECONDS);
        }
    }

    private static EventEnvelope noteCreated(String code, String text) {
        return EventEnvelope.create(EventType.of("note.created", 1), "test", "DB-SCT", "note", code,
                Map.of("code", code, "text", text, "someFieldFromTheFuture", 42));
    }

    private void awaitCaughtUp() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<PartitionLag> lag = inbox.lag();
            if (!lag.isEmpty() && lag.stream().allMatch(l -> l.lag() == 0)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("consumer did not catch up: " + inbox.lag());
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() throws Exception {
        String code = "dup-" + UUID.randomUUID();
        EventEnvelope event = noteCreated(code, "hai lần");
        send(event);
        send(event);
        awaitCaughtUp();
        assertEquals(1, Db.count(ds, "SELECT count(*) FROM note_copy WHERE note_code = ?", code));
        assertEquals(1, Db.count(ds, "SELECT count(*) FROM inbox WHERE event_id = ?", event.id()));
    }

    @Test
    void aPoisonEventIsSetAsideAndTheTopicGoesOn() throws Exception {
        String bad = "poison-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        send(bad, "{not an envelope".getBytes(StandardCharsets.UTF_8));
        EventEnvelope failing = noteCreated(bad + "-h", "poison: the handler refuses it");
        send(failing);
        send(noteCreated(good, "vẫn được áp dụng"));
        awaitCaughtUp();
        assertEquals(1, Db.count(ds, "SELECT count(*) FROM note_copy WHERE note_code = ?", good));
        assertEquals(1, Db.count(ds, "SELECT count(*) FROM inbox_dead_letter WHERE record_value = ?", "{not an envelope"));
        assertEquals(1, Db.count(ds, "SELECT count(*) FROM inbox_dead_letter WHERE event_id = ?", failing.id()));
        assertEquals(0, Db.count(ds, "SELECT count(*) FROM note_copy WHERE note_code = ?", bad + "-h"));
    }

    @Test
    void workDeferredToTheEndOfABatchIsDoneOnceEvenWhenTheBatchIsRetried() throws Exception {
        // one producer, one flush: the events land in the same polled batch(es); the poison event fails the batch,
        // which is then retried event by event. Deferred work of the failed attempt must not be carried over.
        String prefix = "deferred-" + UUID.randomUUID();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 10; i++) {
                EventEnvelope e = noteCreated(prefix + "-" + i, i == 5 ? "poison, deferred or not" : "deferred copy " + i);
                producer.send(new ProducerRecord<>(OutboxRelayTest.TOPIC, "same-key", EventJson.toBytes(e)));
            }
            producer.flush();
        }
        awaitCaughtUp();
        for (int i = 0; i < 10; i++) {
            assertEquals(i == 5 ? 0 : 1, Db.count(ds, "SELECT count(*) FROM note_copy WHERE note_code = ?", prefix + "-" + i),
                    "copies of note " + i);
        }
    }

    @Test
    void lagShowsAppliedAgainstEndOffsetPerPartition() throws Exception {
        send(noteCreated("lag-" + UUID.randomUUID(), "x"));
        awaitCaughtUp();
        List<PartitionLag> lag = inbox.lag();
        assertEquals(3, lag.size(), "three partitions of the topic");
        assertTrue(lag.stream().allMatch(l -> l.topic().equals(OutboxRelayTest.TOPIC)));
        assertTrue(lag.stream().anyMatch(l -> l.appliedOffset() >= 0 && l.endOffset() == l.appliedOffset() + 1));
        io.restassured.RestAssured.given().auth().oauth2(vn.binhduong.sct.testing.TestTokens.as("admin"))
                .get("/api/v1/inbox/lag").then().statusCode(200)
                .body("caughtUp", org.hamcrest.Matchers.equalTo(true))
                .body("partitions.size()", org.hamcrest.Matchers.equalTo(3));
        io.restassured.RestAssured.given().auth().oauth2(vn.binhduong.sct.testing.TestTokens.as("viewer"))
                .get("/api/v1/inbox/lag").then().statusCode(403);
    }

    @Test
    void replayFromTheBeginningRebuildsTheSameEffects() throws Exception {
        send(noteCreated("replay-" + UUID.randomUUID(), "x"));
        awaitCaughtUp();
        long before = Db.count(ds, "SELECT count(*) FROM note_copy");
        long inboxBefore = Db.count(ds, "SELECT count(*) FROM inbox");
        // the reset empties what the handler built; replaying every event must build exactly the same again
        inbox.replayFromBeginning(() -> jakarta.enterprise.inject.spi.CDI.current()
                .select(jakarta.persistence.EntityManager.class).get()
                .createNativeQuery("DELETE FROM note_copy").executeUpdate()).get(30, TimeUnit.SECONDS);
        awaitCaughtUp();
        Db.awaitCount(ds, before, 30_000, "SELECT count(*) FROM note_copy");
        assertEquals(before, Db.count(ds, "SELECT count(*) FROM note_copy"));
        assertEquals(inboxBefore, Db.count(ds, "SELECT count(*) FROM inbox"));
    }

    @Test
    void aBatchTheDatabaseLostIsAppliedAgain() throws Exception {
        // Three events applied, then the database loses them (a crash before its last commits reached the disk, a
        // restore): their effects, inbox rows and the partition's stored position go back. The next event must make
        // the inbox read the lost ones again instead of going on from where the consumer was.
        String prefix = "lost-" + UUID.randomUUID();
        String key = prefix + "-key";
        List<EventEnvelope> events = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            EventEnvelope e = EventEnvelope.create(EventType.of("note.created", 1), "test", "DB-SCT", "note", key,
                    Map.of("code", prefix + "-" + i, "text", "sẽ mất rồi áp dụng lại"));
            events.add(e);
            send(key, EventJson.toBytes(e));
        }
        awaitCaughtUp();
        Db.awaitCount(ds, 3, 30_000, "SELECT count(*) FROM note_copy WHERE note_code LIKE ?", prefix + "-%");
        long firstOffset = Db.count(ds, "SELECT min(offset_no) FROM inbox WHERE event_id = ANY (?)",
                (Object) events.stream().map(EventEnvelope::id).toArray(UUID[]::new));
        int partition = (int) Db.count(ds, "SELECT min(partition_no) FROM inbox WHERE event_id = ?", events.get(0).id());
        Db.execute(ds, "DELETE FROM note_copy WHERE note_code LIKE ?", prefix + "-%");
        Db.execute(ds, "DELETE FROM inbox WHERE event_id = ANY (?)",
                (Object) events.stream().map(EventEnvelope::id).toArray(UUID[]::new));
        Db.execute(ds, "UPDATE inbox_position SET offset_no = ? WHERE topic = ? AND partition_no = ?", firstOffset - 1,
                OutboxRelayTest.TOPIC, partition);
        long repairsBefore = inbox.gapsRepaired();

        EventEnvelope next = EventEnvelope.create(EventType.of("note.created", 1), "test", "DB-SCT", "note", key,
                Map.of("code", prefix + "-3", "text", "sau sự cố"));
        send(key, EventJson.toBytes(next));
        Db.awaitCount(ds, 4, 30_000, "SELECT count(*) FROM note_copy WHERE note_code LIKE ?", prefix + "-%");
        awaitCaughtUp();
        assertEquals(4, Db.count(ds, "SELECT count(*) FROM note_copy WHERE note_code LIKE ?", prefix + "-%"),
                "the three lost effects applied again, and the new one");
        assertTrue(inbox.gapsRepaired() > repairsBefore, "the inbox noticed that the database was behind");
    }
}

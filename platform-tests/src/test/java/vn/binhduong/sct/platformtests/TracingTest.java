package vn.binhduong.sct.platformtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.binhduong.sct.platform.security.Roles;
import vn.binhduong.sct.testing.TestTokens;

/**
 * One trace runs from a REST write to the consumer's projection update: the request's trace context is stored with the
 * outbox row, sent with the event as a {@code traceparent} header, and the inbox applies the event in a child span of
 * the request. The harness is producer and consumer at once (the same path as covid-ops-service to report-service).
 */
@QuarkusTest
class TracingTest {
    @Inject
    InMemorySpanExporter spans;

    @Inject
    DataSource ds;

    @Test
    void oneTraceRunsFromTheRestWriteToTheProjectionUpdate() throws Exception {
        String code = "trace-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.as(Roles.DEPARTMENT_STAFF)).contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"text\":\"theo dấu\"}")
                .post("/api/v1/notes").then().statusCode(201);
        awaitCopied(code);

        String eventId = Db.string(ds, "SELECT event_id::text FROM outbox WHERE aggregate_id = ?", code);
        SpanData apply = awaitSpan(s -> s.getKind() == SpanKind.CONSUMER
                && eventId.equals(s.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(
                        "messaging.message.id"))));
        SpanData post = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getName().startsWith("POST")
                && s.getTraceId().equals(apply.getTraceId()));

        assertEquals("apply note.created", apply.getName());
        assertEquals(post.getTraceId(), apply.getTraceId(), "the consumer continues the request's trace");
        assertEquals(post.getSpanId(), apply.getParentSpanId(), "the apply span is a child of the REST request's span");
        String stored = Db.string(ds, "SELECT traceparent FROM outbox WHERE aggregate_id = ?", code);
        assertNotNull(stored, "the outbox row keeps the trace context");
        assertTrue(stored.matches("00-" + post.getTraceId() + "-" + post.getSpanId() + "-0[01]"), stored);
    }

    private void awaitCopied(String code) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (Db.count(ds, "SELECT count(*) FROM note_copy WHERE note_code = ?", code) == 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the note was never copied by the consumer");
            }
            Thread.sleep(100);
        }
    }

    private SpanData awaitSpan(java.util.function.Predicate<SpanData> which) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (true) {
            List<SpanData> finished = spans.getFinishedSpanItems();
            Optional<SpanData> found = finished.stream().filter(which).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no such span among " + finished.stream().map(SpanData::getName).toList());
            }
            Thread.sleep(100);
        }
    }
}

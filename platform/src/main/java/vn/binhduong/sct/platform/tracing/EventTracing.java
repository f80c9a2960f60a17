package vn.binhduong.sct.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import vn.binhduong.sct.platform.events.EventEnvelope;

/**
 * Carries a trace across the event bus: the W3C {@code traceparent} of the request that wrote an event is stored
 * with its outbox row, sent as a Kafka record header, and the consumer applies the event in a span whose parent it is.
 * One trace then runs from the REST write in a producer to the projection update in a consumer.
 */
public final class EventTracing {
    /** The Kafka header (and W3C field) name. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private EventTracing() {
    }

    /** The traceparent of the current span, or null when there is none (tracing off, or no request in progress). */
    public static String currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The traceparent a record carries, or null. */
    public static String traceparent(Headers headers) {
        Header h = headers.lastHeader(TRACEPARENT);
        return h == null ? null : new String(h.value(), StandardCharsets.US_ASCII);
    }

    /**
     * Starts the span in which a consumer applies one event: a child of the producer's request when the record carried
     * its trace context, a new trace otherwise. The caller makes it current and ends it.
     */
    public static Span startApply(Tracer tracer, String traceparent, EventEnvelope event, String topic, String group) {
        Context parent = Context.root();
        if (traceparent != null) {
            parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent),
                    MAP_GETTER);
        }
        return tracer.spanBuilder("apply " + event.type())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.consumer.group.name", group)
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("sct.event.type", event.type())
                .setAttribute("sct.event.source", event.source())
                .startSpan();
    }
}

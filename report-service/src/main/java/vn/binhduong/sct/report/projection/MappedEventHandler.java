package vn.binhduong.sct.report.projection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.binhduong.sct.contract.common.Organisations;
import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.events.EventJson;
import vn.binhduong.sct.platform.inbox.EventHandler;
import vn.binhduong.sct.report.domain.Unit;

/**
 * Maps the events of the four domain topics to figures as {@code projection/mappings.json} declares (one place to
 * read which event feeds which figure key). Called by the inbox once per event id, inside its transaction.
 */
@ApplicationScoped
public class MappedEventHandler implements EventHandler {
    private static final Logger LOG = Logger.getLogger(MappedEventHandler.class);

    private final FigureStore store;
    private final Organisations organisations = Organisations.from(
            key -> org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue(key, String.class));
    private final Map<String, List<EventMapping>> byType = new HashMap<>();

    public MappedEventHandler(FigureStore store) {
        this.store = store;
        for (EventMapping m : load()) {
            byType.computeIfAbsent(m.type(), t -> new java.util.ArrayList<>()).add(m);
        }
    }

    public static List<EventMapping> load() {
        try (InputStream in = MappedEventHandler.class.getClassLoader().getResourceAsStream("projection/mappings.json")) {
            return EventJson.MAPPER.readValue(in, new TypeReference<List<EventMapping>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("projection/mappings.json", e);
        }
    }

    /** Event types that feed figures. */
    public Set<String> mappedTypes() {
        return new TreeSet<>(byType.keySet());
    }

    @Override
    public void beginBatch() {
        store.beginBatch();
    }

    @Override
    public void endBatch() {
        store.endBatch();
    }

    @Override
    public void apply(EventEnvelope event) {
        List<EventMapping> mappings = byType.get(event.type());
        if (mappings == null) {
            return;
        }
        for (EventMapping m : mappings) {
            if (m.each() == null) {
                apply(m, event);
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode list = Payload.node(event, m.each());
            if (list == null || !list.isArray()) {
                continue;
            }
            for (com.fasterxml.jackson.databind.JsonNode element : list) {
                com.fasterxml.jackson.databind.node.ObjectNode merged = event.payload().deepCopy();
                merged.remove(m.each());
                if (element.isObject()) {
                    merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) element);
                }
                EventEnvelope one = new EventEnvelope(event.id(), event.type(), event.version(), event.source(),
                        event.occurredAt(), event.organization(), event.aggregateType(), event.aggregateId(), merged);
                apply(m, one, Payload.text(event, m.subject() == null ? "$aggregateId" : m.subject()) + ":" + element.toString().hashCode());
            }
        }
    }

    private void apply(EventMapping m, EventEnvelope e) {
        apply(m, e, null);
    }

    private void apply(EventMapping m, EventEnvelope e, String subjectOverride) {
        if (m.when() != null) {
            for (Map.Entry<String, String> w : m.when().entrySet()) {
                // alternatives a|b; "null" matches an absent field (an event from before the field existed)
                String actual = String.valueOf(Payload.text(e, w.getKey()));
                if (java.util.Arrays.stream(w.getValue().split("\\|")).noneMatch(v -> v.trim().equalsIgnoreCase(actual))) {
                    return;
                }
            }
        }
        String org = Payload.text(e, "organization|organizationCode");
        if (org == null) {
            org = e.organization();
        }
        if (org == null) {
            LOG.debugf("%s %s names no organisation; ignored", e.type(), e.id());
            return;
        }
        // one code per organisation: an event stored before the registry (inspection-service's SCT) counts for SCT-BD
        org = organisations.canonical(org);
        LocalDate asOf = Payload.date(e, m.asOf());
        Integer year = Boolean.TRUE.equals(m.timeless()) ? Integer.valueOf(0) : Payload.year(e, m.year());
        if (year == null && asOf != null) {
            year = asOf.getYear();
        }
        if (year == null) {
            LOG.debugf("%s %s has no year at %s; ignored", e.type(), e.id(), m.year());
            return;
        }
        String subject = subjectOverride != null ? subjectOverride : Payload.text(e, m.subject() == null ? "$aggregateId" : m.subject());
        String category = m.category() == null ? null : Payload.text(e, m.category());
        String label = label(e, m.label());
        if (m.contributions() != null) {
            for (EventMapping.Contribution c : m.contributions()) {
                String metric = Payload.fill(e, c.metric());
                if (metric == null) {
                    continue;
                }
                Unit unit = unit(e, c.unit());
                if (Boolean.TRUE.equals(m.withdraw())) {
                    store.withdraw(org, year, metric, subject, unit, e);
                    continue;
                }
                if (c.value() != null && c.value().endsWith(".*")) {
                    // one contribution per entry of a map, the entry's key as category ({"SHIPPER": 1478, ...})
                    com.fasterxml.jackson.databind.JsonNode map = Payload.node(e, c.value().substring(0, c.value().length() - 2));
                    if (map != null && map.isObject()) {
                        var fields = map.fields();
                        while (fields.hasNext()) {
                            var f = fields.next();
                            if (f.getValue().isNumber()) {
                                store.contribute(org, year, metric, subject + ":" + f.getKey(), f.getKey(), label,
                                        f.getValue().decimalValue(), unit, asOf, e);
                            }
                        }
                    }
                    continue;
                }
                BigDecimal value = Payload.number(e, c.value());
                if (value != null && subject != null) {
                    store.contribute(org, year, metric, subject, category, label, value, unit, asOf, e);
                }
            }
        }
        if (m.figures() != null) {
            for (EventMapping.Stated s : m.figures()) {
                String key = Payload.fill(e, s.key());
                if (key == null) {
                    continue;
                }
                Unit unit = unit(e, s.unit());
                if (unit == Unit.TEXT || unit == Unit.RATING) {
                    String text = Payload.text(e, s.text() != null ? s.text() : s.value());
                    if (text != null) {
                        store.state(org, year, key, null, text, unit, asOf, e);
                    }
                } else {
                    BigDecimal value = Payload.number(e, s.value());
                    if (value != null) {
                        store.state(org, year, key, value, null, unit, asOf, e);
                    }
                }
            }
            store.derive(org, year, e);
        }
    }

    /** A path, or a template {@code ${a} ... ${b}}; alternatives {@code template|path}, the first that resolves. */
    private static String label(EventEnvelope e, String label) {
        if (label == null || !label.contains("${")) {
            return label == null ? null : Payload.text(e, label);
        }
        for (String alternative : label.split("\\|")) {
            String v = alternative.contains("${") ? Payload.fill(e, alternative) : Payload.text(e, alternative);
            if (v != null && !v.isBlank()) {
                return v.length() > 400 ? v.substring(0, 399) + "…" : v; // the label column's width
            }
        }
        return null;
    }

    private static Unit unit(EventEnvelope e, String unit) {
        if (unit != null && unit.startsWith("@")) {
            String u = Payload.text(e, unit.substring(1));
            try {
                return u == null ? Unit.COUNT : Unit.of(u);
            } catch (IllegalArgumentException unknown) {
                return Unit.COUNT;
            }
        }
        return Unit.of(unit);
    }
}

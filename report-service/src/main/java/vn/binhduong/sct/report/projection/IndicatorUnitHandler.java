package vn.binhduong.sct.report.projection;

import java.sql.Timestamp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.inbox.EventHandler;

/**
 * Keeps each indicator's unit, scale and display unit as indicator-service's {@code indicator.defined} (code, unit,
 * scale, displayUnit) and {@code indicator-value.recorded} (indicatorCode, unit, scale, displayUnit) state them; the
 * latest event (occurred-at, then event id) wins, a field it leaves out keeps what an earlier event said. The annex uses
 * it to print a rule violation's values in the indicator's display scale.
 */
@ApplicationScoped
public class IndicatorUnitHandler implements EventHandler {
    private final EntityManager em;

    public IndicatorUnitHandler(EntityManager em) {
        this.em = em;
    }

    @Override
    public void apply(EventEnvelope e) {
        String code;
        if ("indicator.defined".equals(e.type())) {
            code = Payload.text(e, "code");
        } else if ("indicator-value.recorded".equals(e.type())) {
            code = Payload.text(e, "indicatorCode");
        } else {
            return;
        }
        String unit = Payload.text(e, "unit");
        String scale = Payload.text(e, "scale");
        String displayUnit = Payload.text(e, "displayUnit");
        if (code == null || (unit == null && scale == null && displayUnit == null)) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO projection_indicator_unit (indicator_code, unit, scale, display_unit, event_id, occurred_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (indicator_code) DO UPDATE SET
                    unit = COALESCE(EXCLUDED.unit, projection_indicator_unit.unit),
                    scale = COALESCE(EXCLUDED.scale, projection_indicator_unit.scale),
                    display_unit = COALESCE(EXCLUDED.display_unit, projection_indicator_unit.display_unit),
                    event_id = EXCLUDED.event_id, occurred_at = EXCLUDED.occurred_at
                WHERE (projection_indicator_unit.occurred_at, projection_indicator_unit.event_id)
                   <= (EXCLUDED.occurred_at, EXCLUDED.event_id)""")
                .setParameter(1, code).setParameter(2, unit).setParameter(3, scale).setParameter(4, displayUnit)
                .setParameter(5, e.id()).setParameter(6, Timestamp.from(e.occurredAt().toInstant()))
                .executeUpdate();
    }
}

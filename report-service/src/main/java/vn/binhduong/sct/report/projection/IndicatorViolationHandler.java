package vn.binhduong.sct.report.projection;

import java.sql.Timestamp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.binhduong.sct.platform.events.EventEnvelope;
import vn.binhduong.sct.platform.inbox.EventHandler;

/**
 * Keeps each {@code validation.violation-found} of indicator-service (payload {@code IndicatorEvents.ViolationFound}:
 * ruleCode, ruleName, organization, period, operator, leftExpression, rightExpression, leftValue, rightValue,
 * difference, tolerance, importance, message) per rule, organisation and period; the latest event (occurred-at, then
 * event id) wins, in any order. indicator-service deletes a resolved violation without an event, so a violation stays
 * listed as of its last event until a new run changes its numbers.
 */
@ApplicationScoped
public class IndicatorViolationHandler implements EventHandler {
    static final String TYPE = "validation.violation-found";

    private final EntityManager em;

    public IndicatorViolationHandler(EntityManager em) {
        this.em = em;
    }

    @Override
    public void apply(EventEnvelope e) {
        if (!TYPE.equals(e.type())) {
            return;
        }
        String org = Payload.text(e, "organization|organizationCode");
        org = org == null ? e.organization() : org;
        String period = Payload.text(e, "period");
        Integer year = Payload.year(e, "period");
        String rule = Payload.text(e, "ruleCode");
        if (org == null || period == null || year == null || rule == null) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO projection_indicator_violation (organization, year, period, rule_code, rule_name, operator,
                    left_expression, right_expression, left_value, right_value, difference, importance, message, event_id,
                    occurred_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                ON CONFLICT (organization, period, rule_code) DO UPDATE SET year = EXCLUDED.year,
                    rule_name = EXCLUDED.rule_name, operator = EXCLUDED.operator, left_expression = EXCLUDED.left_expression,
                    right_expression = EXCLUDED.right_expression, left_value = EXCLUDED.left_value,
                    right_value = EXCLUDED.right_value, difference = EXCLUDED.difference, importance = EXCLUDED.importance,
                    message = EXCLUDED.message, event_id = EXCLUDED.event_id, occurred_at = EXCLUDED.occurred_at
                WHERE (projection_indicator_violation.occurred_at, projection_indicator_violation.event_id)
                   <= (EXCLUDED.occurred_at, EXCLUDED.event_id)""")
                .setParameter(1, org).setParameter(2, year).setParameter(3, period).setParameter(4, rule)
                .setParameter(5, Payload.text(e, "ruleName")).setParameter(6, Payload.text(e, "operator"))
                .setParameter(7, Payload.text(e, "leftExpression")).setParameter(8, Payload.text(e, "rightExpression"))
                .setParameter(9, Payload.number(e, "leftValue")).setParameter(10, Payload.number(e, "rightValue"))
                .setParameter(11, Payload.number(e, "difference")).setParameter(12, Payload.text(e, "importance"))
                .setParameter(13, Payload.text(e, "message")).setParameter(14, e.id())
                .setParameter(15, Timestamp.from(e.occurredAt().toInstant()))
                .executeUpdate();
    }
}

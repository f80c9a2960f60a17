package vn.binhduong.sct.inspection.events;

import org.eclipse.microprofile.config.ConfigProvider;

import vn.binhduong.sct.contract.EventContract;
import vn.binhduong.sct.contract.common.EstablishmentType;
import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.contract.common.Organisations;
import vn.binhduong.sct.contract.inspection.InspectionEventTypes;
import vn.binhduong.sct.platform.events.EventType;

/**
 * The event types this service publishes to sct.inspection.events, as the contract declares them
 * ({@link InspectionEventTypes}; payload records in {@code vn.binhduong.sct.contract.inspection.InspectionPayloads}).
 */
public final class InspectionEvents {
    public static final EventType REGISTERED = of(InspectionEventTypes.REGISTERED);
    public static final EventType PROGRAMME_ISSUED = of(InspectionEventTypes.PROGRAMME_ISSUED);
    public static final EventType ITEM_PLANNED = of(InspectionEventTypes.ITEM_PLANNED);
    public static final EventType ITEM_STARTED = of(InspectionEventTypes.ITEM_STARTED);
    public static final EventType ITEM_CONCLUDED = of(InspectionEventTypes.ITEM_CONCLUDED);
    public static final EventType ITEM_POSTPONED = of(InspectionEventTypes.ITEM_POSTPONED);
    public static final EventType ITEM_CANCELLED = of(InspectionEventTypes.ITEM_CANCELLED);
    public static final EventType SELF_INSPECTION_RECORDED = of(InspectionEventTypes.SELF_INSPECTION_RECORDED);
    public static final EventType STATE_INSPECTION_OPENED = of(InspectionEventTypes.STATE_INSPECTION_OPENED);
    public static final EventType STATE_INSPECTION_CONCLUDED = of(InspectionEventTypes.STATE_INSPECTION_CONCLUDED);
    public static final EventType PENALTY_DECIDED = of(InspectionEventTypes.PENALTY_DECIDED);
    public static final EventType PENALTY_PAID = of(InspectionEventTypes.PENALTY_PAID);
    public static final EventType COMPLIANCE_TEAM_FORMED = of(InspectionEventTypes.COMPLIANCE_TEAM_FORMED);
    public static final EventType COMPLIANCE_VISIT_RECORDED = of(InspectionEventTypes.COMPLIANCE_VISIT_RECORDED);
    public static final EventType COMPLIANCE_COVERAGE_REPORTED = of(InspectionEventTypes.COMPLIANCE_COVERAGE_REPORTED);
    public static final EventType PLANNED_WORK_REGISTERED = of(InspectionEventTypes.PLANNED_WORK_REGISTERED);
    public static final EventType PLANNED_WORK_POSTPONED = of(InspectionEventTypes.PLANNED_WORK_POSTPONED);

    /**
     * The code to publish for an organisation a request named: the department's registry code
     * ({@code sct.organisation.department-code}, default {@code SCT-BD}) for any of its aliases
     * ({@code sct.organisation.department-aliases}, default {@code SCT}), else the code itself.
     */
    public static String organisation(String code) {
        return Organisations.from(key -> ConfigProvider.getConfig().getOptionalValue(key, String.class)).canonical(code);
    }

    /** This service's establishment kinds in the shared vocabulary (the same names). */
    public static EstablishmentType establishmentType(vn.binhduong.sct.inspection.domain.EstablishmentType t) {
        return Labelled.map(t, EstablishmentType.class);
    }

    private static EventType of(EventContract c) {
        return EventType.of(c.type(), c.version());
    }

    private InspectionEvents() {
    }
}

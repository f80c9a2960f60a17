package vn.binhduong.sct.covid.events;

import org.eclipse.microprofile.config.ConfigProvider;

import vn.binhduong.sct.contract.EventContract;
import vn.binhduong.sct.contract.common.EstablishmentType;
import vn.binhduong.sct.contract.common.Organisations;
import vn.binhduong.sct.contract.covid.CovidEventTypes;
import vn.binhduong.sct.platform.events.EventType;

/**
 * The event types this service publishes to sct.covid.events, as the contract declares them
 * ({@link CovidEventTypes}; payload records in {@code vn.binhduong.sct.contract.covid.CovidPayloads}).
 */
public final class CovidEvents {
    public static final EventType REGISTERED = of(CovidEventTypes.REGISTERED);
    public static final EventType TESTING_CAMPAIGN_CREATED = of(CovidEventTypes.TESTING_CAMPAIGN_CREATED);
    public static final EventType TEST_SESSION_RECORDED = of(CovidEventTypes.TEST_SESSION_RECORDED);
    public static final EventType TEST_RESULTS_UPLOADED = of(CovidEventTypes.TEST_RESULTS_UPLOADED);
    public static final EventType TESTING_TOTAL_REPORTED = of(CovidEventTypes.TESTING_TOTAL_REPORTED);
    public static final EventType VACCINATION_CAMPAIGN_CREATED = of(CovidEventTypes.VACCINATION_CAMPAIGN_CREATED);
    public static final EventType VACCINATION_RECORDED = of(CovidEventTypes.VACCINATION_RECORDED);
    public static final EventType PERMIT_ISSUED = of(CovidEventTypes.PERMIT_ISSUED);
    public static final EventType PERMIT_REVOKED = of(CovidEventTypes.PERMIT_REVOKED);
    public static final EventType PERMIT_TOTAL_REPORTED = of(CovidEventTypes.PERMIT_TOTAL_REPORTED);
    public static final EventType CLUSTER_REGISTERED = of(CovidEventTypes.CLUSTER_REGISTERED);
    public static final EventType MOBILE_HEALTH_UNIT_ESTABLISHED = of(CovidEventTypes.MOBILE_HEALTH_UNIT_ESTABLISHED);
    public static final EventType CLUSTER_STATUS_REPORTED = of(CovidEventTypes.CLUSTER_STATUS_REPORTED);
    public static final EventType RETAIL_STATUS_REPORTED = of(CovidEventTypes.RETAIL_STATUS_REPORTED);
    public static final EventType LOCKDOWN_SUPPORT_RECORDED = of(CovidEventTypes.LOCKDOWN_SUPPORT_RECORDED);
    public static final EventType OXYGEN_CAPACITY_REPORTED = of(CovidEventTypes.OXYGEN_CAPACITY_REPORTED);
    public static final EventType OXYGEN_COORDINATION_TEAM_REGISTERED = of(CovidEventTypes.OXYGEN_COORDINATION_TEAM_REGISTERED);
    public static final EventType OXYGEN_COORDINATION_RECORDED = of(CovidEventTypes.OXYGEN_COORDINATION_RECORDED);

    /**
     * The organisation every fact of this service belongs to: the department, by its code in the organisation registry
     * ({@code sct.organisation.department-code}, default {@code SCT-BD}), the key report-service reads too.
     */
    public static String organization() {
        return Organisations.from(key -> ConfigProvider.getConfig().getOptionalValue(key, String.class)).department();
    }

    /** This service's establishment kinds in the shared vocabulary: its CLUSTER_BUSINESS is the contract's INDUSTRIAL_CLUSTER_BUSINESS. */
    public static EstablishmentType establishmentType(vn.binhduong.sct.covid.domain.EstablishmentType t) {
        if (t == null) {
            return null;
        }
        return switch (t) {
            case CLUSTER_BUSINESS -> EstablishmentType.INDUSTRIAL_CLUSTER_BUSINESS;
            case MARKET -> EstablishmentType.MARKET;
            case SUPERMARKET -> EstablishmentType.SUPERMARKET;
            case CONVENIENCE_STORE -> EstablishmentType.CONVENIENCE_STORE;
            case SHOPPING_CENTRE -> EstablishmentType.SHOPPING_CENTRE;
            case OXYGEN_SUPPLIER -> EstablishmentType.OXYGEN_SUPPLIER;
            case DELIVERY_SERVICE -> EstablishmentType.DELIVERY_SERVICE;
            case OTHER -> EstablishmentType.OTHER;
        };
    }

    private static EventType of(EventContract c) {
        return EventType.of(c.type(), c.version());
    }

    private CovidEvents() {
    }
}

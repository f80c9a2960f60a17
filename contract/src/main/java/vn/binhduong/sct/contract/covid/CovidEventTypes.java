package vn.binhduong.sct.contract.covid;

import java.util.List;

import vn.binhduong.sct.contract.EventContract;
import vn.binhduong.sct.contract.covid.CovidPayloads.*;

/**
 * Every event type covid-ops-service publishes to sct.covid.events, with its payload version and record;
 * docs/events/covid-ops-service.md documents them.
 */
public final class CovidEventTypes {
    public static final String PRODUCER = "covid-ops-service";

    public static final EventContract REGISTERED = new EventContract("establishment.registered", 1, EstablishmentRegistered.class, PRODUCER);
    public static final EventContract TESTING_CAMPAIGN_CREATED = new EventContract("testing-campaign.created", 1, TestingCampaignCreated.class, PRODUCER);
    public static final EventContract TEST_SESSION_RECORDED = new EventContract("test-session.recorded", 1, TestSessionRecorded.class, PRODUCER);
    public static final EventContract TEST_RESULTS_UPLOADED = new EventContract("test-results.uploaded", 1, TestResultsUploaded.class, PRODUCER);
    public static final EventContract TESTING_TOTAL_REPORTED = new EventContract("testing-total.reported", 1, TestingTotalReported.class, PRODUCER);
    public static final EventContract VACCINATION_CAMPAIGN_CREATED = new EventContract("vaccination-campaign.created", 1, VaccinationCampaignCreated.class, PRODUCER);
    public static final EventContract VACCINATION_RECORDED = new EventContract("vaccination.recorded", 1, VaccinationRecorded.class, PRODUCER);
    public static final EventContract PERMIT_ISSUED = new EventContract("permit.issued", 1, PermitIssued.class, PRODUCER);
    public static final EventContract PERMIT_REVOKED = new EventContract("permit.revoked", 1, PermitRevoked.class, PRODUCER);
    public static final EventContract PERMIT_TOTAL_REPORTED = new EventContract("permit-total.reported", 1, PermitTotalReported.class, PRODUCER);
    public static final EventContract CLUSTER_REGISTERED = new EventContract("cluster.registered", 1, ClusterRegistered.class, PRODUCER);
    public static final EventContract MOBILE_HEALTH_UNIT_ESTABLISHED = new EventContract("mobile-health-unit.established", 1, MobileHealthUnitEstablished.class, PRODUCER);
    public static final EventContract CLUSTER_STATUS_REPORTED = new EventContract("cluster-status.reported", 1, ClusterStatusReported.class, PRODUCER);
    public static final EventContract RETAIL_STATUS_REPORTED = new EventContract("retail-status.reported", 1, RetailStatusReported.class, PRODUCER);
    public static final EventContract LOCKDOWN_SUPPORT_RECORDED = new EventContract("lockdown-support.recorded", 1, LockdownSupportRecorded.class, PRODUCER);
    public static final EventContract OXYGEN_CAPACITY_REPORTED = new EventContract("oxygen-capacity.reported", 1, OxygenCapacityReported.class, PRODUCER);
    public static final EventContract OXYGEN_COORDINATION_TEAM_REGISTERED = new EventContract("oxygen-coordination-team.registered", 1, OxygenCoordinationTeamRegistered.class, PRODUCER);
    public static final EventContract OXYGEN_COORDINATION_RECORDED = new EventContract("oxygen-coordination.recorded", 1, OxygenCoordinationRecorded.class, PRODUCER);

    /** Every type above: the producer publishes these and no others. */
    public static final List<EventContract> ALL = List.of(
            REGISTERED,
            TESTING_CAMPAIGN_CREATED,
            TEST_SESSION_RECORDED,
            TEST_RESULTS_UPLOADED,
            TESTING_TOTAL_REPORTED,
            VACCINATION_CAMPAIGN_CREATED,
            VACCINATION_RECORDED,
            PERMIT_ISSUED,
            PERMIT_REVOKED,
            PERMIT_TOTAL_REPORTED,
            CLUSTER_REGISTERED,
            MOBILE_HEALTH_UNIT_ESTABLISHED,
            CLUSTER_STATUS_REPORTED,
            RETAIL_STATUS_REPORTED,
            LOCKDOWN_SUPPORT_RECORDED,
            OXYGEN_CAPACITY_REPORTED,
            OXYGEN_COORDINATION_TEAM_REGISTERED,
            OXYGEN_COORDINATION_RECORDED);

    private CovidEventTypes() {
    }
}

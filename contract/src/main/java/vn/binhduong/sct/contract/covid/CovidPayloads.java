package vn.binhduong.sct.contract.covid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.binhduong.sct.contract.common.EstablishmentType;

/**
 * The payloads covid-ops-service publishes to sct.covid.events (moved from covid-ops-service's events package; the
 * JSON shape is unchanged but for the establishment type, which is the shared {@link EstablishmentType}).
 * docs/events/covid-ops-service.md documents every field. No payload carries a permit holder's name.
 */
public final class CovidPayloads {
    private CovidPayloads() {
    }

    public record EstablishmentRegistered(String code, String name, EstablishmentType type, String clusterCode, String district) {
    }

    public record TestingCampaignCreated(String code, String name, String planReference, LocalDate startDate, Integer intervalDays) {
    }

    public record TestSessionRecorded(String sessionId, String campaignCode, String establishmentCode, EstablishmentType establishmentType,
            LocalDate date, int testsPerformed, int positives, boolean selfTesting) {
    }

    /** Totals added by one upload, per campaign and date: bounded by dates, never one entry per row. */
    public record TestResultsUploaded(String jobId, UploadFormat format, long rowsRead, long rowsInserted, long rowsDuplicate,
            long rowsRejected, long testsPerformedAdded, long positivesAdded, List<DailyTotal> addedByDate) {
    }

    public record DailyTotal(String campaignCode, LocalDate date, long sessions, long testsPerformed, long positives,
            long selfTestingSessions) {
    }

    public record TestingTotalReported(String campaignCode, LocalDate asOf, long testsPerformed, long positives,
            BigDecimal statedRatePercent, BigDecimal computedRatePercent, String source) {
    }

    public record VaccinationCampaignCreated(String code, String name, String planReference, LocalDate startDate) {
    }

    public record VaccinationRecorded(String recordId, String campaignCode, LocalDate date, TargetGroup targetGroup, int doses,
            String source) {
    }

    public record PermitIssued(String permitId, PermitKind kind, String company, LocalDate validFrom, LocalDate validUntil,
            String kid) {
    }

    public record PermitRevoked(String permitId, PermitKind kind, String company, LocalDate validFrom, LocalDate validUntil,
            String revokedAt) {
    }

    public record PermitTotalReported(LocalDate asOf, int total, Map<PermitKind, Integer> byKind, int notSplitByKind,
            String source) {
    }

    public record ClusterRegistered(String code, String name, String district) {
    }

    public record MobileHealthUnitEstablished(String clusterCode, String clusterName, HealthUnitKind kind, LocalDate establishedOn) {
    }

    public record ClusterStatusReported(String scope, String clusterName, LocalDate date, int businessesTotal,
            int businessesOperating, int onSite, int threeGreen, int oneRouteTwoSites, int switchedOnSiteToThreeGreen,
            int workers, int cumulativePositives, String source) {
    }

    public record RetailStatusReported(LocalDate date, RetailCategory category, int operating, int total, String source) {
    }

    public record LockdownSupportRecorded(String code, String planReference, String districts, int wards, int staffAssigned,
            int workingGroups, LocalDate startDate, LocalDate endDate) {
    }

    /** Containers of one kind: count and total volume in litres (dung tích). */
    public record OxygenContainers(ContainerKind kind, int count, long volumeLitres) {
    }

    public record OxygenCapacityReported(String reportId, String supplierCode, String supplierName, LocalDate date,
            CapacityBasis capacityBasis, long capacity, CapacityUnit capacityUnit, List<OxygenContainers> containers, String source) {
    }

    public record OxygenCoordinationTeamRegistered(String code, String name, String decisionReference, LocalDate decisionDate,
            String issuedBy, String departmentRole) {
    }

    /** No person: the requesting unit is an institution (hospital, treatment area). */
    public record OxygenCoordinationRecorded(String recordId, String teamCode, LocalDate date, String requestingUnit,
            RequestingUnitKind requestingUnitKind, String supplierCode, long quantity, QuantityUnit quantityUnit,
            CoordinationStatus status) {
    }
}

package vn.binhduong.sct.inspection.service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.inspection.api.ComplianceApi.ComplianceStatistics;
import vn.binhduong.sct.inspection.api.ComplianceApi.CoverageRequest;
import vn.binhduong.sct.inspection.api.ComplianceApi.CoverageView;
import vn.binhduong.sct.inspection.api.ComplianceApi.EstablishmentTypeFigures;
import vn.binhduong.sct.inspection.api.ComplianceApi.TeamRequest;
import vn.binhduong.sct.inspection.api.ComplianceApi.VisitRequest;
import vn.binhduong.sct.inspection.api.ComplianceApi.VisitView;
import vn.binhduong.sct.inspection.domain.ComplianceCoverageReport;
import vn.binhduong.sct.inspection.domain.ComplianceEstablishment;
import vn.binhduong.sct.inspection.domain.ComplianceScope;
import vn.binhduong.sct.inspection.domain.ComplianceTeam;
import vn.binhduong.sct.inspection.domain.ComplianceVisit;
import vn.binhduong.sct.inspection.domain.EstablishmentType;
import vn.binhduong.sct.contract.inspection.InspectionPayloads;
import vn.binhduong.sct.inspection.events.InspectionEvents;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

@ApplicationScoped
public class ComplianceService {
    private final Outbox outbox;

    public ComplianceService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public ComplianceTeam formTeam(TeamRequest r) {
        if (ComplianceTeam.count("code", r.code()) > 0) {
            throw ProblemException.conflict("duplicate", "compliance team " + r.code() + " already exists");
        }
        ComplianceTeam t = new ComplianceTeam();
        t.id = UUID.randomUUID();
        t.code = r.code();
        t.organization = r.organization();
        t.name = r.name();
        t.scope = r.scope();
        t.year = r.year();
        t.decisionReference = r.decisionReference();
        t.persist();
        outbox.record(InspectionEvents.COMPLIANCE_TEAM_FORMED, InspectionEvents.organisation(t.organization), "compliance-team", t.code,
                new InspectionPayloads.ComplianceTeamFormed(t.id, t.code, InspectionEvents.organisation(t.organization), t.name,
                        Labelled.map(t.scope, vn.binhduong.sct.contract.inspection.ComplianceScope.class), t.year,
                        t.decisionReference));
        return t;
    }

    @Transactional
    public VisitView recordVisit(VisitRequest r) {
        ComplianceTeam team = ComplianceTeam.<ComplianceTeam>find("code", r.teamCode()).firstResultOptional()
                .orElseThrow(() -> ProblemException.invalid("teamCode", "no compliance team " + r.teamCode()));
        if (r.visitedOn().getYear() != team.year) {
            throw ProblemException.ruleViolated("date-outside-team-year", "visitedOn " + r.visitedOn()
                    + " is outside the team's year " + team.year,
                    Map.of("visitedOn", r.visitedOn().toString(), "teamYear", team.year));
        }
        ComplianceEstablishment e = ComplianceEstablishment.<ComplianceEstablishment>find("code", r.establishmentCode())
                .firstResult();
        if (e == null) {
            e = new ComplianceEstablishment();
            e.id = UUID.randomUUID();
            e.code = r.establishmentCode();
            e.type = r.establishmentType();
            e.name = r.establishmentName();
            e.persist();
        } else if (e.type != r.establishmentType()) {
            throw ProblemException.ruleViolated("establishment-type-mismatch", "establishment " + e.code + " is a "
                    + e.type + ", not a " + r.establishmentType(),
                    Map.of("establishmentCode", e.code, "knownType", e.type.name(), "givenType", r.establishmentType().name()));
        }
        boolean first = ComplianceVisit.count("establishmentCode = ?1 and year = ?2", e.code, team.year) == 0;
        ComplianceVisit v = new ComplianceVisit();
        v.id = UUID.randomUUID();
        v.teamCode = team.code;
        v.establishmentCode = e.code;
        v.visitedOn = r.visitedOn();
        v.year = team.year;
        v.result = r.result();
        v.remarks = r.remarks();
        v.persist();
        outbox.record(InspectionEvents.COMPLIANCE_VISIT_RECORDED, InspectionEvents.organisation(team.organization), "compliance-establishment", e.code,
                new InspectionPayloads.ComplianceVisitRecorded(v.id, team.code, Labelled.map(team.scope, vn.binhduong.sct.contract.inspection.ComplianceScope.class), e.code, InspectionEvents.establishmentType(e.type),
                        v.visitedOn, v.year, Labelled.map(v.result, vn.binhduong.sct.contract.inspection.VisitResult.class), first));
        return new VisitView(v.id, v.teamCode, e.code, e.type, v.visitedOn, v.result, v.remarks, first);
    }

    @Transactional
    public ComplianceCoverageReport report(CoverageRequest r) {
        ComplianceCoverageReport c = new ComplianceCoverageReport();
        c.id = UUID.randomUUID();
        c.organization = r.organization();
        c.year = r.year();
        c.scope = r.scope();
        c.teams = r.teams();
        c.establishmentType = r.establishmentType();
        c.establishments = r.establishments();
        c.source = r.source();
        c.sourceSentence = r.sourceSentence();
        c.persist();
        outbox.record(InspectionEvents.COMPLIANCE_COVERAGE_REPORTED, InspectionEvents.organisation(c.organization), "compliance-coverage-report",
                c.id.toString(), new InspectionPayloads.ComplianceCoverageReported(c.id, InspectionEvents.organisation(c.organization), c.year,
                        Labelled.map(c.scope, vn.binhduong.sct.contract.inspection.ComplianceScope.class), c.teams, InspectionEvents.establishmentType(c.establishmentType), c.establishments, c.source, c.sourceSentence));
        return c;
    }

    public ComplianceStatistics statistics(int year) {
        Map<ComplianceScope, Integer> teams = new EnumMap<>(ComplianceScope.class);
        for (ComplianceTeam t : ComplianceTeam.<ComplianceTeam>list("year", year)) {
            teams.merge(t.scope, 1, Integer::sum);
        }
        List<ComplianceCoverageReport> reports = ComplianceCoverageReport.list("year = ?1 order by source, id", year);
        List<EstablishmentTypeFigures> figures = new ArrayList<>();
        List<String> discrepancies = new ArrayList<>();
        for (EstablishmentType type : EstablishmentType.values()) {
            long distinct = ((Number) ComplianceVisit.getEntityManager().createQuery(
                    "select count(distinct v.establishmentCode) from ComplianceVisit v, ComplianceEstablishment e "
                            + "where e.code = v.establishmentCode and v.year = ?1 and e.type = ?2")
                    .setParameter(1, year).setParameter(2, type).getSingleResult()).longValue();
            long visits = ((Number) ComplianceVisit.getEntityManager().createQuery(
                    "select count(v) from ComplianceVisit v, ComplianceEstablishment e "
                            + "where e.code = v.establishmentCode and v.year = ?1 and e.type = ?2")
                    .setParameter(1, year).setParameter(2, type).getSingleResult()).longValue();
            List<CoverageView> reported = reports.stream().filter(c -> c.establishmentType == type).map(CoverageView::of).toList();
            boolean disagree = reported.stream().map(CoverageView::establishments).distinct().count() > 1
                    || reported.stream().filter(c -> c.scope() == reported.get(0).scope()).map(CoverageView::teams).distinct().count() > 1;
            if (disagree) {
                discrepancies.add(type + ": the report states " + reported.stream()
                        .map(c -> c.establishments() + " (" + c.source() + ")").toList() + " for the same year");
            }
            if (distinct > 0 || !reported.isEmpty()) {
                figures.add(new EstablishmentTypeFigures(type, (int) distinct, (int) visits, reported, disagree));
            }
        }
        return new ComplianceStatistics(year, teams, figures, discrepancies);
    }
}

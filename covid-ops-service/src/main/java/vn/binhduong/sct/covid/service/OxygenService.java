package vn.binhduong.sct.covid.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.binhduong.sct.covid.api.OxygenResource.CapacityRequest;
import vn.binhduong.sct.covid.api.OxygenResource.CapacityStatistics;
import vn.binhduong.sct.covid.api.OxygenResource.CapacityView;
import vn.binhduong.sct.covid.api.OxygenResource.ContainerCount;
import vn.binhduong.sct.covid.api.OxygenResource.CoordinationRequest;
import vn.binhduong.sct.covid.api.OxygenResource.CoordinationView;
import vn.binhduong.sct.covid.api.OxygenResource.TeamRequest;
import vn.binhduong.sct.covid.api.OxygenResource.TeamView;
import vn.binhduong.sct.covid.domain.Establishment;
import vn.binhduong.sct.covid.domain.EstablishmentType;
import vn.binhduong.sct.covid.domain.OxygenCapacityReport;
import vn.binhduong.sct.covid.domain.OxygenCoordinationRecord;
import vn.binhduong.sct.covid.domain.OxygenCoordinationTeam;
import vn.binhduong.sct.covid.domain.OxygenEnums.ContainerKind;
import vn.binhduong.sct.covid.domain.OxygenEnums.CoordinationStatus;
import vn.binhduong.sct.covid.domain.Rules;
import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.contract.covid.CovidPayloads;
import vn.binhduong.sct.covid.events.CovidEvents;
import vn.binhduong.sct.platform.api.PageParams;
import vn.binhduong.sct.platform.api.PageResult;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;

/** Medical oxygen: capacity reports of suppliers, the coordination team and its records. */
@ApplicationScoped
public class OxygenService {
    private final Outbox outbox;

    public OxygenService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The establishment with this code, which must be an oxygen supplier (422 naming its type otherwise). */
    private static Establishment supplier(String code) {
        Establishment e = Establishment.<Establishment>find("code", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("establishment", code));
        if (e.type != EstablishmentType.OXYGEN_SUPPLIER) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("supplierCode", code);
            ext.put("establishmentType", e.type.name());
            throw ProblemException.ruleViolated("not-an-oxygen-supplier", "establishment " + code + " is of type " + e.type
                    + ", not " + EstablishmentType.OXYGEN_SUPPLIER, ext);
        }
        return e;
    }

    // ---------------------------------------------------------------- capacity

    @Transactional
    public CapacityView reportCapacity(CapacityRequest r) {
        Establishment s = supplier(r.supplierCode());
        Rules.requireNotFuture("date", r.date());
        Map<ContainerKind, ContainerCount> byKind = new EnumMap<>(ContainerKind.class);
        for (ContainerCount c : r.containers() == null ? List.<ContainerCount>of() : r.containers()) {
            if (byKind.put(c.kind(), c) != null) {
                throw ProblemException.invalid("containers", "container kind " + c.kind() + " is listed more than once");
            }
        }
        if (OxygenCapacityReport.count("supplierId = ?1 and reportDate = ?2", s.id, r.date()) > 0) {
            throw ProblemException.conflict("duplicate", "the capacity of " + s.code + " on " + r.date() + " is already reported");
        }
        OxygenCapacityReport o = new OxygenCapacityReport();
        o.id = UUID.randomUUID();
        o.supplierId = s.id;
        o.reportDate = r.date();
        o.capacityBasis = r.capacityBasis();
        o.capacity = r.capacity();
        o.capacityUnit = r.capacityUnit();
        ContainerCount cyl = byKind.get(ContainerKind.CYLINDER);
        ContainerCount tank = byKind.get(ContainerKind.TANK);
        ContainerCount other = byKind.get(ContainerKind.OTHER);
        o.cylinders = cyl == null ? 0 : cyl.count();
        o.cylinderVolumeLitres = cyl == null ? 0 : cyl.volumeLitres();
        o.tanks = tank == null ? 0 : tank.count();
        o.tankVolumeLitres = tank == null ? 0 : tank.volumeLitres();
        o.otherContainers = other == null ? 0 : other.count();
        o.otherVolumeLitres = other == null ? 0 : other.volumeLitres();
        o.source = r.source();
        o.persist();
        CapacityView v = capacityView(o, s);
        outbox.record(CovidEvents.OXYGEN_CAPACITY_REPORTED, CovidEvents.organization(), "oxygen-capacity", o.id.toString(),
                new CovidPayloads.OxygenCapacityReported(o.id.toString(), s.code, s.name, o.reportDate,
                        Labelled.map(o.capacityBasis, vn.binhduong.sct.contract.covid.CapacityBasis.class), o.capacity, Labelled.map(o.capacityUnit, vn.binhduong.sct.contract.covid.CapacityUnit.class), v.containers().stream()
                                .map(c -> new CovidPayloads.OxygenContainers(Labelled.map(c.kind(), vn.binhduong.sct.contract.covid.ContainerKind.class), c.count(), c.volumeLitres())).toList(),
                        o.source));
        return v;
    }

    private static List<ContainerCount> containers(OxygenCapacityReport o) {
        return List.of(new ContainerCount(ContainerKind.CYLINDER, o.cylinders, o.cylinderVolumeLitres),
                new ContainerCount(ContainerKind.TANK, o.tanks, o.tankVolumeLitres),
                new ContainerCount(ContainerKind.OTHER, o.otherContainers, o.otherVolumeLitres));
    }

    private static CapacityView capacityView(OxygenCapacityReport o, Establishment s) {
        return new CapacityView(o.id, s.code, s.name, o.reportDate, o.capacityBasis, o.capacity, o.capacityUnit, containers(o),
                o.source);
    }

    private static Map<UUID, Establishment> suppliersById() {
        Map<UUID, Establishment> m = new HashMap<>();
        Establishment.<Establishment>list("type", EstablishmentType.OXYGEN_SUPPLIER).forEach(e -> m.put(e.id, e));
        return m;
    }

    public PageResult<CapacityView> capacities(PageParams page, String supplier, LocalDate from, LocalDate to) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (supplier != null) {
            q.append(" and supplierId = :s");
            p.and("s", supplier(supplier).id);
        }
        if (from != null) {
            q.append(" and reportDate >= :from");
            p.and("from", from);
        }
        if (to != null) {
            q.append(" and reportDate <= :to");
            p.and("to", to);
        }
        Map<UUID, Establishment> suppliers = suppliersById();
        var query = OxygenCapacityReport.<OxygenCapacityReport>find(q.toString(), Sort.by("reportDate").and("id"), p);
        return PageResult.of(query.page(page.toPage()).list().stream()
                .map(o -> capacityView(o, suppliers.get(o.supplierId))).toList(), page, query.count());
    }

    public CapacityStatistics statistics(LocalDate asOf) {
        LocalDate day = asOf == null ? Rules.today() : asOf;
        Map<UUID, Establishment> suppliers = suppliersById();
        List<OxygenCapacityReport> latest = OxygenCapacityReport.<OxygenCapacityReport>find(
                "from OxygenCapacityReport o where o.reportDate = (select max(r.reportDate) from OxygenCapacityReport r"
                        + " where r.supplierId = o.supplierId and r.reportDate <= ?1)",
                day).list();
        latest.sort((a, b) -> suppliers.get(a.supplierId).code.compareTo(suppliers.get(b.supplierId).code));
        Map<String, Long> capacityByUnit = new LinkedHashMap<>();
        long[] counts = new long[ContainerKind.values().length];
        long[] volumes = new long[ContainerKind.values().length];
        List<CapacityView> views = new ArrayList<>();
        for (OxygenCapacityReport o : latest) {
            capacityByUnit.merge(o.capacityUnit.name(), o.capacity, Long::sum);
            for (ContainerCount c : containers(o)) {
                counts[c.kind().ordinal()] += c.count();
                volumes[c.kind().ordinal()] += c.volumeLitres();
            }
            views.add(capacityView(o, suppliers.get(o.supplierId)));
        }
        List<ContainerCount> totals = new ArrayList<>();
        for (ContainerKind k : ContainerKind.values()) {
            totals.add(new ContainerCount(k, Math.toIntExact(counts[k.ordinal()]), volumes[k.ordinal()]));
        }
        List<TeamView> teams = OxygenCoordinationTeam.<OxygenCoordinationTeam>list("decisionDate <= ?1",
                Sort.by("decisionDate").and("code"), day).stream().map(OxygenService::teamView).toList();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (CoordinationStatus s : EnumSet.allOf(CoordinationStatus.class)) {
            byStatus.put(s.name(), OxygenCoordinationRecord.count("status = ?1 and actionDate <= ?2", s, day));
        }
        return new CapacityStatistics(day, suppliers.size(), latest.size(), capacityByUnit, totals, views, teams, byStatus);
    }

    // ---------------------------------------------------------------- coordination team

    @Transactional
    public TeamView createTeam(TeamRequest r) {
        Rules.requireNotFuture("decisionDate", r.decisionDate());
        if (OxygenCoordinationTeam.count("code", r.code()) > 0) {
            throw ProblemException.conflict("duplicate", "oxygen coordination team " + r.code() + " already exists");
        }
        OxygenCoordinationTeam t = new OxygenCoordinationTeam();
        t.id = UUID.randomUUID();
        t.code = r.code();
        t.name = r.name();
        t.decisionReference = r.decisionReference();
        t.decisionDate = r.decisionDate();
        t.issuedBy = r.issuedBy();
        t.departmentRole = r.departmentRole();
        t.persist();
        outbox.record(CovidEvents.OXYGEN_COORDINATION_TEAM_REGISTERED, CovidEvents.organization(), "oxygen-coordination-team",
                t.id.toString(), new CovidPayloads.OxygenCoordinationTeamRegistered(t.code, t.name, t.decisionReference,
                        t.decisionDate, t.issuedBy, t.departmentRole));
        return teamView(t);
    }

    private static TeamView teamView(OxygenCoordinationTeam t) {
        return new TeamView(t.id, t.code, t.name, t.decisionReference, t.decisionDate, t.issuedBy, t.departmentRole);
    }

    private static OxygenCoordinationTeam team(String code) {
        return OxygenCoordinationTeam.<OxygenCoordinationTeam>find("code", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("oxygen coordination team", code));
    }

    public PageResult<TeamView> teams(PageParams page) {
        var q = OxygenCoordinationTeam.<OxygenCoordinationTeam>findAll(Sort.by("decisionDate").and("code"));
        return PageResult.of(q.page(page.toPage()).list().stream().map(OxygenService::teamView).toList(), page, q.count());
    }

    // ---------------------------------------------------------------- coordination records

    @Transactional
    public CoordinationView recordCoordination(CoordinationRequest r) {
        OxygenCoordinationTeam t = team(r.teamCode());
        Establishment s = supplier(r.supplierCode());
        Rules.requireNotFuture("date", r.date());
        if (r.date().isBefore(t.decisionDate)) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("date", r.date().toString());
            ext.put("decisionDate", t.decisionDate.toString());
            throw ProblemException.ruleViolated("action-before-team-decision", "date (" + r.date()
                    + ") is before the decision setting up team " + t.code + " (" + t.decisionDate + ")", ext);
        }
        OxygenCoordinationRecord c = new OxygenCoordinationRecord();
        c.id = UUID.randomUUID();
        c.teamId = t.id;
        c.actionDate = r.date();
        c.requestingUnit = r.requestingUnit();
        c.requestingUnitKind = r.requestingUnitKind();
        c.supplierId = s.id;
        c.quantity = r.quantity();
        c.quantityUnit = r.quantityUnit();
        c.status = r.status();
        c.note = r.note();
        c.persist();
        outbox.record(CovidEvents.OXYGEN_COORDINATION_RECORDED, CovidEvents.organization(), "oxygen-coordination",
                c.id.toString(), new CovidPayloads.OxygenCoordinationRecorded(c.id.toString(), t.code, c.actionDate,
                        c.requestingUnit, Labelled.map(c.requestingUnitKind, vn.binhduong.sct.contract.covid.RequestingUnitKind.class), s.code, c.quantity,
                        Labelled.map(c.quantityUnit, vn.binhduong.sct.contract.covid.QuantityUnit.class), Labelled.map(c.status, vn.binhduong.sct.contract.covid.CoordinationStatus.class)));
        return new CoordinationView(c.id, t.code, c.actionDate, c.requestingUnit, c.requestingUnitKind, s.code, c.quantity,
                c.quantityUnit, c.status, c.note);
    }

    public PageResult<CoordinationView> coordinations(PageParams page, String supplier, String team, CoordinationStatus status,
            LocalDate from, LocalDate to) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (supplier != null) {
            q.append(" and supplierId = :s");
            p.and("s", supplier(supplier).id);
        }
        if (team != null) {
            q.append(" and teamId = :t");
            p.and("t", team(team).id);
        }
        if (status != null) {
            q.append(" and status = :st");
            p.and("st", status);
        }
        if (from != null) {
            q.append(" and actionDate >= :from");
            p.and("from", from);
        }
        if (to != null) {
            q.append(" and actionDate <= :to");
            p.and("to", to);
        }
        Map<UUID, Establishment> suppliers = suppliersById();
        Map<UUID, String> teams = new HashMap<>();
        OxygenCoordinationTeam.<OxygenCoordinationTeam>listAll().forEach(t -> teams.put(t.id, t.code));
        var query = OxygenCoordinationRecord.<OxygenCoordinationRecord>find(q.toString(), Sort.by("actionDate").and("id"), p);
        return PageResult.of(query.page(page.toPage()).list().stream()
                .map(c -> new CoordinationView(c.id, teams.get(c.teamId), c.actionDate, c.requestingUnit, c.requestingUnitKind,
                        suppliers.get(c.supplierId).code, c.quantity, c.quantityUnit, c.status, c.note))
                .toList(), page, query.count());
    }
}

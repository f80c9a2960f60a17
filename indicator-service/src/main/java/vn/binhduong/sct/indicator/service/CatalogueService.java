package vn.binhduong.sct.indicator.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.binhduong.sct.indicator.api.CatalogueApi.IndicatorRequest;
import vn.binhduong.sct.indicator.api.CatalogueApi.IndicatorSetRequest;
import vn.binhduong.sct.indicator.domain.Aggregation;
import vn.binhduong.sct.indicator.domain.Direction;
import vn.binhduong.sct.indicator.domain.Indicator;
import vn.binhduong.sct.indicator.domain.IndicatorSet;
import vn.binhduong.sct.indicator.domain.Scale;
import vn.binhduong.sct.contract.common.Labelled;
import vn.binhduong.sct.contract.indicator.IndicatorPayloads;
import vn.binhduong.sct.indicator.events.IndicatorEvents;
import vn.binhduong.sct.platform.outbox.Outbox;
import vn.binhduong.sct.platform.problem.ProblemException;
import vn.binhduong.sct.platform.rules.Expression;
import vn.binhduong.sct.platform.rules.ExpressionException;

/** The indicator catalogue: definitions, derived-indicator formulas (parsed, inputs known, no cycles), sets. */
@ApplicationScoped
public class CatalogueService {
    public static final String ORGANIZATION = "SCT-BD";

    private final Outbox outbox;
    private final AuditLog audit;

    public CatalogueService(Outbox outbox, AuditLog audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public Indicator create(IndicatorRequest request) {
        if (Indicator.count("code", request.code()) > 0) {
            throw ProblemException.conflict("duplicate", "indicator " + request.code() + " already exists");
        }
        Indicator e = new Indicator();
        e.id = UUID.randomUUID();
        e.code = request.code();
        apply(e, request);
        e.persist();
        published(e, "INDICATOR_DEFINED");
        return e;
    }

    @Transactional
    public Indicator update(String code, IndicatorRequest request) {
        return update(code, request, null);
    }

    /** {@code ifMatch} (the {@code If-Match} header) may stand for the body's version; 412 when it is not current. */
    @Transactional
    public Indicator update(String code, IndicatorRequest request, Preconditions.IfMatch ifMatch) {
        Indicator e = get(code);
        if (!e.code.equals(request.code())) {
            throw ProblemException.invalid("code", "the code of an indicator cannot change (" + code + ")");
        }
        if (ifMatch != null) {
            ifMatch.require(e.version, "indicator " + code);
        }
        if (request.version() == null && ifMatch == null) {
            throw ProblemException.invalid("version", "is required to update: the version you read (or send If-Match)");
        }
        if (request.version() != null && request.version() != e.version) {
            throw ProblemException.conflict("stale-version", "indicator " + code + " is at version " + e.version
                    + ", not " + request.version(), Map.of("currentVersion", e.version));
        }
        apply(e, request);
        published(e, "INDICATOR_CHANGED");
        return e;
    }

    private void apply(Indicator e, IndicatorRequest request) {
        e.name = request.name();
        e.unit = request.unit();
        e.unitLabel = request.unitLabel();
        e.scale = request.scale() == null ? Scale.ONE : request.scale();
        e.aggregation = request.aggregation() == null ? Aggregation.SUM : request.aggregation();
        e.direction = request.direction() == null ? Direction.HIGHER_IS_BETTER : request.direction();
        e.ownerDivision = request.ownerDivision();
        e.description = request.description();
        String formula = request.formula() == null || request.formula().isBlank() ? null : request.formula().strip();
        if (formula != null) {
            checkFormula(e.code, formula);
        }
        e.formula = formula;
    }

    private void published(Indicator e, String action) {
        outbox.record(IndicatorEvents.DEFINED, IndicatorEvents.department(), "indicator", e.id.toString(),
                new IndicatorPayloads.IndicatorDefined(e.code, e.name, Labelled.map(e.unit, vn.binhduong.sct.contract.indicator.Unit.class), e.unitLabel,
                        Labelled.map(e.scale, vn.binhduong.sct.contract.indicator.Scale.class), e.displayUnit(), Labelled.map(e.aggregation, vn.binhduong.sct.contract.indicator.Aggregation.class),
                        Labelled.map(e.direction, vn.binhduong.sct.contract.indicator.Direction.class), e.ownerDivision, e.derived(),
                        e.formula, inputs(e), e.version));
        audit.record(action, null, null, e.code, e.name + (e.derived() ? " = " + e.formula : ""), null);
    }

    /** The formula parses, names only existing indicators, and no indicator ends up depending on itself. */
    void checkFormula(String code, String formula) {
        Expression parsed;
        try {
            parsed = Expression.parse(formula);
        } catch (ExpressionException ex) {
            throw ProblemException.invalid("formula", ex.getMessage());
        }
        if (parsed.names().isEmpty()) {
            throw ProblemException.invalid("formula", "a formula must name at least one indicator: " + formula);
        }
        List<String> unknown = parsed.names().stream().filter(n -> !n.equals(code) && Indicator.count("code", n) == 0)
                .toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.ruleViolated("unknown-input", "the formula of " + code + " names indicators that do "
                    + "not exist: " + String.join(", ", unknown), Map.of("unknown", unknown));
        }
        Map<String, Set<String>> graph = new HashMap<>();
        for (Indicator d : Indicator.<Indicator>list("formula is not null")) {
            graph.put(d.code, Expression.parse(d.formula).names());
        }
        graph.put(code, parsed.names());
        List<String> cycle = findCycle(code, graph, new ArrayList<>(), new HashSet<>());
        if (cycle != null) {
            throw ProblemException.ruleViolated("formula-cycle", "the formula of " + code + " makes a cycle: "
                    + String.join(" → ", cycle), Map.of("cycle", cycle));
        }
    }

    private static List<String> findCycle(String node, Map<String, Set<String>> graph, List<String> path,
            Set<String> done) {
        if (path.contains(node)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        if (done.contains(node)) {
            return null;
        }
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            List<String> c = findCycle(next, graph, path, done);
            if (c != null) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
        return null;
    }

    public static List<String> inputs(Indicator e) {
        return e.derived() ? List.copyOf(Expression.parse(e.formula).names()) : List.of();
    }

    public Indicator get(String code) {
        Indicator i = Indicator.byCode(code);
        if (i == null) {
            throw ProblemException.notFound("indicator", code);
        }
        return i;
    }

    @Transactional
    public IndicatorSet createSet(IndicatorSetRequest request) {
        if (IndicatorSet.findById(request.code()) != null) {
            throw ProblemException.conflict("duplicate", "indicator set " + request.code() + " already exists");
        }
        List<String> unknown = request.indicators().stream().filter(c -> Indicator.count("code", c) == 0).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.ruleViolated("unknown-indicator", "the set names indicators that do not exist: "
                    + String.join(", ", unknown), Map.of("unknown", unknown));
        }
        IndicatorSet s = new IndicatorSet();
        s.code = request.code();
        s.name = request.name();
        s.indicators = new ArrayList<>(new java.util.LinkedHashSet<>(request.indicators()));
        s.persist();
        return s;
    }

    public IndicatorSet getSet(String code) {
        IndicatorSet s = IndicatorSet.findById(code);
        if (s == null) {
            throw ProblemException.notFound("indicator set", code);
        }
        return s;
    }
}

package vn.binhduong.sct.report.domain;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The figure keys the report knows. A narrative placeholder must name one of these (or a key some event has already
 * produced): a typo is refused on save rather than printed as a hole in the report.
 */
public final class FigureCatalog {
    private static final List<String> RATINGS = List.of("excellent", "good", "completed", "not-completed", "good-or-better");

    public static final Set<String> KEYS;

    static {
        Set<String> k = new TreeSet<>(List.of(
                "organization.name", "organization.superior", "party.cells.count",
                "committee.executive.size", "committee.standing.size", "committee.inspection.size",
                "member.count.total", "member.count.probationary", "member.count.official", "member.count.religious",
                "member.admitted.count", "member.confirmed.count",
                "training.members", "training.awareness-class.candidates",
                "evaluation.members", "evaluation.members.on-roll", "evaluation.members.eligible", "evaluation.members.rated",
                "evaluation.members.max-excellent", "evaluation.members.excellent-share", "evaluation.cells",
                "evaluation.organization.rating", "evaluation.rule-set",
                "party-inspection.items", "party-inspection.items.planned", "party-inspection.items.started",
                "party-inspection.items.concluded", "party-inspection.items.postponed", "party-inspection.items.cancelled",
                "party-inspection.inspection", "party-inspection.supervision", "party-inspection.plan.completion-rate",
                "party-inspection.self.cells", "party-inspection.self.members", "party-inspection.self.members-planned",
                "state-inspection.delegations", "state-inspection.penalties", "state-inspection.penalties.individual",
                "state-inspection.penalties.organization", "state-inspection.penalties.business", "state-inspection.penalties-amount",
                "covid-inspection.teams", "planned-work.items", "planned-work.items.postponed", "planned-work.items.planned",
                "planned-work.items.completed",
                "covid.tests.cumulative", "covid.tests.positive", "covid.tests.positive-rate",
                "covid.tests.recorded", "covid.tests.recorded-positive",
                "covid.vaccination.doses", "covid.permits.issued", "covid.permits.by-kind", "covid.permits.by-kind.delivery-worker",
                "covid.permits.by-kind.import-export-staff", "covid.permits.not-split-by-kind", "covid.permits.recorded",
                "covid.health-units", "covid.health-units.station", "covid.health-units.team",
                "committee.executive.seats", "committee.standing.seats", "committee.inspection.seats",
                "covid.clusters.businesses.total", "covid.clusters.businesses.operating", "covid.clusters.businesses.on-site",
                "covid.clusters.businesses.three-green", "covid.clusters.businesses.one-route-two-sites",
                "covid.clusters.businesses.converted-to-three-green", "covid.clusters.workers", "covid.clusters.f0.cumulative",
                "covid.retail.market.operating", "covid.retail.market.total", "covid.retail.market.operating-rate",
                "covid.retail.supermarket.operating", "covid.retail.supermarket.total",
                "covid.retail.convenience-store.operating", "covid.retail.convenience-store.total",
                "covid.lockdown.operations", "covid.lockdown.staff", "covid.lockdown.wards", "covid.lockdown.working-groups"));
        for (String r : RATINGS) {
            k.add("evaluation.members." + r);
            k.add("evaluation.cells." + r);
        }
        for (String stated : List.of("covid.tests.positive-rate", "covid.retail.market.operating-rate")) {
            k.add(stated + ".stated");
        }
        KEYS = java.util.Collections.unmodifiableSet(k);
    }

    /** Indicator figures: {@code indicator.IIP.growth}, {@code indicator.RETAIL.plan-value}, ... */
    public static final Pattern INDICATOR = Pattern.compile(
            "indicator\\.[A-Za-z0-9_-]+\\.(name|unit|value|growth|growth\\.stated|plan-growth|plan-value)");

    private FigureCatalog() {
    }

    public static boolean known(String key) {
        return KEYS.contains(key) || INDICATOR.matcher(key).matches();
    }
}

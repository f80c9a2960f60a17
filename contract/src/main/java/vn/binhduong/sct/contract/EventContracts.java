package vn.binhduong.sct.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.binhduong.sct.contract.covid.CovidEventTypes;
import vn.binhduong.sct.contract.indicator.IndicatorEventTypes;
import vn.binhduong.sct.contract.inspection.InspectionEventTypes;
import vn.binhduong.sct.contract.member.MemberEventTypes;

/** The registry: every event type any producer publishes, by its name on the wire. */
public final class EventContracts {
    private static final Map<String, EventContract> BY_TYPE;

    static {
        Map<String, EventContract> m = new LinkedHashMap<>();
        List<EventContract> all = new ArrayList<>();
        all.addAll(MemberEventTypes.ALL);
        all.addAll(InspectionEventTypes.ALL);
        all.addAll(CovidEventTypes.ALL);
        all.addAll(IndicatorEventTypes.ALL);
        for (EventContract c : all) {
            if (m.put(c.type(), c) != null) {
                throw new IllegalStateException("event type " + c.type() + " is declared twice");
            }
        }
        BY_TYPE = Collections.unmodifiableMap(m);
    }

    private EventContracts() {
    }

    /** Every published type, member-service's first, in declaration order. */
    public static List<EventContract> all() {
        return List.copyOf(BY_TYPE.values());
    }

    public static Optional<EventContract> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}

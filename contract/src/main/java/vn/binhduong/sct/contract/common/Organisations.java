package vn.binhduong.sct.contract.common;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The organisation code registry: which code names the department (Sở Công Thương) and which names its party
 * committee (Đảng bộ Sở) on the wire, read by every producer and by report-service from the same configuration keys
 * ({@link #DEPARTMENT_CODE_KEY}, {@link #DEPARTMENT_ALIASES_KEY}, {@link #PARTY_COMMITTEE_CODE_KEY}). A producer
 * publishes every fact of the department under {@link #department()}, whatever code a client typed for it
 * ({@code SCT} in inspection-service's requests), so no consumer has to join two codes.
 */
public final class Organisations {
    public static final String DEPARTMENT_CODE_KEY = "sct.organisation.department-code";
    public static final String DEPARTMENT_ALIASES_KEY = "sct.organisation.department-aliases";
    public static final String PARTY_COMMITTEE_CODE_KEY = "sct.organisation.party-committee-code";
    public static final String DEFAULT_DEPARTMENT_CODE = "SCT-BD";
    /** Codes clients have used for the department: inspection-service's requests (and the 2021 demo) say {@code SCT}. */
    public static final String DEFAULT_DEPARTMENT_ALIASES = "SCT";
    public static final String DEFAULT_PARTY_COMMITTEE_CODE = "DB-SCT";

    private final String department;
    private final Set<String> aliases = new LinkedHashSet<>();
    private final String partyCommittee;

    public Organisations(String department, Collection<String> aliases, String partyCommittee) {
        this.department = department.strip();
        for (String a : aliases) {
            if (a != null && !a.isBlank()) {
                this.aliases.add(a.strip().toUpperCase(Locale.ROOT));
            }
        }
        this.partyCommittee = partyCommittee.strip();
    }

    /** The registry with the defaults, as an unconfigured service runs. */
    public static Organisations defaults() {
        return new Organisations(DEFAULT_DEPARTMENT_CODE, Set.of(DEFAULT_DEPARTMENT_ALIASES), DEFAULT_PARTY_COMMITTEE_CODE);
    }

    /**
     * The registry as configured: {@code setting} answers a configuration key (MicroProfile Config in a service:
     * {@code key -> ConfigProvider.getConfig().getOptionalValue(key, String.class)}); aliases are comma-separated.
     */
    public static Organisations from(java.util.function.Function<String, java.util.Optional<String>> setting) {
        String aliases = setting.apply(DEPARTMENT_ALIASES_KEY).orElse(DEFAULT_DEPARTMENT_ALIASES);
        return new Organisations(setting.apply(DEPARTMENT_CODE_KEY).orElse(DEFAULT_DEPARTMENT_CODE),
                java.util.Arrays.asList(aliases.split(",")), setting.apply(PARTY_COMMITTEE_CODE_KEY).orElse(DEFAULT_PARTY_COMMITTEE_CODE));
    }

    public String department() {
        return department;
    }

    public String partyCommittee() {
        return partyCommittee;
    }

    /** The code to publish for {@code code}: the department's registry code for any of its aliases, else itself. */
    public String canonical(String code) {
        if (code == null) {
            return null;
        }
        return aliases.contains(code.strip().toUpperCase(Locale.ROOT)) ? department : code;
    }

    public boolean isDepartment(String code) {
        return department.equals(canonical(code));
    }
}

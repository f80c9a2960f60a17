package vn.binhduong.sct.platform.security;

import java.util.List;

/** The roles of DESIGN.md §5, as carried in the token's {@code groups} claim. */
public final class Roles {
    /** Everything. */
    public static final String ADMIN = "admin";
    /** Members, cells, committees, evaluations; reads everything; assembles and signs reports. */
    public static final String PARTY_COMMITTEE = "party-committee";
    /** Party inspection and supervision programmes; reads member data. */
    public static final String INSPECTION_COMMITTEE = "inspection-committee";
    /** Members and evaluations of their own cell only (the {@code cell} claim names it). */
    public static final String CELL_SECRETARY = "cell-secretary";
    /** COVID operations, state inspections, indicators. */
    public static final String DEPARTMENT_STAFF = "department-staff";
    /** Aggregates and reports, no personal data. */
    public static final String VIEWER = "viewer";
    /** Other provincial systems: read the API, write where a service says so. */
    public static final String INTEGRATION = "integration";

    /** The claim that names a cell secretary's cell (its code). */
    public static final String CELL_CLAIM = "cell";

    public static final List<String> ALL = List.of(ADMIN, PARTY_COMMITTEE, INSPECTION_COMMITTEE, CELL_SECRETARY,
            DEPARTMENT_STAFF, VIEWER, INTEGRATION);

    private Roles() {
    }
}

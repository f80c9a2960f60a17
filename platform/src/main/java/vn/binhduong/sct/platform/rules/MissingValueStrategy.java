package vn.binhduong.sct.platform.rules;

/** What a rule does when figures it names have no value (as in DHIS2). */
public enum MissingValueStrategy {
    /** Not evaluated when any figure named on either side is missing. */
    SKIP_IF_ANY_MISSING,
    /** Not evaluated when every figure named on both sides is missing; otherwise missing figures count as 0. */
    SKIP_IF_ALL_MISSING,
    /** Always evaluated; missing figures count as 0. */
    NEVER_SKIP
}

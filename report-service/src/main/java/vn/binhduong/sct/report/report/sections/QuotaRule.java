package vn.binhduong.sct.report.report.sections;

import java.util.Map;

/**
 * The cap on members rated excellent, as the rule set a year is evaluated under states it (member-service names the
 * rule set in {@code evaluation.year-finalized} and computes the maximum count, {@code evaluation.members.max-excellent}).
 * The report prints the percentage; whether the year kept within it is decided on the maximum count from the data.
 */
public final class QuotaRule {
    /** Rule set → percent of those rated good or better: HĐ 21-HD/BTCTW (2019), QĐ 124-QĐ/TW (2023), QĐ 366-QĐ/TW (2025). */
    private static final Map<String, Integer> PERCENT = Map.of("HD21_2019", 20, "QD124_2023", 20, "QD366_2025", 20);

    private QuotaRule() {
    }

    /** The cap in percent, or null for a rule set the report does not know (or none named). */
    public static Integer percent(String ruleSet) {
        return ruleSet == null ? null : PERCENT.get(ruleSet);
    }
}

package vn.binhduong.sct.member.domain;

import java.util.Map;

import vn.binhduong.sct.platform.problem.ProblemException;

/**
 * The rating rules in force for a year (DESIGN.md §9). A year is evaluated under the rule set in force for it.
 * Every rule set so far caps EXCELLENT at 20% of those rated good or better in the grassroots organisation;
 * QĐ 366 (from 2025) also rates on a 100-point score.
 */
public enum RuleSet {
    /** Hướng dẫn 21-HD/BTCTW (2019) */
    HD21_2019(2019, false),
    /** Quy định 124-QĐ/TW (2023) */
    QD124_2023(2023, false),
    /** Quy định 366-QĐ/TW (2025), 100-point score */
    QD366_2025(2025, true);

    /** The cap, as a fraction: excellent × 5 ≤ good-or-better. */
    public static final int EXCELLENT_PERCENT = 20;

    public final int fromYear;
    public final boolean scored;

    RuleSet(int fromYear, boolean scored) {
        this.fromYear = fromYear;
        this.scored = scored;
    }

    public static RuleSet forYear(int year) {
        RuleSet found = null;
        for (RuleSet r : values()) {
            if (year >= r.fromYear) {
                found = r;
            }
        }
        if (found == null) {
            throw ProblemException.ruleViolated("no-rule-set", "no rating rule set is known for " + year + " (the earliest is "
                    + HD21_2019.fromYear + ")", Map.of("year", year));
        }
        return found;
    }

    /** The most members that may be rated EXCELLENT when {@code goodOrBetter} are rated GOOD or EXCELLENT. */
    public int maxExcellent(int goodOrBetter) {
        return goodOrBetter * EXCELLENT_PERCENT / 100;
    }

    /** Under a scored rule set the rating must match the score band (excellent ≥ 90, good 70–89, completed 50–69). */
    public void checkScore(Rating rating, Integer score) {
        if (!scored) {
            return;
        }
        if (score == null) {
            throw ProblemException.invalid("score", "rule set " + this + " rates on a 100-point score; give the score");
        }
        Rating band = score >= 90 ? Rating.EXCELLENT : score >= 70 ? Rating.GOOD : score >= 50 ? Rating.COMPLETED : Rating.NOT_COMPLETED;
        if (band != rating) {
            throw ProblemException.ruleViolated("rating-score-mismatch", "a score of " + score + " means " + band
                    + " under " + this + ", not " + rating, Map.of("score", score, "expected", band.name(), "given", rating.name()));
        }
    }
}

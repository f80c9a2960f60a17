package vn.binhduong.sct.indicator.domain;

/** Whether meeting a target means reaching it from below (turnover) or staying under it (a loss rate). */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}

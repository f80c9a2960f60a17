package vn.binhduong.sct.indicator.domain;

/** Period types, from longest to shortest; each contains the next. */
public enum PeriodType {
    YEAR, QUARTER, MONTH
}

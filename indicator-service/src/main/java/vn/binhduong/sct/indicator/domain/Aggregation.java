package vn.binhduong.sct.indicator.domain;

/** How values of shorter periods make a longer one: a turnover sums, a stock count takes the last, a rate averages. */
public enum Aggregation {
    SUM, LAST, AVERAGE, NONE
}

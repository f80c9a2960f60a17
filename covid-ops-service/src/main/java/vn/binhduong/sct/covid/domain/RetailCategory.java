package vn.binhduong.sct.covid.domain;

/** Retail outlet categories. */
public enum RetailCategory {
    MARKET, SUPERMARKET, CONVENIENCE_STORE, SHOPPING_CENTRE
}

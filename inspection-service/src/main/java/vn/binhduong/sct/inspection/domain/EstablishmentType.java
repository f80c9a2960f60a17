package vn.binhduong.sct.inspection.domain;

/** Loại cơ sở được kiểm tra. */
public enum EstablishmentType {
    INDUSTRIAL_CLUSTER_BUSINESS, MARKET, SUPERMARKET, SHOPPING_CENTRE, CONVENIENCE_STORE
}

package vn.binhduong.sct.covid.domain;

/** Who received the doses. */
public enum TargetGroup {
    /** công nhân trong CCN */ CLUSTER_WORKERS, /** doanh nghiệp của Hiệp hội ngành hàng */ TRADE_ASSOCIATIONS, /** người lao động trong chuỗi cung ứng */ SUPPLY_CHAIN_STAFF, /** the source reports one total over all groups */ ALL_GROUPS_NOT_SPLIT
}

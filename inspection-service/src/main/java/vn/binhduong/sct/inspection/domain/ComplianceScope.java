package vn.binhduong.sct.inspection.domain;

/** Which establishments a compliance team covers. */
public enum ComplianceScope {
    /** doanh nghiệp trong cụm công nghiệp */
    INDUSTRIAL_CLUSTER_BUSINESSES,
    /** chợ, siêu thị, trung tâm thương mại, cửa hàng tiện lợi */
    RETAIL_DISTRIBUTION
}

package vn.binhduong.sct.contract.covid;

import vn.binhduong.sct.contract.common.Labelled;

/** Who received the doses ({@code VaccinationRecorded.targetGroup}). */
public enum TargetGroup implements Labelled {
    CLUSTER_WORKERS("công nhân trong CCN"),
    TRADE_ASSOCIATIONS("doanh nghiệp của Hiệp hội ngành hàng"),
    SUPPLY_CHAIN_STAFF("người lao động trong chuỗi cung ứng"),
    ALL_GROUPS_NOT_SPLIT("các nhóm đối tượng (không tách riêng)");

    private final String label;

    TargetGroup(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

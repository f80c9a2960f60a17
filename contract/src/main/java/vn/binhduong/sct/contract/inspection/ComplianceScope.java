package vn.binhduong.sct.contract.inspection;

import vn.binhduong.sct.contract.common.Labelled;

/** Which establishments a compliance team covers ({@code scope}, {@code teamScope}). */
public enum ComplianceScope implements Labelled {
    INDUSTRIAL_CLUSTER_BUSINESSES("doanh nghiệp trong cụm công nghiệp"),
    RETAIL_DISTRIBUTION("chợ, siêu thị, trung tâm thương mại, cửa hàng tiện lợi");

    private final String label;

    ComplianceScope(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

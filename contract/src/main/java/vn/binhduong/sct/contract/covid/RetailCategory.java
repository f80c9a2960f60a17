package vn.binhduong.sct.contract.covid;

import vn.binhduong.sct.contract.common.Labelled;

/** Retail outlet categories ({@code RetailStatusReported.category}); the labels of the same kinds in {@link vn.binhduong.sct.contract.common.EstablishmentType}. */
public enum RetailCategory implements Labelled {
    MARKET("chợ truyền thống"),
    SUPERMARKET("siêu thị"),
    CONVENIENCE_STORE("cửa hàng tiện lợi"),
    SHOPPING_CENTRE("trung tâm thương mại");

    private final String label;

    RetailCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

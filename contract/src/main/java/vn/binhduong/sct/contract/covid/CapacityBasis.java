package vn.binhduong.sct.contract.covid;

import vn.binhduong.sct.contract.common.Labelled;

/** Whether a supplier's capacity is what it produces or what it can supply ({@code OxygenCapacityReported.capacityBasis}). */
public enum CapacityBasis implements Labelled {
    PRODUCTION("năng lực sản xuất"),
    SUPPLY("năng lực cung cấp");

    private final String label;

    CapacityBasis(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

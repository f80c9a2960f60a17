package vn.binhduong.sct.contract.covid;

import vn.binhduong.sct.contract.common.Labelled;

/** Unit of a supplier's daily capacity ({@code OxygenCapacityReported.capacityUnit}). */
public enum CapacityUnit implements Labelled {
    M3_PER_DAY("m³ khí/ngày"),
    KG_PER_DAY("kg/ngày (oxy lỏng)");

    private final String label;

    CapacityUnit(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

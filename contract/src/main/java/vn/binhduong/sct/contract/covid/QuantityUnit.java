package vn.binhduong.sct.contract.covid;

import vn.binhduong.sct.contract.common.Labelled;

/** Unit of a coordinated oxygen quantity ({@code OxygenCoordinationRecorded.quantityUnit}). */
public enum QuantityUnit implements Labelled {
    M3("m³ khí"),
    KG("ki-lô-gam"),
    CYLINDERS("chai");

    private final String label;

    QuantityUnit(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

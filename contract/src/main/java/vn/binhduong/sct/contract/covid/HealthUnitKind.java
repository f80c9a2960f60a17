package vn.binhduong.sct.contract.covid;

import vn.binhduong.sct.contract.common.Labelled;

/** Mobile health units in clusters ({@code MobileHealthUnitEstablished.kind}). */
public enum HealthUnitKind implements Labelled {
    STATION("Trạm y tế lưu động"),
    TEAM("Tổ y tế lưu động");

    private final String label;

    HealthUnitKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

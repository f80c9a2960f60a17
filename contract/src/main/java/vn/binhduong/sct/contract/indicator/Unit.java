package vn.binhduong.sct.contract.indicator;

import vn.binhduong.sct.contract.common.Labelled;

/** The unit a value is stored in, never scaled ({@code unit} of indicator events). */
public enum Unit implements Labelled {
    PERCENT("phần trăm (%)"),
    INDEX("chỉ số"),
    VND("đồng"),
    USD("đô la Mỹ (USD)"),
    KWH("ki-lô-oát giờ (kWh)"),
    COUNT("số lượng");

    private final String label;

    Unit(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

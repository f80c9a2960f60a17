package vn.binhduong.sct.indicator.domain;

/** The unit a value is stored in (base unit, never scaled). */
public enum Unit {
    PERCENT("%"), INDEX(""), VND("đồng"), USD("USD"), KWH("kWh"), COUNT("");

    private final String label;

    Unit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package vn.binhduong.sct.contract.inspection;

import vn.binhduong.sct.contract.common.Labelled;

/** What a party inspection item targets ({@code ItemChanged.targetType}). */
public enum TargetType implements Labelled {
    CELL("chi bộ"),
    MEMBER("đảng viên");

    private final String label;

    TargetType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

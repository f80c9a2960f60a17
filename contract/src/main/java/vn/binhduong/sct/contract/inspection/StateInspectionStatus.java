package vn.binhduong.sct.contract.inspection;

import vn.binhduong.sct.contract.common.Labelled;

/** A state inspection's state ({@code StateInspectionChanged.status}). */
public enum StateInspectionStatus implements Labelled {
    OPEN("đang thanh tra"),
    CONCLUDED("đã kết luận");

    private final String label;

    StateInspectionStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

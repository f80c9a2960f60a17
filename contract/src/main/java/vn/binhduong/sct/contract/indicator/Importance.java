package vn.binhduong.sct.contract.indicator;

import vn.binhduong.sct.contract.common.Labelled;

/** How serious a broken validation rule is ({@code ViolationFound.importance}). */
public enum Importance implements Labelled {
    HIGH("nghiêm trọng"),
    MEDIUM("trung bình"),
    LOW("nhẹ");

    private final String label;

    Importance(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

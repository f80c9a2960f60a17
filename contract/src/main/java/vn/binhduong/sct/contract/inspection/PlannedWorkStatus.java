package vn.binhduong.sct.contract.inspection;

import vn.binhduong.sct.contract.common.Labelled;

/** Where a planned work stands ({@code PlannedWorkChanged.status}). */
public enum PlannedWorkStatus implements Labelled {
    PLANNED("theo kế hoạch"),
    DONE("đã thực hiện"),
    POSTPONED("hoãn sang năm sau"),
    CANCELLED("hủy bỏ");

    private final String label;

    PlannedWorkStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

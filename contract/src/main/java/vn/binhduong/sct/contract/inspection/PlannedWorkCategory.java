package vn.binhduong.sct.contract.inspection;

import vn.binhduong.sct.contract.common.Labelled;

/** The kind of work a plan announces ({@code PlannedWorkChanged.category}). */
public enum PlannedWorkCategory implements Labelled {
    STATE_INSPECTION("thanh tra, kiểm tra"),
    DRILL("diễn tập"),
    OTHER("công việc khác");

    private final String label;

    PlannedWorkCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

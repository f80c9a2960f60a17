package vn.binhduong.sct.contract.member;

import vn.binhduong.sct.contract.common.Labelled;

/** Where a member stands in a training programme ({@code TrainingPayload.status}). */
public enum TrainingStatus implements Labelled {
    SENT("được cử đi học"),
    COMPLETED("đã hoàn thành khóa học"),
    WITHDRAWN("thôi học");

    private final String label;

    TrainingStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

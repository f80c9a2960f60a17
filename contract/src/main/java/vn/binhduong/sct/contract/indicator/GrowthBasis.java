package vn.binhduong.sct.contract.indicator;

import vn.binhduong.sct.contract.common.Labelled;

/** Where a value's growth comes from ({@code ValueRecorded.growthBasis}). */
public enum GrowthBasis implements Labelled {
    COMPUTED("tính từ số cùng kỳ năm trước"),
    PUBLISHED("theo số liệu công bố");

    private final String label;

    GrowthBasis(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

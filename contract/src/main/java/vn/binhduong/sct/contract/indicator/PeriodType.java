package vn.binhduong.sct.contract.indicator;

import vn.binhduong.sct.contract.common.Labelled;

/** Period types, longest first ({@code periodType}). */
public enum PeriodType implements Labelled {
    YEAR("năm"),
    QUARTER("quý"),
    MONTH("tháng");

    private final String label;

    PeriodType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

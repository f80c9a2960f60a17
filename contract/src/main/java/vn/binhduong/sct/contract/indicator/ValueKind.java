package vn.binhduong.sct.contract.indicator;

import vn.binhduong.sct.contract.common.Labelled;

/** How final a figure is, least first ({@code ValueRecorded.kind}). */
public enum ValueKind implements Labelled {
    ESTIMATE("ước thực hiện"),
    PRELIMINARY("sơ bộ"),
    ACTUAL("thực hiện"),
    FINAL("chính thức");

    private final String label;

    ValueKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package vn.binhduong.sct.contract.covid;

import vn.binhduong.sct.contract.common.Labelled;

/** Where an oxygen coordination action stands ({@code OxygenCoordinationRecorded.status}). */
public enum CoordinationStatus implements Labelled {
    REQUESTED("đề nghị"),
    CONNECTED("đã kết nối"),
    SUPPLIED("đã cung cấp"),
    NOT_SUPPLIED("không đáp ứng"),
    CANCELLED("hủy");

    private final String label;

    CoordinationStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package vn.binhduong.sct.contract.inspection;

import vn.binhduong.sct.contract.common.Labelled;

/** The outcome of one compliance visit ({@code ComplianceVisitRecorded.result}). */
public enum VisitResult implements Labelled {
    COMPLIANT("đạt yêu cầu"),
    REMINDED("nhắc nhở, hướng dẫn khắc phục"),
    VIOLATION("vi phạm, lập biên bản"),
    SUSPENDED("tạm dừng hoạt động");

    private final String label;

    VisitResult(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

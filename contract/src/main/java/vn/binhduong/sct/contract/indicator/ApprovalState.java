package vn.binhduong.sct.contract.indicator;

import vn.binhduong.sct.contract.common.Labelled;

/** Approval of an organisation's period ({@code PeriodStateChanged.state}, {@code previousState}). */
public enum ApprovalState implements Labelled {
    DRAFT("đang nhập liệu"),
    SUBMITTED("đã gửi duyệt"),
    APPROVED("đã phê duyệt"),
    ACCEPTED("đã tiếp nhận");

    private final String label;

    ApprovalState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package vn.binhduong.sct.contract.member;

import vn.binhduong.sct.contract.common.Labelled;

/** The committees of the organisation and of a cell ({@code CommitteePayload.kind}, {@code SeatPayload.committeeKind}). */
public enum CommitteeKind implements Labelled {
    EXECUTIVE("Ban Chấp hành Đảng ủy"),
    STANDING("Ban Thường vụ Đảng ủy"),
    INSPECTION("Ủy ban kiểm tra Đảng ủy"),
    CELL("Chi ủy chi bộ");

    private final String label;

    CommitteeKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package vn.binhduong.sct.contract.member;

import vn.binhduong.sct.contract.common.Labelled;

/** A seat's position in a committee ({@code SeatPayload.position}). */
public enum Position implements Labelled {
    SECRETARY("Bí thư"),
    DEPUTY_SECRETARY("Phó Bí thư"),
    INSPECTION_CHAIR("Chủ nhiệm Ủy ban kiểm tra"),
    INSPECTION_DEPUTY_CHAIR("Phó Chủ nhiệm Ủy ban kiểm tra"),
    MEMBER("Ủy viên");

    private final String label;

    Position(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

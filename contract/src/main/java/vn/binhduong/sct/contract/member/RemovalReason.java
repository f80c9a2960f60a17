package vn.binhduong.sct.contract.member;

import vn.binhduong.sct.contract.common.Labelled;

/** Why a member left the roll ({@code MemberChangePayload.reason} of member.removed). */
public enum RemovalReason implements Labelled {
    STRUCK_OFF("xóa tên"),
    EXPELLED("khai trừ"),
    RESIGNED("xin ra khỏi Đảng"),
    NOT_CONFIRMED("không được công nhận đảng viên chính thức");

    private final String label;

    RemovalReason(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

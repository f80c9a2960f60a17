package vn.binhduong.sct.contract.member;

import vn.binhduong.sct.contract.common.Labelled;

/** A member's standing ({@code MemberChangePayload.status}, {@code previousStatus}); the first two are on the roll. */
public enum MemberStatus implements Labelled {
    PROBATIONARY("đảng viên dự bị"),
    OFFICIAL("đảng viên chính thức"),
    TRANSFERRED_OUT("đã chuyển sinh hoạt đảng đi"),
    REMOVED("đã ra khỏi Đảng"),
    DECEASED("đã từ trần");

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package vn.binhduong.sct.contract.member;

import vn.binhduong.sct.contract.common.Labelled;

/** The dated lifecycle change a member.* event reports ({@code MemberChangePayload.kind}). */
public enum MovementKind implements Labelled {
    REGISTERED("đăng ký vào danh sách đảng viên"),
    ADMITTED("kết nạp"),
    CONFIRMED("chuyển đảng chính thức"),
    TRANSFERRED("chuyển sinh hoạt sang chi bộ khác"),
    TRANSFERRED_OUT("chuyển sinh hoạt đảng đi"),
    TRANSFERRED_IN("chuyển sinh hoạt đảng đến"),
    RETURNED("trở lại sinh hoạt sau chuyển sinh hoạt tạm thời"),
    REMOVED("ra khỏi Đảng"),
    DECEASED("từ trần");

    private final String label;

    MovementKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package vn.binhduong.sct.member.domain;

/** Why a member leaves the roll other than by transfer or death. */
public enum RemovalReason {
    /** xóa tên */
    STRUCK_OFF,
    /** khai trừ */
    EXPELLED,
    /** xin ra khỏi Đảng */
    RESIGNED,
    /** not confirmed at the end of probation: removed from the probationary list */
    NOT_CONFIRMED
}

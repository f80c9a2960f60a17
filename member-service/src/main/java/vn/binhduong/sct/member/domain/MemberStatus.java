package vn.binhduong.sct.member.domain;

/** A member's standing in the organisation. Only the first two are on the roll. */
public enum MemberStatus {
    /** đảng viên dự bị */
    PROBATIONARY,
    /** đảng viên chính thức */
    OFFICIAL,
    /** chuyển sinh hoạt đảng chính thức đi nơi khác */
    TRANSFERRED_OUT,
    /** xóa tên, khai trừ, or not confirmed at the end of probation */
    REMOVED,
    /** từ trần */
    DECEASED;

    public boolean onRoll() {
        return this == PROBATIONARY || this == OFFICIAL;
    }
}

package vn.binhduong.sct.member.domain;

/** The dated lifecycle changes kept in the member's history. */
public enum MovementKind {
    /** already a member when the registry started keeping them (or recorded late) */
    REGISTERED,
    /** kết nạp */
    ADMITTED,
    /** chuyển đảng chính thức */
    CONFIRMED,
    /** moved from one cell to another of the same organisation */
    TRANSFERRED,
    TRANSFERRED_OUT,
    TRANSFERRED_IN,
    /** back from a temporary transfer out (chuyển sinh hoạt tạm thời): in their cell again */
    RETURNED,
    REMOVED,
    DECEASED
}

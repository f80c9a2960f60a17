package vn.binhduong.sct.member.domain;

/** Ban Chấp hành, Ban Thường vụ, Ủy ban kiểm tra of the organisation; chi ủy (secretary, deputy) of one cell. */
public enum CommitteeKind {
    EXECUTIVE,
    STANDING,
    INSPECTION,
    /** the leadership of one cell: its secretary (bí thư chi bộ), deputy secretary, members of the chi ủy */
    CELL
}

package vn.binhduong.sct.member.domain;

/** Ban Chấp hành, Ban Thường vụ, Ủy ban kiểm tra. */
public enum CommitteeKind {
    EXECUTIVE,
    STANDING,
    INSPECTION
}

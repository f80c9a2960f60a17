package vn.binhduong.sct.inspection.domain;

/** What a party inspection item targets: a cell (chi bộ) or a member (đảng viên). */
public enum TargetType {
    CELL, MEMBER
}

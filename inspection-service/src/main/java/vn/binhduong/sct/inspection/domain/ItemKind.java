package vn.binhduong.sct.inspection.domain;

/** Kiểm tra, giám sát, tự kiểm tra. */
public enum ItemKind {
    INSPECTION, SUPERVISION, SELF_INSPECTION
}

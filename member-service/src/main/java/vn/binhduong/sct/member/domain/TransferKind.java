package vn.binhduong.sct.member.domain;

/** Chuyển sinh hoạt đảng chính thức (permanent) or tạm thời (temporary, a stay of 3 to 12 months). */
public enum TransferKind {
    PERMANENT,
    TEMPORARY
}

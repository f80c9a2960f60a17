package vn.binhduong.sct.inspection.domain;

/** Thường xuyên, chuyên đề, định kỳ, khi có dấu hiệu vi phạm. */
public enum ItemMode {
    REGULAR, THEMATIC, PERIODIC, ON_SIGNS_OF_VIOLATION
}

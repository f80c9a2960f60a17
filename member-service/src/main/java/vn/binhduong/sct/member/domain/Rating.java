package vn.binhduong.sct.member.domain;

/** Đánh giá, xếp loại: the four levels, best first. */
public enum Rating {
    /** hoàn thành xuất sắc nhiệm vụ */
    EXCELLENT,
    /** hoàn thành tốt nhiệm vụ */
    GOOD,
    /** hoàn thành nhiệm vụ */
    COMPLETED,
    /** không hoàn thành nhiệm vụ */
    NOT_COMPLETED;

    public boolean goodOrBetter() {
        return this == EXCELLENT || this == GOOD;
    }
}

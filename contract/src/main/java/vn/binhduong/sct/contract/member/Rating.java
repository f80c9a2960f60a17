package vn.binhduong.sct.contract.member;

import vn.binhduong.sct.contract.common.Labelled;

/** Đánh giá, xếp loại: the four levels, best first (member, cell and organisation ratings). */
public enum Rating implements Labelled {
    EXCELLENT("hoàn thành xuất sắc nhiệm vụ"),
    GOOD("hoàn thành tốt nhiệm vụ"),
    COMPLETED("hoàn thành nhiệm vụ"),
    NOT_COMPLETED("không hoàn thành nhiệm vụ");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

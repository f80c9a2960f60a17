package vn.binhduong.sct.contract.inspection;

import vn.binhduong.sct.contract.common.Labelled;

/** Where an inspection item stands ({@code ItemChanged.status}). */
public enum ItemStatus implements Labelled {
    PLANNED("theo kế hoạch, chưa thực hiện"),
    IN_PROGRESS("đang thực hiện"),
    CONCLUDED("đã kết luận"),
    POSTPONED("hoãn sang năm sau"),
    CANCELLED("hủy bỏ");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

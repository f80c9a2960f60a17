package vn.binhduong.sct.contract.inspection;

import vn.binhduong.sct.contract.common.Labelled;

/** How an item is carried out ({@code ItemChanged.mode}). */
public enum ItemMode implements Labelled {
    REGULAR("thường xuyên"),
    THEMATIC("chuyên đề"),
    PERIODIC("định kỳ"),
    ON_SIGNS_OF_VIOLATION("khi có dấu hiệu vi phạm");

    private final String label;

    ItemMode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package vn.binhduong.sct.contract.inspection;

import vn.binhduong.sct.contract.common.Labelled;

/** Kiểm tra, giám sát, tự kiểm tra ({@code ItemChanged.kind}). */
public enum ItemKind implements Labelled {
    INSPECTION("kiểm tra"),
    SUPERVISION("giám sát"),
    SELF_INSPECTION("tự kiểm tra");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

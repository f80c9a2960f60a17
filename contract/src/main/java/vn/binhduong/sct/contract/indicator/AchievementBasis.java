package vn.binhduong.sct.contract.indicator;

import vn.binhduong.sct.contract.common.Labelled;

/** What a value is measured against ({@code Achievement.basis}). */
public enum AchievementBasis implements Labelled {
    VALUE("so với chỉ tiêu giá trị"),
    GROWTH("so với chỉ tiêu tăng trưởng");

    private final String label;

    AchievementBasis(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

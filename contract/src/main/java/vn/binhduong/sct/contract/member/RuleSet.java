package vn.binhduong.sct.contract.member;

import vn.binhduong.sct.contract.common.Labelled;

/** The rating rules a year is evaluated under ({@code ruleSet} of evaluation-year events). */
public enum RuleSet implements Labelled {
    HD21_2019("Hướng dẫn 21-HD/BTCTW"),
    QD124_2023("Quy định 124-QĐ/TW"),
    QD366_2025("Quy định 366-QĐ/TW");

    private final String label;

    RuleSet(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

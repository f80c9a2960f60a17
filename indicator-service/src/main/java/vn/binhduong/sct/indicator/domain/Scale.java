package vn.binhduong.sct.indicator.domain;

import java.math.BigDecimal;

/** How a value is shown: 231578000000000 VND at BILLION is "231.578 tỷ đồng". Storage is always in the base unit. */
public enum Scale {
    ONE(BigDecimal.ONE, ""), THOUSAND(new BigDecimal("1000"), "nghìn"), MILLION(new BigDecimal("1000000"), "triệu"),
    BILLION(new BigDecimal("1000000000"), "tỷ");

    private final BigDecimal factor;
    private final String word;

    Scale(BigDecimal factor, String word) {
        this.factor = factor;
        this.word = word;
    }

    public BigDecimal factor() {
        return factor;
    }

    public String word() {
        return word;
    }
}

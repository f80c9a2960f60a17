package vn.binhduong.sct.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How the annex rewrites indicator-service's base-unit numbers into the indicators' display scale. */
class DisplayScaleTest {
    private static final Map<String, String[]> UNITS = Map.of(
            "EXPORT", new String[] { "BILLION", null, "USD" },
            "IMPORT", new String[] { "BILLION", null, "USD" },
            "TRADE_SURPLUS_REPORTED", new String[] { "BILLION", "tỷ USD", "USD" },
            "MARKET", new String[] { "ONE", "chợ", "COUNT" });

    @Test
    void rewritesEachValueOfTheRuleWithItsBaseUnitIntoTheDisplayScaleAndLeavesOtherNumbers() {
        FigureQuery.DisplayScale d = FigureQuery.DisplayScale.of(UNITS, "TRADE_SURPLUS_REPORTED", "EXPORT - IMPORT");
        assertEquals("6,8 tỷ USD", d.format(new BigDecimal("6800000000")));
        assertEquals("Năm 2021 báo cáo 6,8 tỷ USD khác 6,81 tỷ USD (chênh -0,01 tỷ USD)",
                d.rescale("Năm 2021 báo cáo 6.800.000.000 USD khác 6.810.000.000 USD (chênh -10.000.000 USD)",
                        new BigDecimal("6800000000"), new BigDecimal("6810000000"), new BigDecimal("-10000000")));
    }

    @Test
    void neverRewritesAShorterValueInsideALongerNumber() {
        FigureQuery.DisplayScale d = FigureQuery.DisplayScale.of(UNITS, "EXPORT", "IMPORT");
        assertEquals("6,8 tỷ USD và 0,8 tỷ USD; 16.800.000.000",
                d.rescale("6.800.000.000 và 800.000.000 USD; 16.800.000.000", new BigDecimal("800000000"),
                        new BigDecimal("6800000000")));
    }

    @Test
    void keepsTheMessageOfCountsAndOfRulesNamingAnUnknownIndicator() {
        assertEquals("Tổng số chợ 107 khác 99", FigureQuery.DisplayScale.of(UNITS, "MARKET", "MARKET_CLASS_1")
                .rescale("Tổng số chợ 107 khác 99", new BigDecimal("107"), new BigDecimal("99")));
        assertEquals("báo cáo 6.800.000.000 USD", FigureQuery.DisplayScale.of(UNITS, "EXPORT", "UNKNOWN")
                .rescale("báo cáo 6.800.000.000 USD", new BigDecimal("6800000000")));
    }
}

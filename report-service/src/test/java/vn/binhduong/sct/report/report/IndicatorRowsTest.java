package vn.binhduong.sct.report.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.report.ReportDocument.IndicatorRow;
import vn.binhduong.sct.report.report.sections.IndicatorRows;

/**
 * Which indicators are the year's main indicators (section III's list and table, IV's assessment): the configured ones
 * and those with a plan for the year. In a second demo year every count has a year before it, so indicator-service
 * computes its growth: that alone does not make documents received a main indicator.
 */
class IndicatorRowsTest {
    @Test
    void aCountWithAGrowthButNoPlanIsNotAMainIndicator() {
        Map<String, FigureView> f = SectionWritersTest.figures(
                "indicator.IIP.name", "Chỉ số sản xuất công nghiệp (IIP)", "indicator.IIP.growth", 9.6, "indicator.IIP.plan-growth", 8.9,
                "indicator.ELECTRICITY.name", "Sản lượng điện thương phẩm", "indicator.ELECTRICITY.growth", 4.3,
                "indicator.RURAL_FAIRS.name", "Phiên chợ", "indicator.RURAL_FAIRS.value", 9, "indicator.RURAL_FAIRS.growth", 350,
                "indicator.RURAL_FAIRS.plan-value", 10,
                "indicator.DOCUMENTS_RECEIVED.name", "Văn bản đến được tiếp nhận", "indicator.DOCUMENTS_RECEIVED.value", 6912,
                "indicator.DOCUMENTS_RECEIVED.growth", -4.92,
                "indicator.MARKET_CLASS_1.name", "Số chợ hạng 1", "indicator.MARKET_CLASS_1.value", 2);
        List<IndicatorRow> rows = IndicatorRows.of(new Figures("T", 2022, f, Map.of(), Map.of(), (m, c) -> List.of(),
                List.of("IIP", "ELECTRICITY")));
        assertEquals(List.of("IIP", "ELECTRICITY", "RURAL_FAIRS"), rows.stream().map(IndicatorRow::code).toList());
        assertEquals(Boolean.TRUE, rows.get(0).met());
        assertEquals(Boolean.FALSE, rows.get(2).met());
    }
}

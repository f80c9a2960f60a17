package vn.binhduong.sct.report.report;

import java.util.List;
import java.util.Map;

import vn.binhduong.sct.report.domain.FigureView;

/** Cross-domain checks over the figures of one report; each violation becomes a row of the annex of figures to review. */
public interface DataQualityCheck {
    List<ReportDocument.Finding> check(Map<String, FigureView> figures);
}

package vn.binhduong.sct.contract.indicator;

import vn.binhduong.sct.contract.common.Labelled;

/** How values of shorter periods make a longer one ({@code IndicatorDefined.aggregation}). */
public enum Aggregation implements Labelled {
    SUM("cộng dồn các kỳ"),
    LAST("lấy số của kỳ cuối"),
    AVERAGE("bình quân các kỳ"),
    NONE("không tổng hợp từ kỳ ngắn hơn");

    private final String label;

    Aggregation(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

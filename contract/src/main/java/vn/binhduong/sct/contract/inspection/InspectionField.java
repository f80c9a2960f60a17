package vn.binhduong.sct.contract.inspection;

import vn.binhduong.sct.contract.common.Labelled;

/** Lĩnh vực thanh tra, kiểm tra của ngành Công Thương ({@code StateInspectionChanged.fields}, {@code PlannedWorkChanged.field}). */
public enum InspectionField implements Labelled {
    INDUSTRY_AND_TRADE_GENERAL("chấp hành pháp luật trong lĩnh vực ngành Công Thương"),
    PETROLEUM("kinh doanh xăng dầu"),
    CHEMICALS("hóa chất"),
    ELECTRICITY("điện lực"),
    ENERGY_EFFICIENCY("sử dụng năng lượng tiết kiệm và hiệu quả"),
    FOOD_SAFETY("an toàn thực phẩm"),
    INDUSTRIAL_EXPLOSIVES("vật liệu nổ công nghiệp"),
    GAS("kinh doanh khí"),
    INDUSTRIAL_CLUSTERS("cụm công nghiệp"),
    RETAIL_ELECTRICITY_PRICE("giá bán lẻ điện"),
    MEDICAL_EQUIPMENT("trang thiết bị y tế"),
    ADMINISTRATIVE("hành chính"),
    OTHER("lĩnh vực khác");

    private final String label;

    InspectionField(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

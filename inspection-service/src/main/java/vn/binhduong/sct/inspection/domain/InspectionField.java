package vn.binhduong.sct.inspection.domain;

/** Lĩnh vực thanh tra, kiểm tra của ngành Công Thương. */
public enum InspectionField {
    /** chấp hành pháp luật trong lĩnh vực ngành Công Thương nói chung */
    INDUSTRY_AND_TRADE_GENERAL,
    PETROLEUM, CHEMICALS, ELECTRICITY, ENERGY_EFFICIENCY, FOOD_SAFETY, INDUSTRIAL_EXPLOSIVES, GAS,
    INDUSTRIAL_CLUSTERS, RETAIL_ELECTRICITY_PRICE,
    /** trang thiết bị y tế (đoàn liên ngành do Sở Y tế chủ trì) */
    MEDICAL_EQUIPMENT,
    ADMINISTRATIVE, OTHER
}

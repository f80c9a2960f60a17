package vn.binhduong.sct.covid.domain;

/** Value types of medical oxygen supply (cung ứng nguồn Oxy y tế, seed II.7). */
public final class OxygenEnums {
    /** Unit of a supplier's daily capacity: always explicit, never summed across units. */
    public enum CapacityUnit {
        /** m³ khí/ngày */ M3_PER_DAY, /** kg/ngày (oxy lỏng) */ KG_PER_DAY
    }

    /** Whether the capacity is what the supplier produces or what it can supply (e.g. a distributor). */
    public enum CapacityBasis {
        /** năng lực sản xuất */ PRODUCTION, /** năng lực cung cấp */ SUPPLY
    }

    /** Containers (thiết bị chứa). */
    public enum ContainerKind {
        /** chai */ CYLINDER, /** bồn */ TANK, /** thiết bị chứa khác */ OTHER
    }

    /** The unit asking for oxygen (đơn vị điều trị). */
    public enum RequestingUnitKind {
        /** bệnh viện */ HOSPITAL, /** bệnh viện dã chiến */ FIELD_HOSPITAL, /** trung tâm y tế */ MEDICAL_CENTRE, /** khu điều trị */ TREATMENT_AREA, OTHER
    }

    /** Unit of a coordinated quantity. */
    public enum QuantityUnit {
        M3, KG, CYLINDERS
    }

    /** Where a coordination action stands. */
    public enum CoordinationStatus {
        /** đề nghị */ REQUESTED, /** đã kết nối */ CONNECTED, /** đã cung cấp */ SUPPLIED, /** không đáp ứng */ NOT_SUPPLIED, /** hủy */ CANCELLED
    }

    private OxygenEnums() {
    }
}

package vn.binhduong.sct.covid.domain;

/** Mobile health units in clusters. */
public enum HealthUnitKind {
    /** Trạm y tế lưu động */ STATION, /** Tổ y tế lưu động */ TEAM
}

package vn.binhduong.sct.covid.domain;

/** Kinds of essential-worker permit. */
public enum PermitKind {
    /** nhân viên giao hàng (shipper) */ DELIVERY_WORKER, /** nhân viên xuất nhập khẩu */ IMPORT_EXPORT_STAFF
}

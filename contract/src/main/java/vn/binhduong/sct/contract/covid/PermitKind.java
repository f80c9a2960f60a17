package vn.binhduong.sct.contract.covid;

import vn.binhduong.sct.contract.common.Labelled;

/** Kinds of essential-worker permit ({@code kind} of permit events, the keys of {@code PermitTotalReported.byKind}). */
public enum PermitKind implements Labelled {
    DELIVERY_WORKER("nhân viên giao hàng (shipper)"),
    IMPORT_EXPORT_STAFF("nhân viên xuất nhập khẩu");

    private final String label;

    PermitKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

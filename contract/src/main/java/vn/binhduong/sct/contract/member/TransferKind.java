package vn.binhduong.sct.contract.member;

import vn.binhduong.sct.contract.common.Labelled;

/** A transfer of party activity ({@code MemberChangePayload.transferKind}). */
public enum TransferKind implements Labelled {
    PERMANENT("chuyển sinh hoạt đảng chính thức"),
    TEMPORARY("chuyển sinh hoạt đảng tạm thời");

    private final String label;

    TransferKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

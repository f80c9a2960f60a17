package vn.binhduong.sct.contract.inspection;

import vn.binhduong.sct.contract.common.Labelled;

/** Tổ chức (doanh nghiệp) hay cá nhân ({@code PenaltyChanged.offenderKind}). */
public enum SubjectKind implements Labelled {
    BUSINESS("tổ chức"),
    INDIVIDUAL("cá nhân");

    private final String label;

    SubjectKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package vn.binhduong.sct.inspection.domain;

/** Tổ chức (doanh nghiệp) hay cá nhân. */
public enum SubjectKind {
    BUSINESS, INDIVIDUAL
}

package vn.binhduong.sct.indicator.domain;

/** Approval of an organisation's period: draft → submitted → approved → accepted. Anything past draft is locked. */
public enum ApprovalState {
    DRAFT, SUBMITTED, APPROVED, ACCEPTED;

    public boolean locked() {
        return this != DRAFT;
    }
}

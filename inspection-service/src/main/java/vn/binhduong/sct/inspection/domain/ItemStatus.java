package vn.binhduong.sct.inspection.domain;

/** PLANNED → IN_PROGRESS → CONCLUDED; PLANNED or IN_PROGRESS → POSTPONED (to a later year) or CANCELLED. */
public enum ItemStatus {
    PLANNED, IN_PROGRESS, CONCLUDED, POSTPONED, CANCELLED;

    public boolean open() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}

package vn.binhduong.sct.member.domain;

/** Bí thư, Phó Bí thư, Chủ nhiệm UBKT, Phó Chủ nhiệm UBKT, ủy viên. */
public enum Position {
    SECRETARY,
    DEPUTY_SECRETARY,
    INSPECTION_CHAIR,
    INSPECTION_DEPUTY_CHAIR,
    MEMBER;

    public boolean allowedIn(CommitteeKind kind) {
        return switch (this) {
            case SECRETARY, DEPUTY_SECRETARY -> kind != CommitteeKind.INSPECTION;
            case INSPECTION_CHAIR, INSPECTION_DEPUTY_CHAIR -> kind == CommitteeKind.INSPECTION;
            case MEMBER -> true;
        };
    }

    /** Positions only one person holds at a time in a committee. */
    public boolean single() {
        return this == SECRETARY || this == INSPECTION_CHAIR;
    }
}

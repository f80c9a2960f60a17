package vn.binhduong.sct.contract.member;

import vn.binhduong.sct.contract.common.Labelled;

/** A candidate for admission ({@code CandidatePayload.status}). */
public enum CandidateStatus implements Labelled {
    IN_AWARENESS_CLASS("đang học lớp bồi dưỡng nhận thức về Đảng"),
    ADMITTED("đã được kết nạp"),
    DROPPED("không tiếp tục xem xét kết nạp");

    private final String label;

    CandidateStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

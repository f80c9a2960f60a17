package vn.binhduong.sct.contract.member;

import vn.binhduong.sct.contract.common.Labelled;

/** The residence's feedback on a member ({@code ResidenceFeedbackPayload.assessment}). */
public enum ResidenceAssessment implements Labelled {
    GOOD("nơi cư trú nhận xét tốt"),
    NOT_GOOD("nơi cư trú nhận xét chưa tốt");

    private final String label;

    ResidenceAssessment(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package vn.binhduong.sct.contract.indicator;

import vn.binhduong.sct.contract.common.Labelled;

/** Whether meeting a target means reaching it or staying under it ({@code IndicatorDefined.direction}). */
public enum Direction implements Labelled {
    HIGHER_IS_BETTER("càng cao càng tốt"),
    LOWER_IS_BETTER("càng thấp càng tốt");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

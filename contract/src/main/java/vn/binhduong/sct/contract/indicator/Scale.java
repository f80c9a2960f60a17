package vn.binhduong.sct.contract.indicator;

import vn.binhduong.sct.contract.common.Labelled;

/** How a value is shown ({@code scale}): 231578000000000 VND at BILLION is 231.578 tỷ đồng. */
public enum Scale implements Labelled {
    ONE("đơn vị"),
    THOUSAND("nghìn"),
    MILLION("triệu"),
    BILLION("tỷ");

    private final String label;

    Scale(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

package vn.binhduong.sct.contract.covid;

import vn.binhduong.sct.contract.common.Labelled;

/** The treatment unit asking for oxygen ({@code OxygenCoordinationRecorded.requestingUnitKind}). */
public enum RequestingUnitKind implements Labelled {
    HOSPITAL("bệnh viện"),
    FIELD_HOSPITAL("bệnh viện dã chiến"),
    MEDICAL_CENTRE("trung tâm y tế"),
    TREATMENT_AREA("khu điều trị"),
    OTHER("đơn vị điều trị khác");

    private final String label;

    RequestingUnitKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}

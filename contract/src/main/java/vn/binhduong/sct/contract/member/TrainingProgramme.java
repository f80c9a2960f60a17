package vn.binhduong.sct.contract.member;

import vn.binhduong.sct.contract.common.Labelled;

/** Political theory and party training programmes ({@code member.training-recorded} {@code programme}). */
public enum TrainingProgramme implements Labelled {
    INTERMEDIATE_POLITICAL_THEORY("lớp Trung cấp chính trị"),
    ADVANCED_POLITICAL_THEORY("lớp Cao cấp chính trị"),
    ELEMENTARY_POLITICAL_THEORY("lớp Sơ cấp chính trị"),
    NEW_MEMBER_COURSE("lớp bồi dưỡng đảng viên mới"),
    PARTY_WORK_COURSE("lớp tập huấn nghiệp vụ công tác xây dựng Đảng");

    /** Keys some events carried before member-service published its enum's names; read, never written. */
    public static final java.util.Map<String, TrainingProgramme> LEGACY = java.util.Map.of(
            "political-intermediate", INTERMEDIATE_POLITICAL_THEORY, "trung-cap-chinh-tri", INTERMEDIATE_POLITICAL_THEORY,
            "political-advanced", ADVANCED_POLITICAL_THEORY);

    private final String label;

    TrainingProgramme(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The programme a wire value or projection key names (name, slug or legacy key); null when none. */
    public static TrainingProgramme fromWire(String value) {
        TrainingProgramme p = Labelled.bySlug(TrainingProgramme.class, value);
        return p != null ? p : value == null ? null : LEGACY.get(value);
    }
}

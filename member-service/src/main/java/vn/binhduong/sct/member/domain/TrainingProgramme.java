package vn.binhduong.sct.member.domain;

/** Political theory and party training programmes. */
public enum TrainingProgramme {
    /** Trung cấp lý luận chính trị */
    INTERMEDIATE_POLITICAL_THEORY,
    /** Cao cấp lý luận chính trị */
    ADVANCED_POLITICAL_THEORY,
    /** Sơ cấp lý luận chính trị */
    ELEMENTARY_POLITICAL_THEORY,
    /** Lớp bồi dưỡng đảng viên mới */
    NEW_MEMBER_COURSE,
    /** Tập huấn nghiệp vụ công tác xây dựng Đảng */
    PARTY_WORK_COURSE
}

package vn.binhduong.sct.report.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.binhduong.sct.report.domain.FigureView;
import vn.binhduong.sct.report.domain.Unit;
import vn.binhduong.sct.report.report.ReportDocument.Block;
import vn.binhduong.sct.report.report.sections.CovidWriter;
import vn.binhduong.sct.report.report.sections.EducationWriter;
import vn.binhduong.sct.report.report.sections.InspectionWriter;
import vn.binhduong.sct.report.report.sections.MembersWriter;
import vn.binhduong.sct.report.report.sections.SectionWriter;
import vn.binhduong.sct.report.report.sections.SituationWriter;

/** Each section writer fed from a map of figures (no database), over the seed's cases: the sentence and its keys. */
class SectionWritersTest {

    static Map<String, FigureView> figures(Object... keyValues) {
        Map<String, FigureView> f = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            String key = (String) keyValues[i];
            Object v = keyValues[i + 1];
            if (v instanceof Number n) {
                BigDecimal d = new BigDecimal(n.toString());
                Unit unit = key.contains("rate") ? Unit.PERCENT : Unit.COUNT;
                f.put(key, new FigureView(key, "T", 2021, d, null, unit, key.startsWith("covid.tests") ? LocalDate.of(2021, 12, 4) : null,
                        null, null, unit.format(d, null)));
            } else {
                f.put(key, new FigureView(key, "T", 2021, null, (String) v, Unit.TEXT, null, null, null, (String) v));
            }
        }
        return f;
    }

    static String text(SectionWriter w, Map<String, FigureView> f) {
        return String.join("\n", w.write(Figures.of(2021, f)).stream().map(Block::text).toList());
    }

    static Stream<Arguments> seedCases() {
        return Stream.of(
                Arguments.of(new SituationWriter(), figures("committee.executive.size", 11, "committee.standing.size", 3,
                        "committee.inspection.size", 5),
                        "Ban Chấp hành (BCH) gồm 11 đồng chí; Ban Thường vụ gồm 03 đồng chí; Ủy ban kiểm tra gồm 05 đồng chí."),
                Arguments.of(new SituationWriter(), figures("committee.standing.size", 3),
                        "Ban Thường vụ gồm 03 đồng chí."),
                Arguments.of(new SituationWriter(), figures("party.cells.count", 4, "member.count.total", 60,
                        "member.count.probationary", 1, "member.count.religious", 1),
                        "Đảng bộ có 04 chi bộ trực thuộc với 60 đảng viên (bao gồm 01 đảng viên dự bị), 01 đảng viên tham gia tôn giáo."),
                Arguments.of(new SituationWriter(), figures("member.count.total", 60, "member.count.religious", 0),
                        "Đảng bộ có 60 đảng viên."),
                Arguments.of(new EducationWriter(), figures("training.members.intermediate-political-theory", 3),
                        "Trong năm 2021, đã cử 03 đảng viên tham gia lớp Trung cấp chính trị."),
                Arguments.of(new MembersWriter(), figures("member.confirmed.count", 4, "training.awareness-class.candidates", 1),
                        "Chuyển Đảng chính thức cho 04 đảng viên; chọn cử 01 quần chúng tham gia lớp cảm tình Đảng."),
                Arguments.of(new MembersWriter(), figures("evaluation.members.excellent", 12, "evaluation.members.good-or-better", 60,
                        "evaluation.members.rated", 60, "evaluation.members.on-roll", 60, "evaluation.members.max-excellent", 12,
                        "evaluation.rule-set", "HD21_2019", "organization.name", "Đảng bộ Sở Công Thương"),
                        "Kết quả xếp loại đảng viên năm 2021: Đảng bộ Sở Công Thương có 60/60 đảng viên đủ điều kiện và được tổ chức"
                                + " đánh giá xếp loại theo quy định; trong đó, 60 đảng viên xếp loại hoàn thành tốt nhiệm vụ, 12 đảng viên"
                                + " xếp loại hoàn thành xuất sắc nhiệm vụ (chiếm tỷ lệ 20% đảng viên hoàn thành tốt nhiệm vụ, đạt chỉ tiêu"
                                + " không vượt quá 20%)."),
                // the year's rule decides, from the maximum member-service computed: 13 of 60 is over it
                Arguments.of(new MembersWriter(), figures("evaluation.members.excellent", 13, "evaluation.members.good-or-better", 60,
                        "evaluation.members.max-excellent", 12, "evaluation.rule-set", "HD21_2019"),
                        "Kết quả xếp loại đảng viên năm 2021: Đảng bộ có 60 đảng viên xếp loại hoàn thành tốt nhiệm vụ, 13 đảng viên"
                                + " xếp loại hoàn thành xuất sắc nhiệm vụ (chiếm tỷ lệ 21,67% đảng viên hoàn thành tốt nhiệm vụ, vượt chỉ"
                                + " tiêu không quá 20%)."),
                // a rule set the report does not know: the maximum from the data is printed, not a percentage
                Arguments.of(new MembersWriter(), figures("evaluation.members.excellent", 10, "evaluation.members.good-or-better", 60,
                        "evaluation.members.max-excellent", 12, "evaluation.rule-set", "QD999_2030"),
                        "Kết quả xếp loại đảng viên năm 2021: Đảng bộ có 60 đảng viên xếp loại hoàn thành tốt nhiệm vụ, 10 đảng viên"
                                + " xếp loại hoàn thành xuất sắc nhiệm vụ (chiếm tỷ lệ 16,67% đảng viên hoàn thành tốt nhiệm vụ, trong số"
                                + " tối đa 12 đảng viên theo quy định)."),
                Arguments.of(new InspectionWriter(), figures("party-inspection.plan.completion-rate", 100),
                        "Đến nay, 100% chương trình, kế hoạch kiểm tra giám sát trong năm đều được hoàn thành."),
                Arguments.of(new InspectionWriter(), figures("party-inspection.self.cells", 4, "party.cells.count", 4,
                        "party-inspection.self.members", 16, "party-inspection.self.members-planned", 16),
                        "04/04 chi bộ trực thuộc đã xây dựng và triển khai Kế hoạch tự kiểm tra, giám sát năm 2021 và đã tổ chức việc"
                                + " tự kiểm tra đảng viên chấp hành cho 16/16 đảng viên."),
                Arguments.of(new CovidWriter(), figures("covid.tests.cumulative", 69180, "covid.tests.positive", 392),
                        "Luỹ kế đến ngày 04/12/2021, Sở đã tổ chức test nhanh và giám sát kết quả test (doanh nghiệp tự test) cho 69.180"
                                + " lượt người, số ca dương tính là 392 ca F0 (tỷ lệ 0,57%)."),
                Arguments.of(new CovidWriter(), figures("covid.oxygen.suppliers", 4, "covid.oxygen.team.decision",
                        "Quyết định số 2118/QĐ-SCT", "covid.oxygen.team.name", "Tổ điều phối Oxy", "covid.oxygen.team.issued-by", "UBND tỉnh"),
                        "Công tác cung ứng nguồn Oxy y tế: Sở Công Thương là thành viên của Tổ điều phối Oxy theo Quyết định số"
                                + " 2118/QĐ-SCT của UBND tỉnh; trên địa bàn tỉnh có 04 doanh nghiệp cung ứng khí Oxy thuộc lĩnh vực quản lý"
                                + " của Sở Công Thương."),
                Arguments.of(new CovidWriter(), figures("covid.lockdown.staff", 23, "covid.lockdown.wards", 11,
                        "covid.lockdown.working-groups", 11, "covid.lockdown.started", "2021-08-22", "covid.lockdown.ended", "2021-09-06"),
                        "Phân công 23 công chức, viên chức hỗ trợ phân phối lương thực, thực phẩm đối với 11 phường “khóa chặt, đông"
                                + " cứng” từ ngày 22/8/2021 đến ngày 06/9/2021; thành lập 11 Tổ Công tác kiểm tra tình hình cung ứng hàng"
                                + " hóa tại các phường này."));
    }

    @ParameterizedTest
    @MethodSource("seedCases")
    void writesTheSeedsSentenceFromTheFigures(SectionWriter writer, Map<String, FigureView> f, String expected) {
        assertEquals(expected, text(writer, f));
    }

    @Test
    void eachPassageNamesTheKeysItWasWrittenFrom() {
        List<Block> blocks = new SituationWriter().write(Figures.of(2021, figures("party.cells.count", 4, "member.count.total", 60,
                "committee.standing.size", 3)));
        assertEquals(List.of("committee.executive.seats", "committee.standing.size", "committee.inspection.seats").stream()
                .filter(k -> k.equals("committee.standing.size")).toList(), blocks.get(0).figureKeys());
        assertEquals(List.of("member.count.total", "party.cells.count"), blocks.get(1).figureKeys());
    }

    @Test
    void nothingToSayWithoutFigures() {
        for (SectionWriter w : List.of(new SituationWriter(), new EducationWriter(), new MembersWriter(), new InspectionWriter(),
                new CovidWriter())) {
            assertEquals(List.of(), w.write(Figures.of(2021, Map.of())), w.section());
        }
    }

    /**
     * Every constant of member-service's TrainingProgramme has its counterpart in the contract, and the report prints
     * the contract's Vietnamese label for it, never its key.
     */
    @Test
    void everyTrainingProgrammeOfMemberServiceHasAVietnameseLabel() throws Exception {
        Path source = Path.of("../member-service/src/main/java/vn/binhduong/sct/member/domain/TrainingProgramme.java");
        assertTrue(Files.exists(source), "member-service's TrainingProgramme is where it was");
        Matcher m = Pattern.compile("(?m)^\\s*([A-Z][A-Z_]+)[,;]?\\s*$").matcher(Files.readString(source));
        int constants = 0;
        while (m.find()) {
            constants++;
            vn.binhduong.sct.contract.member.TrainingProgramme p = vn.binhduong.sct.contract.member.TrainingProgramme
                    .valueOf(m.group(1));
            String slug = m.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
            String sentence = text(new EducationWriter(), figures("training.members." + slug, 2));
            assertFalse(sentence.contains(slug), sentence);
            assertEquals("Trong năm 2021, đã cử 02 đảng viên tham gia " + p.label() + ".", sentence);
        }
        assertEquals(5, constants, "the five programmes of member-service");
        assertEquals("Trong năm 2021, đã cử 02 đảng viên tham gia lớp Cao cấp chính trị.",
                text(new EducationWriter(), figures("training.members.advanced-political-theory", 2)));
        assertEquals("Trong năm 2021, đã cử 02 đảng viên tham gia lớp đào tạo, bồi dưỡng lý luận chính trị.",
                text(new EducationWriter(), figures("training.members.some-new-course", 2)), "an unknown key is not printed");
    }
}

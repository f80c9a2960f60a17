package vn.binhduong.sct.report.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.binhduong.sct.report.report.ReportDocument.TypedFigure;

/** The numbers typed into narrative text, told apart from identifiers, dates, years, list labels and fixed terms. */
class TypedFigureCheckTest {
    static final TypedFigureCheck CHECK = new TypedFigureCheck(List.of("27 biểu hiện", "82 biểu hiện", "03 ngày/lần"));

    static String numbers(String text) {
        return String.join(" ", CHECK.find("s", "mục I", text).stream().map(TypedFigure::number).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the seed's typed figures are found
            "tổ chức 06 buổi sinh hoạt chuyên đề | 06",
            "tiếp nhận 7270 văn bản đến, phát hành 2989 văn bản đi (trong đó gồm: 2766 văn bản, 223 quyết định) | 7270 2989 2766 223",
            "đóng góp chương trình số tiền 10.325.000đ | 10.325.000",
            "ban hành 05 Quyết định về kiểm tra | 05",
            "tổng trị giá 20 triệu đồng | 20",
            "đạt 0,47% | 0,47%",
            // identifiers, dates, years, list labels, quoted names, 100%, placeholders are not figures
            "Chương trình số 06-CTr/ĐUSCT ngày 02/2/2021 | ''",
            "Kế hoạch số 2050/KH-SCT và Quyết định số 602/QĐ-UBND | ''",
            "thực hiện Chỉ thị 12 của Chủ tịch UBND tỉnh | ''",
            "các Nghị quyết Trung ương 4, 6, 7, 8 (Khóa XII) | ''",
            "giai đoạn 2018-2021, nhiệm kỳ 2020 - 2025, tầm nhìn đến năm 2050 | ''",
            "từ ngày 22/8 - 6/9/2021; ngày 15.5.1941 | ''",
            "dịch Covid-19 với các ca F0 | ''",
            "chuyển sang mô hình “03 xanh” | ''",
            "tạo điều kiện cho 100% cán bộ | ''",
            "nhận diện 27 biểu hiện suy thoái bằng 82 biểu hiện cụ thể, định kỳ (03 ngày/lần) | ''",
            "toàn tỉnh hiện có {{indicator.MARKET.value}} chợ | ''",
            "(1) Kế hoạch A; (2) Kế hoạch B | ''" })
    void findsTheTypedFiguresOnly(String text, String expected) {
        assertEquals(expected, numbers(text));
    }

    @Test
    void listLabelsAtTheStartOfALineOrAfterASemicolonAreNotFigures() {
        assertEquals("", numbers("1. Công tác giáo dục\n2. Công tác tổ chức\n4. An ninh trật tự; 5. Công tác dân vận; 6. Đoàn thể"));
    }

    @Test
    void aTextAskedAgainIsAnsweredFromMemoryAndAnEditedTextIsScannedAfresh() {
        TypedFigureCheck check = new TypedFigureCheck(List.of());
        String text = "tổ chức 06 buổi sinh hoạt chuyên đề, 12 lớp bồi dưỡng";
        List<TypedFigure> first = check.find("s", "mục I", text);
        assertSame(first, check.find("s", "mục I", new String(text)), "an equal text is not scanned again");
        assertEquals(List.of("06", "12"), first.stream().map(TypedFigure::number).toList());
        assertThrows(UnsupportedOperationException.class, () -> first.clear(), "a kept answer cannot be changed by a caller");
        // the same text in another section is another answer (the section is part of each figure)
        assertEquals("mục II", check.find("t", "mục II", text).get(0).sectionNumber());
        List<TypedFigure> edited = check.find("s", "mục I", text.replace("12 lớp", "15 lớp"));
        assertEquals(List.of("06", "15"), edited.stream().map(TypedFigure::number).toList());
        assertNotSame(first, edited);
    }

    @Test
    void theMemoryIsBounded() {
        TypedFigureCheck check = new TypedFigureCheck(List.of());
        String kept = "tiếp nhận 7270 văn bản đến";
        List<TypedFigure> keptAnswer = check.find("s", "mục I", kept);
        for (int i = 0; i < TypedFigureCheck.REMEMBERED + 10; i++) {
            check.find("s", "mục I", "phát hành " + i + " văn bản đi");
            check.find("s", "mục I", kept); // used again and again: the last to go
            assertTrue(check.remembered() <= TypedFigureCheck.REMEMBERED, "kept " + check.remembered());
        }
        assertEquals(TypedFigureCheck.REMEMBERED, check.remembered());
        assertSame(keptAnswer, check.find("s", "mục I", kept), "the text used most recently is still known");
    }

    @Test
    void theContextNamesWhatTheFigureCounts() {
        TypedFigure t = CHECK.find("admin-reform", "mục III.6", "Xây dựng Kế hoạch; hoàn chỉnh 47 quy trình thủ tục hành chính.").get(0);
        assertEquals("hoàn chỉnh 47 quy trình thủ tục hành chính", t.context());
    }

    /** The 2021 demo's narrative carries no typed operational figure: every one is bound to data by a placeholder. */
    @Test
    void theDemoNarrativeOf2021HasNoTypedFigure() throws Exception {
        JsonNode demo = new ObjectMapper().readTree(Path.of("../deploy/demo/2021/report-service.json").toFile());
        TypedFigureCheck check = new TypedFigureCheck(List.of(
                "27 biểu hiện", "82 biểu hiện", "03 ngày/lần"));
        List<TypedFigure> found = new ArrayList<>();
        for (JsonNode step : demo.get("steps")) {
            if (step.get("path").asText().startsWith("/api/v1/narratives/")) {
                String section = step.get("path").asText().replaceAll(".*/", "");
                found.addAll(check.find(section, section, step.get("body").get("text").asText()));
                if (step.get("body").has("footnotes")) {
                    step.get("body").get("footnotes").forEach(n -> found.addAll(check.find(section, section, n.asText())));
                }
            }
        }
        assertEquals(List.of(), found);
    }
}

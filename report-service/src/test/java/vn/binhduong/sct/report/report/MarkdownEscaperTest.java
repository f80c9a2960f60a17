package vn.binhduong.sct.report.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Narrative text in Markdown reads as the staff wrote it: no emphasis, heading, HTML or table cell made of it. */
class MarkdownEscaperTest {
    @ParameterizedTest
    @CsvSource(delimiter = '¦', quoteCharacter = '\'', value = {
            "Chi bộ *xuất sắc* và _tốt_ ¦ Chi bộ \\*xuất sắc\\* và \\_tốt\\_",
            "# không phải tiêu đề ¦ \\# không phải tiêu đề",
            "<script>x</script> ¦ \\<script>x\\</script>",
            "a | b ¦ a \\| b",
            "2021. Năm ¦ 2021\\. Năm",
            "CCVC&NLĐ, 1.646 giấy ¦ CCVC&NLĐ, 1.646 giấy" })
    void escapes(String text, String expected) {
        assertEquals(expected, MarkdownEscaper.escape(text));
    }
}

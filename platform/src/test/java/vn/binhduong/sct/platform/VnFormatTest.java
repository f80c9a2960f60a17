package vn.binhduong.sct.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.binhduong.sct.platform.format.VnFormat;
import vn.binhduong.sct.platform.text.Nfc;

class VnFormatTest {
    @Test
    void integersGroupThousandsWithDots() {
        assertEquals("69.180", VnFormat.integer(69180));
        assertEquals("231.578", VnFormat.integer(231578));
        assertEquals("1.509", VnFormat.integer(1509));
        assertEquals("392", VnFormat.integer(392));
        assertEquals("0", VnFormat.integer(0));
        assertEquals("-1.000.000", VnFormat.integer(-1_000_000));
    }

    @Test
    void decimalsUseACommaAndDropTrailingZeros() {
        assertEquals("1.730,9", VnFormat.decimal(new BigDecimal("1730.90"), 2));
        assertEquals("31,5", VnFormat.decimal(new BigDecimal("31.500"), 1));
        assertEquals("14", VnFormat.decimal(new BigDecimal("14.0"), 1));
        assertEquals("99,99", VnFormat.decimal(new BigDecimal("99.99"), 2));
        assertEquals("0,47", VnFormat.fixed(new BigDecimal("0.4666"), 2));
    }

    @Test
    void percentagesAreComputedAndRoundedHalfUp() {
        // the seed states 0,47% beside 392 of 69.180; computed, that is 0,57%
        assertEquals("0,57%", VnFormat.percentOf(392, 69180, 2));
        assertEquals("20,00%", VnFormat.percentOf(12, 60, 2));
        assertEquals("66%", VnFormat.percentOf(64, 97, 0));
        assertEquals("4,51%", VnFormat.percent(new BigDecimal("4.51"), 2));
        assertThrows(ArithmeticException.class, () -> VnFormat.percentOf(1, 0, 2));
    }

    @Test
    void datesAndCountsAsPartyDocumentsWriteThem() {
        assertEquals("02/9/2021", VnFormat.date(LocalDate.of(2021, 9, 2)));
        assertEquals("04/12/2021", VnFormat.date(LocalDate.of(2021, 12, 4)));
        assertEquals("ngày 04 tháng 12 năm 2021", VnFormat.longDate(LocalDate.of(2021, 12, 4)));
        assertEquals("01", VnFormat.count(1));
        assertEquals("04", VnFormat.count(4));
        assertEquals("60", VnFormat.count(60));
    }

    @Test
    void nfcComposesCombiningMarks() {
        String decomposed = java.text.Normalizer.normalize("Đảng ủy", java.text.Normalizer.Form.NFD);
        assertEquals("Đảng ủy", Nfc.of(decomposed));
        assertEquals(7, Nfc.of(decomposed).length());
    }

    @Test
    void numbersBeyondALongArePrinted() {
        org.junit.jupiter.api.Assertions.assertEquals("9.223.372.036.854.775.808,5",
                VnFormat.decimal(new java.math.BigDecimal("9223372036854775808.5"), 2));
        org.junit.jupiter.api.Assertions.assertEquals("-12.345.678.901.234.567.890,00",
                VnFormat.fixed(new java.math.BigDecimal("-12345678901234567890"), 2));
    }
}

package vn.binhduong.sct.report.report;

import java.time.LocalDate;
import java.util.List;

/** What the party committee office sets for one report: the heading block, the signature and the recipients. */
public record HeadingData(String superiorBody, String issuingBody, String documentNumber, String place, LocalDate issuedOn,
        String subject, String signerTitle, String signerName, List<String> recipients, long version) {
}

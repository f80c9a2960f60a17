package vn.binhduong.sct.inspection.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A party inspection and supervision programme (e.g. Chương trình số 06-CTr/ĐUSCT ngày 02/2/2021). */
@Entity
@Table(name = "inspection_programme")
public class InspectionProgramme extends PanacheEntityBase {
    @Id
    public UUID id;
    public String bodyCode;
    public String organization;
    public String documentNumber;
    public LocalDate issuedOn;
    public int year;
    public String title;
    @Version
    public int version;

    public boolean inYear(LocalDate date) {
        return date != null && date.getYear() == year;
    }
}

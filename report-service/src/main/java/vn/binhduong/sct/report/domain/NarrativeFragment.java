package vn.binhduong.sct.report.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One saved version of the prose of one report section; a save never overwrites, it adds the next version. */
@Entity
@Table(name = "narrative_fragment")
public class NarrativeFragment extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String organization;
    public int year;
    public String section;
    @Column(name = "fragment_version")
    public int fragmentVersion;
    public String body;
    /** JSON array of footnote texts, printed at the end of the fragment's last paragraph. */
    public String footnotes;
    public String author;
    public Instant savedAt;

    public static NarrativeFragment latest(String organization, int year, String section) {
        return find("organization = ?1 and year = ?2 and section = ?3 order by fragmentVersion desc", organization, year, section)
                .firstResult();
    }
}

package vn.binhduong.sct.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.quarkus.test.junit.QuarkusTest;
import vn.binhduong.sct.member.api.MemberApi.MemberListPage;
import vn.binhduong.sct.member.api.MemberApi.MemberView;
import vn.binhduong.sct.member.domain.MemberStatus;

/**
 * The hand-written member JSON ({@code MemberViewJson}) against the bean serializer it replaces, through the REST
 * ObjectMapper the service answers with: the same bytes for every field, set, null and awkward.
 */
@QuarkusTest
class MemberViewJsonTest {
    @Inject
    ObjectMapper rest;

    /** Turns the hand-written serializer off: the record is written by Jackson's reflective bean serializer. */
    @JsonSerialize(using = JsonSerializer.None.class)
    interface Reflective {
    }

    @Test
    void theMemberJsonIsByteForByteWhatTheBeanSerializerWrites() throws Exception {
        ObjectMapper reflective = rest.copy().addMixIn(MemberView.class, Reflective.class);
        List<MemberView> views = new ArrayList<>();
        LocalDate d = LocalDate.of(1985, 4, 12);
        // every field set, the personal data served
        views.add(new MemberView(UUID.randomUUID(), "DB-SCT", "CB1", "Trần Thị Mai", "FEMALE", "Kinh", Boolean.TRUE, d,
                "074185000123", "Phường Phú Cường, Thủ Dầu Một", false, MemberStatus.PROBATIONARY, true, d.plusYears(20),
                d.plusYears(21), d.plusYears(21).plusDays(1), "12345678", "Phó Chánh Văn phòng", d.plusYears(20),
                d.plusYears(30), d.plusYears(25), d.plusYears(26), d.plusYears(27), 7));
        // the personal data withheld and every optional field absent
        views.add(new MemberView(UUID.randomUUID(), "DB-SCT", null, "Lê Văn Nam", null, null, null, null, null, null, true,
                MemberStatus.OFFICIAL, false, null, null, null, null, null, null, null, null, null, null, 0));
        // religious false; texts JSON must escape, characters outside the BMP, the NFD form kept as given
        views.add(new MemberView(UUID.randomUUID(), "DB \"SCT\"", "C\\B/1", "Nguyễn \u0000Văn\tA\n\u2028😀", "MALE",
                "Hoa\u001f", Boolean.FALSE, LocalDate.of(1800, 1, 1), "000000000", "Ngu\u0303 \u007f <b>&amp;</b>", false,
                MemberStatus.DECEASED, false, LocalDate.of(2200, 12, 31), null, null, "", " ", null, LocalDate.of(2021, 2, 28),
                null, null, null, Integer.MAX_VALUE));
        Random random = new Random(16);
        MemberStatus[] statuses = MemberStatus.values();
        for (int i = 0; i < 200; i++) {
            views.add(new MemberView(random.nextBoolean() ? UUID.randomUUID() : null, text(random), text(random), text(random),
                    text(random), text(random), random.nextBoolean() ? null : random.nextBoolean(), date(random), text(random),
                    text(random), random.nextBoolean(), random.nextBoolean() ? null : statuses[random.nextInt(statuses.length)],
                    random.nextBoolean(), date(random), date(random), date(random), text(random), text(random), date(random),
                    date(random), date(random), date(random), date(random), random.nextInt()));
        }
        for (MemberView v : views) {
            assertEquals(reflective.writeValueAsString(v), rest.writeValueAsString(v), v.toString());
        }
        // and as the items of a page, the way the member list answers
        MemberListPage page = new MemberListPage(views.subList(0, 50), null, 50, null, null, "cursor");
        assertEquals(reflective.writeValueAsString(page), rest.writeValueAsString(page));
    }

    private static String text(Random random) {
        if (random.nextInt(4) == 0) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            s.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> 'a' + random.nextInt(26);
                case 1 -> random.nextInt(0x80); // control characters, quotes, backslashes
                case 2 -> 0x1EA0 + random.nextInt(0x60); // Vietnamese letters with diacritics
                default -> 0x1F600 + random.nextInt(0x40); // outside the BMP
            });
        }
        return s.toString();
    }

    private static LocalDate date(Random random) {
        return random.nextInt(3) == 0 ? null : LocalDate.of(1800 + random.nextInt(401), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }
}

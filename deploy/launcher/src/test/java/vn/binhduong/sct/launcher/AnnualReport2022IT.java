package vn.binhduong.sct.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A second demo year proves the report is general: {@code --demo 2022} loads 2021, then 2022, and the 2022 report
 * comes out of the same templates with the 2022 data set's own figures and its own assessment against the 2022 plan,
 * nothing of 2021's figures or prose in it; the 2021 report of the same run is byte for byte the report of the 2021
 * data set alone. Every expected figure below is computed from the demo files (deploy/demo/2021 and 2022), none typed.
 *
 * <p>One stack: the 2021 data set is loaded and its report written first (exactly what {@code --demo 2021} does, the
 * state of a 2021-only run), then {@link Launcher#runSteps()} runs {@code --demo 2022} (2021 again, which replays and
 * adds nothing, then 2022) and writes the 2022 report, then the 2021 report is written again and compared.
 */
class AnnualReport2022IT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSecondDemoYearHasItsOwnFiguresAndAssessmentAndLeaves2021Unchanged() throws Exception {
        Path home = Path.of(System.getProperty("sct.home", "../..")).toAbsolutePath().normalize();
        Path build = home.resolve("deploy/launcher/target");
        Path data = build.resolve("report-2022-it-data");
        Path only2021 = build.resolve("report-2022-it-2021-alone");
        Path out = build.resolve("report-2022-it-out");
        Path after = build.resolve("report-2022-it-2021-after");
        Options options = Options.parse("--home", home.toString(), "--data", data.toString(), "--reset",
                "--pg-port", "0", "--kafka-port", "0", "--base-port", "0", "--demo", "2022", "--report-out", out.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Launcher launcher = new Launcher(options, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            launcher.start();
            assertTrue(launcher.demoYears(2021).equals(List.of(2021)), "--demo 2021 loads 2021 alone");
            assertTrue(launcher.demoYears(2022).equals(List.of(2021, 2022)), "--demo 2022 loads 2021 first");
            launcher.loadDemo(2021);
            launcher.awaitCaughtUp(Duration.ofSeconds(120));
            launcher.writeReport(2021, only2021);
            launcher.runSteps();
            launcher.writeReport(2021, after);
        }
        // the 2021 report: loading 2022 changed none of its bytes, in any format
        for (String ext : List.of("md", "html", "json", "docx")) {
            String name = "bao-cao-DB-SCT-2021." + ext;
            assertArrayEquals(Files.readAllBytes(only2021.resolve(name)), Files.readAllBytes(after.resolve(name)),
                    "loading 2022 changed the 2021 report (" + ext + ")");
        }
        String md = Files.readString(out.resolve("bao-cao-DB-SCT-2022.md"));
        String md2021 = Files.readString(only2021.resolve("bao-cao-DB-SCT-2021.md"));
        Path demo = home.resolve("deploy/demo");
        List<JsonNode> m21 = steps(demo.resolve("2021/member-service.json"));
        List<JsonNode> m22 = steps(demo.resolve("2022/member-service.json"));

        // heading: the 2022 subject
        JsonNode heading = steps(demo.resolve("2022/report-service.json")).stream()
                .filter(s -> s.path("path").asText().endsWith("/heading")).findFirst().orElseThrow().path("body");
        contains(md, heading.path("subject").asText(), "KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG NĂM 2022", "PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2023");

        // I. members at the end of 2022, from the 2021 roll and the 2022 lifecycle changes
        Roll roll = new Roll(m21, m22);
        String situation = section(md, "I. ĐẶC ĐIỂM TÌNH HÌNH", "II. CÔNG TÁC XÂY DỰNG ĐẢNG");
        contains(situation, n(roll.total) + " đảng viên (bao gồm " + n(roll.probationary) + " đảng viên dự bị)");

        // II.1 training, II.2.2 confirmations, awareness class, the 2022 evaluation
        long trained = m22.stream().filter(s -> s.path("path").asText().endsWith("/trainings")
                && s.path("body").path("year").asInt() == 2022).count();
        contains(section(md, "1. Về công tác giáo dục chính trị tư tưởng", "2. Công tác tổ chức"),
                "đã cử " + n(trained) + " đảng viên tham gia lớp Trung cấp chính trị");
        String members = section(md, "2.2. Công tác đảng viên", "2.3.");
        long confirmed = m22.stream().filter(s -> s.path("path").asText().endsWith("/confirmation")).count();
        long candidates = m22.stream().filter(s -> s.path("path").asText().endsWith("/candidates")
                && s.path("method").asText().equals("POST")).count();
        contains(members, "Chuyển Đảng chính thức cho " + n(confirmed) + " đảng viên; chọn cử " + n(candidates) + " quần chúng");
        Map<String, Integer> ratings = new HashMap<>();
        for (JsonNode r : body(m22, "/evaluations/2022/member-ratings").path("ratings")) {
            ratings.merge(r.path("rating").asText(), 1, Integer::sum);
        }
        int rated = ratings.values().stream().mapToInt(Integer::intValue).sum();
        int excellent = ratings.getOrDefault("EXCELLENT", 0);
        contains(members, n(rated) + "/" + n(roll.total) + " đảng viên đủ điều kiện",
                n(excellent + ratings.getOrDefault("GOOD", 0)) + " đảng viên xếp loại hoàn thành tốt nhiệm vụ",
                "toàn đảng bộ có " + n(excellent) + " đảng viên được đánh giá xếp loại là hoàn thành xuất sắc nhiệm vụ");
        Map<String, String> cellNames = new HashMap<>();
        m21.stream().filter(s -> s.path("path").asText().endsWith("/cells"))
                .forEach(s -> cellNames.put(s.path("body").path("code").asText(), s.path("body").path("name").asText()));
        List<String> excellentCells = new ArrayList<>();
        int cellsRated = 0;
        for (JsonNode s : m22) {
            if (s.path("path").asText().endsWith("/evaluations/2022/cell-ratings")) {
                cellsRated++;
                if (s.path("body").path("rating").asText().equals("EXCELLENT")) {
                    excellentCells.add(cellNames.get(s.path("body").path("cellCode").asText()));
                }
            }
        }
        contains(members, n(cellsRated) + "/" + n(cellsRated) + " chi bộ", String.join(", ", excellentCells)
                + " được đánh giá xếp loại hoàn thành xuất sắc nhiệm vụ");
        String orgRating = body(m22, "/evaluations/2022/organization-rating").path("rating").asText();
        contains(members, "Đảng bộ tự đánh giá xếp loại đạt tiêu chuẩn " + Map.of("EXCELLENT", "hoàn thành xuất sắc nhiệm vụ",
                "GOOD", "hoàn thành tốt nhiệm vụ", "COMPLETED", "hoàn thành nhiệm vụ").get(orgRating) + ".");

        // II.3 the 2022 inspection work
        List<JsonNode> ins = steps(demo.resolve("2022/inspection-service.json"));
        int planned = 0;
        int done = 0;
        int cells = 0;
        for (JsonNode s : ins) {
            if (s.path("path").asText().endsWith("/self-inspections")) {
                cells++;
                planned += s.path("body").path("membersPlanned").asInt();
                done += s.path("body").path("membersSelfInspected").asInt();
            }
        }
        String inspection = section(md, "3. Công tác kiểm tra, giám sát", "4. Công tác đảm bảo an ninh");
        contains(inspection, n(cells) + "/" + n(cells) + " chi bộ trực thuộc đã xây dựng và triển khai Kế hoạch tự kiểm tra, giám sát năm 2022",
                n(done) + "/" + n(planned) + " đảng viên");
        // III.4 delegations and penalties
        long delegations = ins.stream().filter(s -> s.path("path").asText().endsWith("/state-inspections")
                && !s.path("body").path("interAgency").asBoolean()).count();
        long penaltyTotal = ins.stream().filter(s -> s.path("path").asText().endsWith("/penalties"))
                .mapToLong(s -> s.path("body").path("amountVnd").asLong()).sum();
        String stateInspection = section(md, "4. Công tác Thanh tra", "5. Công tác xúc tiến");
        contains(stateInspection, "Thực hiện " + n(delegations) + " Đoàn thanh tra", "tổng số tiền " + millions(penaltyTotal));

        // II.7 the 2022 covid reports
        List<JsonNode> cov = steps(demo.resolve("2022/covid-ops-service.json"));
        JsonNode tests = body(cov, "/testing/reported-totals");
        String covid = section(md, "7. Công tác phòng, chống dịch Covid-19", "III. LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ");
        contains(covid, thousands(tests.path("testsPerformed").asLong()) + " lượt người",
                thousands(tests.path("positives").asLong()) + " ca F0",
                thousands(body(cov, "/vaccinations").path("doses").asLong()) + " liều");

        // III and IV: each main indicator against the 2022 plan (set by the 2021 data set), strengths and limitations
        List<JsonNode> i21 = steps(demo.resolve("2021/indicator-service.json"));
        List<JsonNode> i22 = steps(demo.resolve("2022/indicator-service.json"));
        Map<String, String> names = new HashMap<>();
        i21.stream().filter(s -> s.path("path").asText().endsWith("/indicators"))
                .forEach(s -> names.put(s.path("body").path("code").asText(), s.path("body").path("name").asText()));
        String economy = section(md, "III. LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ", "IV. ĐÁNH GIÁ CHUNG");
        String strengths = section(md, "1.1. Ưu điểm", "1.2.");
        String limitations = section(md, "2. Hạn chế và nguyên nhân", "PHẦN THỨ HAI");
        int assessed = 0;
        int met = 0;
        for (JsonNode target : i21) {
            JsonNode t = target.path("body");
            if (!target.path("path").asText().endsWith("/targets") || !t.path("period").asText().equals("2022")) {
                continue;
            }
            String code = t.path("indicator").asText();
            JsonNode v22 = value(i22, code, "2022");
            if (v22 == null) {
                continue;
            }
            assessed++;
            String name = names.get(code);
            boolean achieved;
            if (t.has("targetGrowth")) {
                JsonNode v21 = value(i21, code, "2021");
                BigDecimal growth = v22.has("value") && v21 != null && v21.has("value")
                        ? v22.path("value").decimalValue().multiply(BigDecimal.valueOf(100))
                                .divide(v21.path("value").decimalValue(), 2, RoundingMode.HALF_UP).subtract(BigDecimal.valueOf(100))
                        : v22.path("growth").decimalValue();
                achieved = growth.compareTo(t.path("targetGrowth").decimalValue()) >= 0;
                contains(economy, name + " năm 2022", "tăng " + percent(growth), "KH 2022 tăng " + percent(t.path("targetGrowth").decimalValue()));
            } else {
                long value = v22.path("value").asLong();
                long plan = t.path("targetValue").asLong();
                achieved = value >= plan;
                contains(achieved ? strengths : limitations, "thực hiện " + n(value) + "/" + n(plan));
            }
            if (achieved) {
                met++;
                contains(strengths, name + " đạt và vượt kế hoạch đề ra");
                assertFalse(limitations.contains(name + " chưa đạt"), name + " met its plan");
            } else {
                contains(limitations, name + " chưa đạt kế hoạch đề ra");
                assertFalse(strengths.contains(name + " đạt và vượt"), name + " is below its plan");
            }
        }
        assertTrue(assessed >= 5 && met > 0 && met < assessed, "the data set has indicators above and below plan");
        // the table lists the main indicators only: no count of the year without a plan
        for (String count : List.of("DOCUMENTS_RECEIVED", "PARTY_STUDY_SESSIONS")) {
            assertFalse(economy.contains("| " + names.get(count) + " |"), count + " is not a main indicator:\n" + economy);
        }
        contains(economy, "| Chỉ tiêu | Năm 2022 | So cùng kỳ | Năm 2021 | Kế hoạch 2022 | Đánh giá |");
        // the postponed work of 2022
        for (JsonNode s : ins) {
            if (s.path("path").asText().endsWith("/planned-work")) {
                contains(limitations, s.path("body").path("title").asText());
            }
        }
        // Phần thứ hai: the 2023 plan
        String next = section(md, "PHẦN THỨ HAI", "T/M BAN CHẤP HÀNH");
        for (JsonNode s : i22) {
            JsonNode t = s.path("body");
            if (s.path("path").asText().endsWith("/targets") && t.path("period").asText().equals("2023") && t.has("targetGrowth")) {
                contains(next, names.get(t.path("indicator").asText()) + " tăng " + percent(t.path("targetGrowth").decimalValue()));
            }
        }
        contains(md, "Số liệu nhập tay (con số gõ trực tiếp vào đoạn văn, không lấy từ dữ liệu): 0.");

        // nothing of 2021 carried into 2022: no sentence of the 2021 prose, no 2021-only figure
        int inThe2021Report = 0;
        for (JsonNode s : steps(demo.resolve("2021/report-service.json"))) {
            String text = s.path("body").path("text").asText("");
            // whole sentences and clauses without a placeholder (a phrase around a placeholder may be the indicator's wording)
            for (String sentence : text.replaceAll("\\{\\{[^}]*}}", "\u0000").split("[.;\\n]")) {
                String t = sentence.replaceFirst("^\\s*-\\s*", "").strip();
                if (t.length() > 30 && t.indexOf('\u0000') < 0) {
                    inThe2021Report += md2021.contains(t) ? 1 : 0;
                    assertFalse(md.contains(t), "2021 prose in the 2022 report: " + t);
                }
            }
        }
        assertTrue(inThe2021Report > 20, "the 2021 prose is found where it belongs: " + inThe2021Report);
        List<String> only2021Figures = new ArrayList<>();
        List<JsonNode> c21 = steps(demo.resolve("2021/covid-ops-service.json"));
        only2021Figures.add(thousands(body(c21, "/testing/reported-totals").path("testsPerformed").asLong()));
        only2021Figures.add(thousands(body(c21, "/vaccinations").path("doses").asLong()));
        only2021Figures.add(thousands(body(c21, "/permits/reported-totals").path("total").asLong()));
        only2021Figures.add(body(c21, "/oxygen-coordination-teams").path("decisionReference").asText());
        only2021Figures.add("khóa chặt, đông cứng");
        Roll roll2021 = new Roll(m21, List.of());
        only2021Figures.add(" " + n(roll2021.total) + " đảng viên (bao gồm");
        only2021Figures.add("Chuyển Đảng chính thức cho " + n(m21.stream().filter(s -> s.path("path").asText().endsWith("/confirmation")).count()) + " ");
        List<JsonNode> ins21 = steps(demo.resolve("2021/inspection-service.json"));
        only2021Figures.add("Thực hiện " + n(ins21.stream().filter(s -> s.path("path").asText().endsWith("/state-inspections")
                && !s.path("body").path("interAgency").asBoolean()).count()) + " Đoàn");
        only2021Figures.add("tổng số tiền " + millions(ins21.stream().filter(s -> s.path("path").asText().endsWith("/penalties"))
                .mapToLong(s -> s.path("body").path("amountVnd").asLong()).sum()));
        for (String f : only2021Figures) {
            assertTrue(md2021.contains(f.strip()), "the 2021 report prints " + f + " (the check is meaningful)");
            assertFalse(md.contains(f.strip()), "a 2021 figure in the 2022 report: " + f);
        }
        // the 2022 prose is there (its placeholders filled from 2022 data)
        for (JsonNode s : steps(demo.resolve("2022/report-service.json"))) {
            for (String part : s.path("body").path("text").asText("").split("\\{\\{[^}]*}}|\\n")) {
                String t = part.replaceFirst("^- ", "").strip();
                if (t.length() > 25 && !t.matches(".*[*_\\[\\]|<].*")) {
                    contains(md, t);
                }
            }
        }
        byte[] docx = Files.readAllBytes(out.resolve("bao-cao-DB-SCT-2022.docx"));
        assertTrue(docx[0] == 'P' && docx[1] == 'K', "a DOCX");
        contains(Files.readString(out.resolve("bao-cao-DB-SCT-2022.html")), "<svg", heading.path("subject").asText());
    }

    /** The members on the roll at the end of the last year of the files, following the steps by name. */
    private static final class Roll {
        int total;
        int probationary;

        Roll(List<JsonNode> first, List<JsonNode> second) {
            Set<String> onRoll = new HashSet<>();
            Set<String> onProbation = new HashSet<>();
            Map<String, String> lookups = new HashMap<>(); // 2022 lookup step name -> 2021 member step name
            Pattern ref = Pattern.compile("\\$\\{(\\w+)[.}]");
            List<JsonNode> all = new ArrayList<>(first);
            all.addAll(second);
            Map<String, String> byName = new HashMap<>();
            for (JsonNode s : first) {
                if (s.path("path").asText().endsWith("/members")) {
                    byName.put(s.path("body").path("identity").path("fullName").asText(), s.path("name").asText());
                }
            }
            for (JsonNode s : all) {
                String path = s.path("path").asText();
                String method = s.path("method").asText("POST");
                JsonNode b = s.path("body");
                if (method.equals("GET") && path.contains("/members?")) {
                    String name = java.net.URLDecoder.decode(path.replaceFirst(".*[?&]name=", ""), StandardCharsets.UTF_8);
                    lookups.put(s.path("name").asText(), byName.get(name));
                    continue;
                }
                if (path.endsWith("/members") || path.endsWith("/members/admissions") || path.endsWith("/members/transfers-in")) {
                    onRoll.add(s.path("name").asText());
                    if (path.endsWith("/admissions") || "PROBATIONARY".equals(b.path("status").asText())) {
                        onProbation.add(s.path("name").asText());
                    }
                    continue;
                }
                Matcher m = ref.matcher(path);
                if (!path.startsWith("/api/v1/members/") || !m.find()) {
                    continue;
                }
                String member = lookups.getOrDefault(m.group(1), m.group(1));
                if (path.endsWith("/confirmation")) {
                    onProbation.remove(member);
                } else if (path.endsWith("/transfer-out") || path.endsWith("/removal") || path.endsWith("/death")) {
                    onRoll.remove(member);
                    onProbation.remove(member);
                }
            }
            total = onRoll.size();
            probationary = onProbation.size();
        }
    }

    private static List<JsonNode> steps(Path file) throws IOException {
        List<JsonNode> steps = new ArrayList<>();
        JSON.readTree(file.toFile()).path("steps").forEach(steps::add);
        return steps;
    }

    private static JsonNode body(List<JsonNode> steps, String pathEnd) {
        return steps.stream().filter(s -> s.path("path").asText().endsWith(pathEnd)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + pathEnd)).path("body");
    }

    private static JsonNode value(List<JsonNode> steps, String code, String period) {
        return steps.stream().filter(s -> s.path("path").asText().endsWith("/values"))
                .map(s -> s.path("body")).filter(b -> b.path("indicator").asText().equals(code) && b.path("period").asText().equals(period))
                .findFirst().orElse(null);
    }

    /** A count the Vietnamese report's way: two digits at least (04, 62). */
    private static String n(long count) {
        return count < 10 ? "0" + count : thousands(count);
    }

    private static String thousands(long v) {
        return String.format(java.util.Locale.ROOT, "%,d", v).replace(',', '.');
    }

    private static String percent(BigDecimal p) {
        return p.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString().replace('.', ',') + "%";
    }

    private static String millions(long vnd) {
        return BigDecimal.valueOf(vnd).divide(BigDecimal.valueOf(1_000_000)).stripTrailingZeros().toPlainString().replace('.', ',')
                + " triệu đồng";
    }

    private static void contains(String text, String... expected) {
        List<String> missing = new ArrayList<>();
        for (String e : expected) {
            if (!text.contains(e)) {
                missing.add(e);
            }
        }
        assertTrue(missing.isEmpty(), "missing " + missing + " in:\n" + text);
    }

    /** The text from the heading that contains {@code start} to the next line containing {@code end}. */
    private static String section(String md, String start, String end) {
        Matcher m = Pattern.compile("(?m)^#+ [^\\n]*" + Pattern.quote(start) + "[^\\n]*$").matcher(md);
        int from = m.find() ? m.start() : -1;
        assertTrue(from >= 0, "no section '" + start + "' in the report");
        int to = md.indexOf(end, from + start.length());
        return to < 0 ? md.substring(from) : md.substring(from, to);
    }
}

package vn.binhduong.sct.report.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sections of the annual report in the seed document's order (PHẦN THỨ NHẤT I–IV, PHẦN THỨ HAI I–IV). Each has a
 * stable code: narrative fragments are saved against it, generated passages are attached to it.
 */
public final class Outline {
    /** @param part 1 or 2; @param level 1 for I., II. headings, 2 for 1., 2., 3 for 1.1. */
    public record Node(String code, int part, int level, String number, String title) {
    }

    public static final List<Node> NODES;
    private static final Map<String, Node> BY_CODE = new LinkedHashMap<>();

    static {
        List<Node> n = new ArrayList<>();
        n.add(new Node("situation", 1, 1, "I.", "ĐẶC ĐIỂM TÌNH HÌNH"));
        n.add(new Node("party-building", 1, 1, "II.", "CÔNG TÁC XÂY DỰNG ĐẢNG"));
        n.add(new Node("education", 1, 2, "1.", "Về công tác giáo dục chính trị tư tưởng"));
        n.add(new Node("organization", 1, 2, "2.", "Công tác tổ chức, cán bộ và Đảng viên"));
        n.add(new Node("cadres", 1, 3, "2.1.", "Công tác tổ chức cán bộ"));
        n.add(new Node("members", 1, 3, "2.2.", "Công tác đảng viên"));
        n.add(new Node("internal-security", 1, 3, "2.3.", "Công tác bảo vệ chính trị nội bộ"));
        n.add(new Node("inspection", 1, 2, "3.", "Công tác kiểm tra, giám sát"));
        n.add(new Node("anti-corruption", 1, 2, "4.", "Công tác đảm bảo an ninh trật tự và phòng chống tham nhũng"));
        n.add(new Node("mass-mobilisation", 1, 2, "5.", "Lãnh đạo thực hiện công tác dân vận và thực hiện Quy chế dân chủ"));
        n.add(new Node("mass-organisations", 1, 2, "6.", "Lãnh đạo hoạt động các đoàn thể"));
        n.add(new Node("covid", 1, 2, "7.", "Công tác phòng, chống dịch Covid-19"));
        n.add(new Node("political-tasks", 1, 1, "III.", "LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ"));
        n.add(new Node("industry", 1, 2, "1.", "Công tác quản lý công nghiệp"));
        n.add(new Node("trade", 1, 2, "2.", "Công tác quản lý thương mại"));
        n.add(new Node("energy", 1, 2, "3.", "Công tác quản lý năng lượng - kỹ thuật an toàn"));
        n.add(new Node("state-inspection", 1, 2, "4.", "Công tác Thanh tra, giải quyết khiếu nại, tố cáo"));
        n.add(new Node("promotion", 1, 2, "5.", "Công tác xúc tiến đầu tư, thương mại, phát triển công nghiệp"));
        n.add(new Node("admin-reform", 1, 2, "6.", "Công tác cải cách hành chính"));
        n.add(new Node("planning", 1, 2, "7.", "Công tác quy hoạch, kế hoạch, đề án, chương trình"));
        n.add(new Node("assessment", 1, 1, "IV.", "ĐÁNH GIÁ CHUNG"));
        n.add(new Node("strengths-and-causes", 1, 2, "1.", "Ưu điểm và nguyên nhân"));
        n.add(new Node("strengths", 1, 3, "1.1.", "Ưu điểm"));
        n.add(new Node("strength-causes", 1, 3, "1.2.", "Nguyên nhân"));
        n.add(new Node("limitations", 1, 2, "2.", "Hạn chế và nguyên nhân"));
        n.add(new Node("limitations-subjective", 1, 3, "2.1.", "Hạn chế chủ quan"));
        n.add(new Node("limitations-objective", 1, 3, "2.2.", "Hạn chế khách quan"));
        n.add(new Node("limitation-causes", 1, 3, "2.3.", "Nguyên nhân"));
        n.add(new Node("outlook", 2, 1, "I.", "DỰ ĐOÁN TÌNH HÌNH"));
        n.add(new Node("directions-party", 2, 1, "II.", "CÔNG TÁC XÂY DỰNG ĐẢNG"));
        n.add(new Node("directions-political", 2, 1, "III.", "LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ"));
        n.add(new Node("targets", 2, 2, "1.", "Về các chỉ tiêu chủ yếu"));
        n.add(new Node("key-tasks", 2, 2, "2.", "Về một số nhiệm vụ trọng tâm"));
        n.add(new Node("implementation", 2, 1, "IV.", "TỔ CHỨC TRIỂN KHAI THỰC HIỆN"));
        NODES = Collections.unmodifiableList(n);
        NODES.forEach(node -> BY_CODE.put(node.code(), node));
    }

    private Outline() {
    }

    public static boolean exists(String code) {
        return BY_CODE.containsKey(code);
    }

    public static int order(String code) {
        return NODES.indexOf(BY_CODE.get(code));
    }
}

package vn.binhduong.sct.report.domain;

import java.util.Locale;

/** Annual ratings (DESIGN.md §8) and how a party report names them. */
public final class Rating {
    public static final String EXCELLENT = "EXCELLENT";
    public static final String GOOD = "GOOD";
    public static final String COMPLETED = "COMPLETED";
    public static final String NOT_COMPLETED = "NOT_COMPLETED";

    private Rating() {
    }

    public static String label(String rating) {
        if (rating == null) {
            return "";
        }
        return switch (rating.toUpperCase(Locale.ROOT)) {
            case EXCELLENT -> "hoàn thành xuất sắc nhiệm vụ";
            case GOOD -> "hoàn thành tốt nhiệm vụ";
            case COMPLETED -> "hoàn thành nhiệm vụ";
            case NOT_COMPLETED -> "không hoàn thành nhiệm vụ";
            default -> rating;
        };
    }

    /** {@code NOT_COMPLETED} → {@code not-completed}: the suffix of a per-category figure key. */
    public static String slug(String category) {
        return category.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    }
}

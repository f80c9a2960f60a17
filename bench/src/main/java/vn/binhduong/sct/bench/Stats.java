package vn.binhduong.sct.bench;

import java.util.Arrays;

/** Percentiles over recorded values (nearest rank). */
final class Stats {
    private Stats() {
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String ms(double millis) {
        return String.format("%.1f ms", millis);
    }
}

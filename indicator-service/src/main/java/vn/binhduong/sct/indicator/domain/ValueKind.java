package vn.binhduong.sct.indicator.domain;

/** How final a figure is, from least to most: ước (estimate), sơ bộ (preliminary), thực hiện (actual), chính thức (final). */
public enum ValueKind {
    ESTIMATE, PRELIMINARY, ACTUAL, FINAL;

    /** The least final of two kinds: a figure computed from an estimate is an estimate. */
    public static ValueKind weakest(ValueKind a, ValueKind b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}

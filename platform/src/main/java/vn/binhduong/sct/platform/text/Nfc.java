package vn.binhduong.sct.platform.text;

import java.text.Normalizer;

/**
 * Vietnamese text arrives precomposed and with combining marks (the seed document mixes both). Everything stored,
 * compared and searched is NFC.
 */
public final class Nfc {
    private Nfc() {
    }

    public static String of(String s) {
        if (s == null || Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            return s;
        }
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * What in {@code s} no text column can store, in words ("a NUL character", "a lone surrogate"), or {@code null}
     * when everything can be stored.
     */
    public static String unstorable(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "a NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "a lone surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "a lone surrogate";
            }
        }
        return null;
    }
}

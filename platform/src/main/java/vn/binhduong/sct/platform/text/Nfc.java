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
}

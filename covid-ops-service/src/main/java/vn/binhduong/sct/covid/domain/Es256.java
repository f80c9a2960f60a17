package vn.binhduong.sct.covid.domain;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/**
 * ES256 as JOSE writes it (RFC 7518 §3.4): R and S as two 32-byte big-endian numbers back to back, which is the IEEE
 * P1363 form the JDK signs and verifies natively ({@code SHA256withECDSAinP1363Format}); no DER in between.
 */
public final class Es256 {
    public static final String ALGORITHM = "SHA256withECDSAinP1363Format";

    private Es256() {
    }

    public static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] jose) throws GeneralSecurityException {
        if (jose.length != 64) {
            return false;
        }
        Signature s = Signature.getInstance(ALGORITHM);
        s.initVerify(key);
        s.update(data);
        try {
            return s.verify(jose);
        } catch (SignatureException e) {
            return false;
        }
    }
}

package vn.binhduong.sct.covid.domain;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * ES256 as JOSE writes it (RFC 7518 §3.4): the JDK's SHA256withECDSA yields a DER SEQUENCE of two INTEGERs; a JWS
 * carries R and S as two 32-byte big-endian numbers back to back.
 */
public final class Es256 {
    private Es256() {
    }

    public static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(key);
        s.update(data);
        return derToJose(s.sign());
    }

    public static boolean verify(PublicKey key, byte[] data, byte[] jose) throws GeneralSecurityException {
        if (jose.length != 64) {
            return false;
        }
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initVerify(key);
        s.update(data);
        try {
            return s.verify(joseToDer(jose));
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    public static byte[] derToJose(byte[] der) {
        int offset = 2;
        if ((der[1] & 0xff) == 0x81) {
            offset = 3;
        }
        int rLen = der[offset + 1];
        byte[] r = Arrays.copyOfRange(der, offset + 2, offset + 2 + rLen);
        int sStart = offset + 2 + rLen;
        int sLen = der[sStart + 1];
        byte[] s = Arrays.copyOfRange(der, sStart + 2, sStart + 2 + sLen);
        byte[] out = new byte[64];
        copyUnsigned(r, out, 0);
        copyUnsigned(s, out, 32);
        return out;
    }

    public static byte[] joseToDer(byte[] jose) {
        byte[] r = new BigInteger(1, Arrays.copyOfRange(jose, 0, 32)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(jose, 32, 64)).toByteArray();
        int len = 2 + r.length + 2 + s.length;
        byte[] der = new byte[len + 2];
        der[0] = 0x30;
        der[1] = (byte) len;
        der[2] = 0x02;
        der[3] = (byte) r.length;
        System.arraycopy(r, 0, der, 4, r.length);
        der[4 + r.length] = 0x02;
        der[5 + r.length] = (byte) s.length;
        System.arraycopy(s, 0, der, 6 + r.length, s.length);
        return der;
    }

    /** Big-endian, left-padded to 32 bytes, leading sign byte dropped. */
    private static void copyUnsigned(byte[] value, byte[] out, int at) {
        int start = 0;
        while (start < value.length - 1 && value[start] == 0 && value.length - start > 32) {
            start++;
        }
        int len = value.length - start;
        System.arraycopy(value, start, out, at + 32 - len, len);
    }
}

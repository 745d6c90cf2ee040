package org.jsctp.core.auth;

import javax.crypto.Mac;
import java.security.NoSuchAlgorithmException;
import org.jsctp.core.packet.param.RequestedHmacAlgorithmParameter;

/**
 * The HMAC algorithms of RFC 4895 section 3.3 that this stack implements, through the JDK's
 * {@link Mac}: SHA-1 (mandatory for every AUTH implementation) and SHA-256.
 */
public enum HmacAlgorithm {

    /** HMAC-SHA-1, identifier 1, 20-byte HMAC (RFC 4895 section 3.3, RFC 2104). */
    SHA_1(RequestedHmacAlgorithmParameter.HMAC_SHA_1, "HmacSHA1", 20),
    /** HMAC-SHA-256, identifier 3, 32-byte HMAC (RFC 4895 section 3.3, RFC 6234). */
    SHA_256(RequestedHmacAlgorithmParameter.HMAC_SHA_256, "HmacSHA256", 32);

    private final int id;
    private final String jcaName;
    private final int length;

    HmacAlgorithm(int id, String jcaName, int length) {
        this.id = id;
        this.jcaName = jcaName;
        this.length = length;
    }

    /** {@return the HMAC Identifier on the wire} */
    public int id() {
        return id;
    }

    /** {@return bytes of HMAC the algorithm produces, and so the HMAC field length of its AUTH chunks} */
    public int length() {
        return length;
    }

    /** {@return the JCA algorithm name} */
    public String jcaName() {
        return jcaName;
    }

    /**
     * The algorithm an HMAC Identifier names, or null for one we do not implement.
     *
     * @param id the HMAC Identifier
     * @return the algorithm or null
     */
    public static HmacAlgorithm byId(int id) {
        for (HmacAlgorithm a : values()) {
            if (a.id == id) {
                return a;
            }
        }
        return null;
    }

    /** A fresh, unkeyed Mac of this algorithm. */
    Mac newMac() {
        try {
            return Mac.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides " + jcaName, e);
        }
    }
}

package org.jsctp.core.auth;

import java.util.Arrays;

/**
 * The association shared key of RFC 4895 section 6.1: the endpoint-pair shared key followed by
 * both key vectors, the numerically smaller first. The vectors are compared as unsigned
 * big-endian numbers; vectors equal as numbers but of different lengths put the shorter first.
 */
public final class AssociationSharedKey {

    private AssociationSharedKey() {
    }

    /**
     * Builds the key the HMAC of every AUTH chunk of the association is keyed with.
     *
     * @param endpointPairKey the endpoint-pair shared key named by the Shared Key Identifier
     * @param vector1 one side's key vector ({@link AuthParameters#keyVector()})
     * @param vector2 the other side's
     * @return endpoint-pair key || smaller vector || larger vector
     */
    public static byte[] derive(byte[] endpointPairKey, byte[] vector1, byte[] vector2) {
        boolean firstIsSmaller = compare(vector1, vector2) <= 0;
        byte[] small = firstIsSmaller ? vector1 : vector2;
        byte[] large = firstIsSmaller ? vector2 : vector1;
        byte[] key = Arrays.copyOf(endpointPairKey, endpointPairKey.length + small.length + large.length);
        System.arraycopy(small, 0, key, endpointPairKey.length, small.length);
        System.arraycopy(large, 0, key, endpointPairKey.length + small.length, large.length);
        return key;
    }

    /**
     * Compares two key vectors as unsigned big-endian numbers (the shorter one as if padded
     * with leading zeros); equal numbers compare by length, shorter first.
     *
     * @return negative, zero or positive as {@code a} is smaller, equal or larger
     */
    static int compare(byte[] a, byte[] b) {
        int length = Math.max(a.length, b.length);
        for (int i = 0; i < length; i++) {
            int x = byteFromLeft(a, i, length);
            int y = byteFromLeft(b, i, length);
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int byteFromLeft(byte[] v, int i, int length) {
        int lead = length - v.length;
        return i < lead ? 0 : v[i - lead] & 0xFF;
    }
}

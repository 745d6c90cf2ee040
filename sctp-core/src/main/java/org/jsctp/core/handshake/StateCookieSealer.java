package org.jsctp.core.handshake;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jsctp.core.packet.Bytes;

/**
 * Seals what an endpoint needs to build an association into a State Cookie, and checks cookies
 * that come back in COOKIE ECHO (RFC 9260 sections 5.1.3 and 5.1.5). Nothing is stored between
 * INIT ACK and COOKIE ECHO: the cookie is the state, protected by an HMAC-SHA256 MAC under the
 * endpoint's secret.
 *
 * <pre>
 *  version (8) = 1 | secret generation (32) | creation time (64, ns) | life span (64, ns)
 *  contents (opaque, as given to seal) | HMAC-SHA256 over all of the above (256)
 * </pre>
 *
 * <p>The cookie is opaque to the peer, so its layout is ours to choose; times are on the
 * injected clock of this endpoint, which is all that ever reads them.
 *
 * <p>Cost: a {@link Mac} is keyed once per secret, not once per cookie. Two keyed instances are
 * kept, for the current and the previous secret (the only two {@link CookieSecrets} accepts); a
 * rotation re-keys the older one, so a retired secret's key schedule does not outlive the next
 * cookie sealed or opened. Not thread-safe: one endpoint uses it on one thread, or under a lock.
 */
public final class StateCookieSealer {

    private static final int VERSION = 1;
    private static final int HEADER_LENGTH = 1 + 4 + 8 + 8;
    private static final int MAC_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final CookieSecrets secrets;
    private final CookieCheckMode checkMode;
    /** Two Macs and the secret each is keyed with (by identity: secrets are never copied). */
    private final Mac[] macs = new Mac[2];
    private final byte[][] keyedWith = new byte[2][];
    private int lastUsed;

    /**
     * A sealer that checks every cookie's MAC.
     *
     * @param secrets the endpoint's rotating secrets
     * @param maxLifespanNanos the longest life span any cookie may be given (Valid.Cookie.Life plus
     *     any Cookie Preservative extension allowed); must not exceed the rotation interval
     */
    public StateCookieSealer(CookieSecrets secrets, long maxLifespanNanos) {
        this(secrets, maxLifespanNanos, CookieCheckMode.VERIFY_MAC);
    }

    /**
     * As {@link #StateCookieSealer(CookieSecrets, long)}, with the MAC check of {@code checkMode};
     * anything but {@link CookieCheckMode#VERIFY_MAC} is for fuzzing only.
     *
     * @param secrets the endpoint's rotating secrets
     * @param maxLifespanNanos the longest life span any cookie may be given
     * @param checkMode how {@link #open} checks the MAC
     */
    public StateCookieSealer(CookieSecrets secrets, long maxLifespanNanos, CookieCheckMode checkMode) {
        if (maxLifespanNanos > secrets.rotationIntervalNanos()) {
            throw new IllegalArgumentException("secrets must outlive cookies: rotation interval "
                    + secrets.rotationIntervalNanos() + " ns is shorter than the cookie life span " + maxLifespanNanos + " ns");
        }
        this.secrets = secrets;
        this.checkMode = checkMode;
        try {
            macs[0] = Mac.getInstance(ALGORITHM);
            macs[1] = Mac.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides " + ALGORITHM, e);
        }
    }

    /**
     * {@return size of the cookie that sealing {@code contentsLength} bytes produces}
     *
     * @param contentsLength the contents' length in bytes
     */
    public static int sealedLength(int contentsLength) {
        return HEADER_LENGTH + contentsLength + MAC_LENGTH;
    }

    /**
     * Seals {@code contents} into a cookie valid for {@code lifespanNanos} from {@code nowNanos}.
     *
     * @param contents the encoded {@link CookieContents}
     * @param nowNanos the current time
     * @param lifespanNanos how long the cookie is valid, at most the sealer's maximum
     * @return the State Cookie
     */
    public Bytes seal(Bytes contents, long nowNanos, long lifespanNanos) {
        if (lifespanNanos <= 0) {
            throw new IllegalArgumentException("cookie life span must be positive: " + lifespanNanos);
        }
        secrets.rotateIfDue(nowNanos);
        byte[] cookie = new byte[sealedLength(contents.length())];
        ByteBuffer b = ByteBuffer.wrap(cookie);
        b.put((byte) VERSION).putInt(secrets.generation()).putLong(nowNanos).putLong(lifespanNanos);
        contents.writeTo(b);
        b.put(macOf(secrets.current(), cookie, b.position()));
        return Bytes.wrap(cookie);
    }

    /**
     * Checks a cookie from a COOKIE ECHO: MAC first, then age (RFC 9260 section 5.1.5 steps 2 and 3).
     *
     * @param cookie the State Cookie from the COOKIE ECHO
     * @param nowNanos the current time
     * @return the contents, or why the cookie is refused (bad MAC, stale)
     */
    public CookieCheck open(Bytes cookie, long nowNanos) {
        secrets.rotateIfDue(nowNanos);
        if (cookie.length() < HEADER_LENGTH + MAC_LENGTH) {
            return new CookieCheck.Forged("cookie of " + cookie.length() + " bytes is too short to be ours");
        }
        byte[] bytes = cookie.toByteArray();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.get() != VERSION) {
            return new CookieCheck.Forged("unknown cookie version " + (bytes[0] & 0xFF));
        }
        int generation = b.getInt();
        long createdAt = b.getLong();
        long lifespan = b.getLong();
        int macStart = bytes.length - MAC_LENGTH;
        // FUZZING ONLY (CookieCheckMode): a fuzzer cannot forge the MAC, so it may skip this step.
        if (checkMode == CookieCheckMode.VERIFY_MAC) {
            byte[] secret = secrets.forGeneration(generation);
            if (secret == null) {
                return new CookieCheck.Forged("cookie sealed with a retired secret (generation " + generation + ")");
            }
            byte[] expected = macOf(secret, bytes, macStart);
            byte[] received = new byte[MAC_LENGTH];
            System.arraycopy(bytes, macStart, received, 0, MAC_LENGTH);
            if (!MessageDigest.isEqual(expected, received)) { // constant-time comparison
                return new CookieCheck.Forged("MAC does not match");
            }
        }
        Bytes contents = cookie.slice(HEADER_LENGTH, macStart - HEADER_LENGTH);
        long age = nowNanos - createdAt;
        if (age > lifespan) {
            return new CookieCheck.Stale(contents, Math.max(1, (age - lifespan) / 1000));
        }
        return new CookieCheck.Valid(contents, createdAt);
    }

    private byte[] macOf(byte[] secret, byte[] data, int length) {
        Mac mac = macKeyedWith(secret);
        mac.update(data, 0, length);
        return mac.doFinal(); // also resets the Mac to its key, ready for the next cookie
    }

    /** A Mac keyed with {@code secret}: one already keyed, or the one used less recently, re-keyed. */
    private Mac macKeyedWith(byte[] secret) {
        for (int i = 0; i < 2; i++) {
            if (keyedWith[i] == secret) {
                lastUsed = i;
                return macs[i];
            }
        }
        int i = 1 - lastUsed;
        keyedWith[i] = null;
        try {
            macs[i].init(new SecretKeySpec(secret, ALGORITHM));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("a 32-byte HMAC key is always valid", e);
        }
        keyedWith[i] = secret;
        lastUsed = i;
        return macs[i];
    }
}

package org.jsctp.core.assoc;

/**
 * Settings of an endpoint: its SCTP port, the configuration its associations start from, how
 * often the cookie secret changes, how many associations it holds at most, and how many packets
 * of no association it answers per second.
 *
 * @param localPort the SCTP port (1..65535)
 * @param association the configuration of every association this endpoint makes or accepts
 * @param cookieSecretRotationNanos how long a cookie secret is used before it is replaced; the one
 *     replaced is still accepted until the next rotation
 * @param maxCookieLifeNanos the longest cookie life a peer's Cookie Preservative can obtain
 * @param maxAssociations how many associations the endpoint accepts at most
 * @param outOfTheBlueAnswersPerSecond how many out-of-the-blue packets are answered per second
 *     at most, in bursts of up to one second's worth (RFC 9260 section 8.4 rules 5 and 8); the
 *     rest are discarded. 0 answers none
 */
public record EndpointConfig(int localPort, AssociationConfig association, long cookieSecretRotationNanos,
                             long maxCookieLifeNanos, int maxAssociations, int outOfTheBlueAnswersPerSecond) {

    /** Associations an endpoint accepts at most by default. */
    public static final int DEFAULT_MAX_ASSOCIATIONS = 65_536;

    /**
     * Out-of-the-blue packets answered per second at most by default: FreeBSD's default limit on
     * its answers to packets of no endpoint or association (ICMP's 200 per second), so a flood
     * of spoofed packets reflects no more than that.
     */
    public static final int DEFAULT_OUT_OF_THE_BLUE_ANSWERS_PER_SECOND = 200;

    /** The highest {@link #outOfTheBlueAnswersPerSecond} (in effect no limit). */
    public static final int MAX_OUT_OF_THE_BLUE_ANSWERS_PER_SECOND = 1_000_000;

    private static final long S = 1_000_000_000L;

    /**
     * Checks the ranges.
     *
     * @param localPort the SCTP port (1..65535)
     * @param association the configuration of every association this endpoint makes or accepts
     * @param cookieSecretRotationNanos how long a cookie secret is used before it is replaced; the one
     *     replaced is still accepted until the next rotation
     * @param maxCookieLifeNanos the longest cookie life a peer's Cookie Preservative can obtain
     * @param maxAssociations how many associations the endpoint accepts at most
     * @param outOfTheBlueAnswersPerSecond how many out-of-the-blue packets are answered per
     *     second at most, 0..{@value #MAX_OUT_OF_THE_BLUE_ANSWERS_PER_SECOND}
     * @throws IllegalArgumentException if a component is out of range
     */
    public EndpointConfig {
        if (localPort < 1 || localPort > 65535) {
            throw new IllegalArgumentException("SCTP port must be in 1..65535: " + localPort);
        }
        if (maxCookieLifeNanos < association.validCookieLifeNanos()) {
            throw new IllegalArgumentException("the longest cookie life is shorter than Valid.Cookie.Life");
        }
        if (cookieSecretRotationNanos < maxCookieLifeNanos) {
            throw new IllegalArgumentException("the cookie secret must live at least as long as a cookie");
        }
        checkMaxAssociations(maxAssociations);
        checkOutOfTheBlueAnswersPerSecond(outOfTheBlueAnswersPerSecond);
    }

    /**
     * The range of {@link #maxAssociations}, for builders that take it before a configuration exists.
     *
     * @param associations the value to check
     * @return {@code associations}
     * @throws IllegalArgumentException if below 1
     */
    public static int checkMaxAssociations(int associations) {
        if (associations < 1) {
            throw new IllegalArgumentException("maxAssociations must be at least 1: " + associations);
        }
        return associations;
    }

    /**
     * The range of {@link #outOfTheBlueAnswersPerSecond}, for builders that take it before a
     * configuration exists.
     *
     * @param perSecond the value to check
     * @return {@code perSecond}
     * @throws IllegalArgumentException if outside 0..{@value #MAX_OUT_OF_THE_BLUE_ANSWERS_PER_SECOND}
     */
    public static int checkOutOfTheBlueAnswersPerSecond(int perSecond) {
        if (perSecond < 0 || perSecond > MAX_OUT_OF_THE_BLUE_ANSWERS_PER_SECOND) {
            throw new IllegalArgumentException("out-of-the-blue answers per second must be in 0.."
                    + MAX_OUT_OF_THE_BLUE_ANSWERS_PER_SECOND + ": " + perSecond);
        }
        return perSecond;
    }

    /**
     * Defaults: secrets rotated every 10 minutes, cookies live at most 2 minutes, 65536
     * associations, 200 out-of-the-blue answers per second.
     *
     * @param localPort our SCTP port
     * @param association the settings of every association
     * @return the configuration
     */
    public static EndpointConfig of(int localPort, AssociationConfig association) {
        return new EndpointConfig(localPort, association, 600 * S, Math.max(120 * S, association.validCookieLifeNanos()),
                DEFAULT_MAX_ASSOCIATIONS, DEFAULT_OUT_OF_THE_BLUE_ANSWERS_PER_SECOND);
    }

    /**
     * {@return these settings with another bound on the associations}
     *
     * @param associations how many associations the endpoint accepts at most, at least 1
     */
    public EndpointConfig withMaxAssociations(int associations) {
        return new EndpointConfig(localPort, association, cookieSecretRotationNanos, maxCookieLifeNanos, associations,
                outOfTheBlueAnswersPerSecond);
    }

    /**
     * {@return these settings with another limit on answers to out-of-the-blue packets}
     *
     * @param perSecond answers per second at most, 0..{@value #MAX_OUT_OF_THE_BLUE_ANSWERS_PER_SECOND}
     */
    public EndpointConfig withOutOfTheBlueAnswersPerSecond(int perSecond) {
        return new EndpointConfig(localPort, association, cookieSecretRotationNanos, maxCookieLifeNanos,
                maxAssociations, perSecond);
    }
}

package org.jsctp.core.assoc;

/**
 * Settings of an endpoint: its SCTP port, the configuration its associations start from, how
 * often the cookie secret changes, and how many associations it holds at most.
 *
 * @param localPort the SCTP port (1..65535)
 * @param association the configuration of every association this endpoint makes or accepts
 * @param cookieSecretRotationNanos how long a cookie secret is used before it is replaced; the one
 *     replaced is still accepted until the next rotation
 * @param maxCookieLifeNanos the longest cookie life a peer's Cookie Preservative can obtain
 * @param maxAssociations how many associations the endpoint accepts at most
 */
public record EndpointConfig(int localPort, AssociationConfig association, long cookieSecretRotationNanos,
                             long maxCookieLifeNanos, int maxAssociations) {

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
        if (maxAssociations < 1) {
            throw new IllegalArgumentException("maxAssociations must be at least 1: " + maxAssociations);
        }
    }

    /**
     * Defaults: secrets rotated every 10 minutes, cookies live at most 2 minutes, 65536 associations.
     *
     * @param localPort our SCTP port
     * @param association the settings of every association
     * @return the configuration
     */
    public static EndpointConfig of(int localPort, AssociationConfig association) {
        return new EndpointConfig(localPort, association, 600 * S, Math.max(120 * S, association.validCookieLifeNanos()),
                65536);
    }
}

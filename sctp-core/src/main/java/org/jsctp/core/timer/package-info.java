/**
 * Timers as deadlines on the caller's clock: {@link org.jsctp.core.timer.Timer} with exponential
 * back-off and expiry limits (T1-init, T3-rtx and the others of RFC 9260), and
 * {@link org.jsctp.core.timer.Timers}, which gives the association its earliest deadline.
 */
package org.jsctp.core.timer;

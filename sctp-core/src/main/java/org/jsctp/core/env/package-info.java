/**
 * What the sans-IO core takes from its environment: randomness
 * ({@link org.jsctp.core.env.RandomSource}), seeded in tests and simulations, {@code SecureRandom}
 * in production. Time is passed to every call as {@code nowNanos}.
 */
package org.jsctp.core.env;

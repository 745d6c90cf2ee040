/**
 * The example tools in one executable jar ({@link org.jsctp.examples.Main}): echo, discard, daytime
 * and chargen servers, a client, the tsctp and latency benchmarks, a demo and a packet decoder,
 * each a picocli subcommand built on {@code sctp-api}.
 */
package org.jsctp.examples;

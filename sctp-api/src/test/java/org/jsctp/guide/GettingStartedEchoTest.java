package org.jsctp.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The getting-started echo runs end to end, as a method and as the main program a reader copies. */
@Timeout(60)
class GettingStartedEchoTest {

    @Test
    void theEchoComesBackOnTheStreamItWasSentOn() throws Exception {
        assertThat(GettingStartedEcho.echo(0, "hello, SCTP")).isEqualTo("hello, SCTP (stream 1)");
    }

    @Test
    void theMainProgramPrintsTheEcho() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, "UTF-8"));
        try {
            GettingStartedEcho.main(new String[] {"0"}); // a free UDP port instead of 9899, which may be taken
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString("UTF-8")).isEqualToIgnoringNewLines("hello, SCTP (stream 1)");
    }
}

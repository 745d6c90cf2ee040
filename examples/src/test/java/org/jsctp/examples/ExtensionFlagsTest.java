package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The flags of the message-flow extensions (PR-SCTP, RFC 6525, RFC 8260, RFC 9653, NR-SACK, NAT support
 * Disable Restart, RFC 4895) are on every
 * subcommand that makes associations, so each can be tried by hand against usrsctp.
 */
class ExtensionFlagsTest {

    private static CommandLine.Model.CommandSpec spec(String tool) {
        return new CommandLine(new Main()).getSubcommands().get(tool).getCommandSpec();
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "echo-server", "discard-server", "daytime-server", "chargen-server", "client",
            "tsctp", "latency"})
    void everyToolThatMakesAssociationsTakesEachExtensionFlag(String tool) {
        CommandLine.Model.CommandSpec spec = spec(tool);
        for (String flag : new String[] {"--reconfig", "--idata", "--scheduler", "--zero-checksum", "--mtu",
            "--pmtud-max", "--nrsack", "--cmt", "--disable-restart", "--auth", "--auth-key"}) {
            assertThat(spec.findOption(flag)).as(tool + " " + flag).isNotNull();
        }
    }

    /**
     * The options each tool listed in its help before the extension flags were grouped into one
     * mixin ({@link ExtensionOptions}): the command lines are a public interface, so none may be lost
     * (flags added since are fine).
     */
    private static final Map<String, String> OPTIONS_BEFORE_GROUPING = Map.ofEntries(
            Map.entry("demo", "--auth --auth-key --bind --codec --disable-restart --help --hex --idata --messages --mtu "
                    + "--nrsack --peer-address --pf-threshold --pmtud-max --pr --primary --reconfig --scheduler "
                    + "--set-primary --stream-value --version --zero-checksum --zero-checksum-edmid -V -h"),
            Map.entry("echo-server", "--auth --auth-key --bind --disable-restart --help --idata --mtu --nrsack --peer-address "
                    + "--pf-threshold --pmtud-max --pr --primary --reconfig --scheduler --seconds --set-primary "
                    + "--stream-value --version --zero-checksum --zero-checksum-edmid -V -h -v"),
            Map.entry("discard-server", "--auth --auth-key --bind --disable-restart --help --idata --mtu --nrsack --peer-address "
                    + "--pf-threshold --pmtud-max --primary --reconfig --scheduler --seconds --set-primary "
                    + "--stream-value --version --zero-checksum --zero-checksum-edmid -V -h -v"),
            Map.entry("daytime-server", "--auth --auth-key --bind --disable-restart --help --idata --mtu --nrsack --peer-address "
                    + "--pf-threshold --pmtud-max --pr --primary --reconfig --scheduler --seconds --set-primary "
                    + "--stream-value --version --zero-checksum --zero-checksum-edmid -V -h -v"),
            Map.entry("chargen-server", "--auth --auth-key --bind --disable-restart --help --idata --mtu --nrsack --peer-address "
                    + "--pf-threshold --pmtud-max --pr --primary --reconfig --scheduler --seconds --set-primary "
                    + "--stream-value --version --zero-checksum --zero-checksum-edmid -V -h -v"),
            Map.entry("client", "--add-streams --auth --auth-key --bind --disable-restart --help --idata --mtu --nrsack "
                    + "--peer-address --pf-threshold --pmtud-max --pr --primary --reconfig --reset-after "
                    + "--scheduler --set-primary --stream-value --version --wait --zero-checksum "
                    + "--zero-checksum-edmid -V -h -v"),
            Map.entry("tsctp", "--auth --auth-key --bind --detect-lost-retransmissions --disable-restart --idata --mtu "
                    + "--no-offload --nrsack --peer-address --pf-threshold --pmtud-max --pr --primary --prr --reconfig "
                    + "--rto-initial --rto-min --scheduler --seconds --set-primary --stats --stream-value "
                    + "--zero-checksum --zero-checksum-edmid -D -E -P -R -S -T -U -V -f -l -n -p -t -u -v"),
            Map.entry("latency", "--auth --auth-key --bind --disable-restart --help --idata --mtu --nagle --nrsack "
                    + "--peer-address --pf-threshold --pmtud-max --pr --primary --reconfig --scheduler "
                    + "--send-from-caller --set-primary --stream-value --timeout --version --zero-checksum "
                    + "--zero-checksum-edmid -E -U -V -W -h -l -n -p -r -u -v -w"));

    /** The option names of the help's option rows (a row starts with its names; descriptions are indented). */
    private static Set<String> optionsInHelp(String help) {
        Set<String> names = new TreeSet<>();
        Pattern row = Pattern.compile("^ {0,6}(-\\S.*?)(?: {2,}|$)");
        Pattern name = Pattern.compile("(?:^|[\\s,])(--?[A-Za-z][\\w-]*)");
        for (String line : help.split("\\R")) {
            Matcher r = row.matcher(line);
            if (r.find()) {
                Matcher n = name.matcher(r.group(1));
                while (n.find()) {
                    names.add(n.group(1));
                }
            }
        }
        return names;
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "echo-server", "discard-server", "daytime-server", "chargen-server", "client",
            "tsctp", "latency"})
    void theHelpOfEveryToolStillListsEveryOptionItHad(String tool) {
        String help = new CommandLine(new Main()).getSubcommands().get(tool).getUsageMessage();
        List<String> expected = List.of(OPTIONS_BEFORE_GROUPING.get(tool).split(" "));
        assertThat(optionsInHelp(help)).as(tool + " help").containsAll(expected);
        Set<String> parsed = new TreeSet<>();
        spec(tool).options().forEach(o -> parsed.addAll(List.of(o.names())));
        assertThat(parsed).as(tool + " options").containsAll(expected);
    }

    @Test
    void theHelpParserSeesOptionRowsOnly() {
        String help = "Usage: x [--a]\n      --auth       it, see --not-a-row\n  -E=<port>, --echo=N   e\n"
                + "                            -n continued description\n  -h, --help   help\n";
        assertThat(optionsInHelp(help)).containsExactlyInAnyOrder("--auth", "-E", "--echo", "-h", "--help");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "echo-server", "daytime-server", "chargen-server", "client", "tsctp", "latency"})
    void everyToolThatSendsTakesAPrPolicy(String tool) {
        assertThat(spec(tool).findOption("--pr")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "echo-server", "discard-server", "daytime-server", "chargen-server", "client",
            "tsctp", "latency"})
    void everyToolThatMakesAssociationsTakesTheMultihomingFlags(String tool) {
        CommandLine.Model.CommandSpec spec = spec(tool);
        for (String flag : new String[] {"--bind", "--primary", "--set-primary", "--pf-threshold", "--peer-address",
            "--asconf"}) {
            assertThat(spec.findOption(flag)).as(tool + " " + flag).isNotNull();
        }
    }

    @Test
    void theDemoRunsMultihomedOnTwoLoopbackAddressesAndMakesTheSecondPrimary() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--bind", "127.0.0.1",
                "--bind", "127.0.0.2", "--primary", "127.0.0.2", "--pf-threshold", "1");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("peer addresses: 127.0.0.1 127.0.0.2").contains("primary: 127.0.0.2")
                .contains("association shut down gracefully");
    }

    @Test
    void theDemoRunsDualStackOnIpv4AndIpv6LoopbackAndMakesTheIpv6AddressPrimary() throws Exception {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, InetAddress.getByName("::1"))) {
            assertThat(probe.getLocalPort()).isPositive();
        } catch (java.net.SocketException e) {
            Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--bind", "127.0.0.1",
                "--bind", "::1", "--primary", "::1");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("peer addresses: 127.0.0.1 0:0:0:0:0:0:0:1")
                .contains("primary: 0:0:0:0:0:0:0:1").contains("association shut down gracefully");
    }

    @Test
    void theDemoAsksThePeerByAsconfToMakeOurSecondAddressItsPrimary() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--bind", "127.0.0.1",
                "--bind", "127.0.0.2", "--asconf", "--set-primary", "127.0.0.2");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("set-primary: the peer acknowledged 127.0.0.2 as its primary")
                .contains("association shut down gracefully");
    }

    @Test
    void setPrimaryImpliesAsconfAndAuthInTheConfiguration() {
        MultihomingOption m = new MultihomingOption();
        new CommandLine(new Object() {
            @CommandLine.Mixin
            MultihomingOption a = m;
        }).parseArgs("--set-primary", "127.0.0.2");
        org.jsctp.core.assoc.AssociationConfig c = m.apply(org.jsctp.core.assoc.AssociationConfig.builder()).build();
        assertThat(c.asconfSupported()).isTrue(); // --set-primary implies --asconf
        assertThat(c.capabilities().auth()).isTrue(); // RFC 5061 section 4.1.1: and AUTH
        org.jsctp.core.assoc.AssociationConfig off = new MultihomingOption()
                .apply(org.jsctp.core.assoc.AssociationConfig.builder()).build();
        assertThat(off.asconfSupported()).isFalse();
        assertThat(off.capabilities().auth()).isFalse();
    }

    @Test
    void aPfThresholdOutOfRangeAndPeerAddressesOnAServerAreUsageErrors() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--pf-threshold", "1001"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--pf-threshold");
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "echo-server", "--peer-address",
                "127.0.0.2")).isEqualTo(2);
        assertThat(err.toString()).contains("--peer-address");
    }

    @Test
    void theDemoRunsWithAFixedMtuAndRejectsOneOutOfRange() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--mtu", "1300")).isZero();
        assertThat(out.toString()).contains("association shut down gracefully");
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--mtu", "100")).isEqualTo(2);
        assertThat(err.toString()).contains("--mtu must be 1232..65535");
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--mtu", "1300",
                "--pmtud-max", "9000")).isEqualTo(2);
    }

    @Test
    void theDemoRunsWithNrSackAndDisableRestart() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--nrsack",
                "--disable-restart")).isZero();
        assertThat(out.toString()).contains("association shut down gracefully");
    }

    @Test
    void cmtReachesTheConfigurationAndImpliesNrSack() {
        NrSackOption nr = new NrSackOption();
        new CommandLine(new Object() {
            @CommandLine.Mixin
            NrSackOption a = nr;
        }).parseArgs("--cmt");
        org.jsctp.core.assoc.AssociationConfig c = nr.apply(org.jsctp.core.assoc.AssociationConfig.builder()).build();
        assertThat(c.cmtEnabled()).isTrue();
        assertThat(c.nrSackSupported()).isTrue(); // CMT runs only with NR-SACK negotiated
        org.jsctp.core.assoc.AssociationConfig off = new NrSackOption()
                .apply(org.jsctp.core.assoc.AssociationConfig.builder()).build();
        assertThat(off.cmtEnabled()).isFalse();
    }

    @Test
    void theDemoRunsWithCmt() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--cmt")).isZero();
        assertThat(out.toString()).contains("association shut down gracefully");
    }

    @Test
    void theNrSackAndDisableRestartFlagsReachTheConfiguration() {
        NrSackOption nr = new NrSackOption();
        DisableRestartOption dr = new DisableRestartOption();
        new CommandLine(new Object() {
            @CommandLine.Mixin
            NrSackOption a = nr;
            @CommandLine.Mixin
            DisableRestartOption b = dr;
        }).parseArgs("--nrsack", "--disable-restart");
        org.jsctp.core.assoc.AssociationConfig c = dr.apply(nr.apply(org.jsctp.core.assoc.AssociationConfig.builder()))
                .build();
        assertThat(c.nrSackSupported()).isTrue();
        assertThat(c.disableRestart()).isTrue();
        org.jsctp.core.assoc.AssociationConfig off = new DisableRestartOption()
                .apply(new NrSackOption().apply(org.jsctp.core.assoc.AssociationConfig.builder())).build();
        assertThat(off.nrSackSupported()).isFalse();
        assertThat(off.disableRestart()).isFalse();
    }

    @Test
    void theDemoRunsWithAPrPolicyAndRejectsAMalformedOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--pr", "rtx:3")).isZero();
        assertThat(out.toString()).contains("association shut down gracefully");
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--pr", "sometimes")).isEqualTo(2);
        assertThat(err.toString()).contains("--pr");
    }

    @Test
    void theDemoRunsWithAuthAndAKeyAndRejectsAMalformedKey() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--auth", "--auth-key",
                "00112233445566778899aabbccddeeff")).isZero();
        assertThat(out.toString()).contains("association shut down gracefully");
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--auth-key", "xyz"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--auth-key");
    }
}

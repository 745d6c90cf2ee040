package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command lines of the examples jar shown in README.md, docs/*.md and docs/guide/*.md are a
 * public interface (scripts copy them): each must still parse with the jar's picocli commands, so
 * a renamed subcommand or flag, or a value of the wrong type, fails the build instead of the reader.
 * The lines are parsed ({@link CommandLine#parseArgs}), never run.
 *
 * <p>Checked: every line of {@code sh}, {@code bash}, {@code shell} and {@code console} blocks (in
 * {@code console}, the lines after a {@code $ } prompt), the lines of plain fenced blocks that start
 * with {@code java -jar}, and inline code spans of the prose that contain {@code java -jar}. An
 * invocation is {@code java -jar examples/target/sctp-examples.jar ARGS} anywhere in a line (after
 * {@code |}, {@code &&}, {@code ip netns exec ...}); ARGS end at the first control or redirection
 * operator ({@code & | ; > 2>&1}).
 */
class DocumentedCommandLinesTest {

    static final String JAR = "examples/target/sctp-examples.jar";

    private static final Set<String> SHELL_LANGUAGES = Set.of("sh", "bash", "shell", "console");

    /** A placeholder of the docs: a word in capitals (FREEBSD_HOST, SERVER, ADDR, HEX). */
    private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z0-9_]*[A-Z0-9]");

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");

    private static final Pattern BENCH_SCRIPT = Pattern.compile("bench/[A-Za-z0-9_./-]+\\.sh");

    /** One invocation of the jar found in a doc. */
    record Invocation(String where, String text, String jar, List<String> args) {
    }

    @Test
    void everyDocumentedCommandLineOfTheExamplesJarParses() {
        List<Invocation> invocations = invocations(MarkdownBlocks.root());
        List<String> broken = new ArrayList<>();
        for (Invocation invocation : invocations) {
            String problem = problem(invocation);
            if (problem != null) {
                broken.add(invocation.where() + ": " + invocation.text().strip() + "\n    -> " + problem);
            }
        }
        System.out.println("DocumentedCommandLinesTest: " + invocations.size() + " command lines of " + JAR
                + " checked in the docs");
        assertThat(broken).as("documented command lines that do not parse").isEmpty();
        assertThat(invocations).as("command lines found (the check must not pass vacuously)").hasSizeGreaterThan(10);
    }

    @Test
    void aRenamedFlagOrSubcommandOrABadValueIsReported() {
        assertThat(problem(new Invocation("t", "", JAR, List.of("tsctp", "--zero-checksum", "-n", "10", "127.0.0.1"))))
                .isNull();
        assertThat(problem(new Invocation("t", "", JAR, List.of("tsctp", "--zero-checksums", "127.0.0.1"))))
                .contains("--zero-checksums");
        assertThat(problem(new Invocation("t", "", JAR, List.of("echo-serve", "21001")))).contains("echo-serve");
        assertThat(problem(new Invocation("t", "", JAR, List.of("client", "127.0.0.1", "seven")))).contains("seven");
        assertThat(problem(new Invocation("t", "", "jsctp-examples.jar", List.of("demo")))).contains(JAR);
    }

    @Test
    void invocationsAreFoundInPipelinesContinuationsAndBackgroundJobs() {
        List<String> lines = List.of(
                "KEY=00ff",
                "printf 'a\\nb\\n' | java -jar " + JAR + " client 127.0.0.1 7 \\",
                "    --auth-key $KEY > /tmp/out 2>&1 &",
                "ip netns exec mh java -jar " + JAR + " echo-server \"21001\"   # a comment",
                "echo done");
        List<Invocation> found = new ArrayList<>();
        fromShellLines(lines, "d.md", 10, false, found);
        assertThat(found).extracting(Invocation::args).containsExactly(
                List.of("client", "127.0.0.1", "7", "--auth-key", "00ff"), List.of("echo-server", "21001"));
        assertThat(found).extracting(Invocation::where).containsExactly("d.md:11", "d.md:13");
    }

    @Test
    void everyBenchScriptNamedInTheDocsExistsAndIsExecutable() {
        Path root = MarkdownBlocks.root();
        Set<String> named = new TreeSet<>();
        for (Path doc : MarkdownBlocks.documents(root)) {
            for (String line : MarkdownBlocks.lines(root, doc)) {
                Matcher m = BENCH_SCRIPT.matcher(line);
                while (m.find()) {
                    named.add(m.group());
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String script : named) {
            Path p = root.resolve(script);
            if (!Files.isRegularFile(p)) {
                missing.add(script + " (no such file)");
            } else if (!Files.isExecutable(p)) {
                missing.add(script + " (not executable)");
            }
        }
        assertThat(named).as("bench scripts named").isNotEmpty();
        assertThat(missing).as("bench scripts named in the docs").isEmpty();
    }

    /** Null when the invocation parses, else why not (picocli's message). */
    static String problem(Invocation invocation) {
        if (!invocation.jar().equals(JAR)) {
            return "the jar is " + JAR + ", not " + invocation.jar();
        }
        List<String> args = invocation.args().stream().map(DocumentedCommandLinesTest::plausible).toList();
        try {
            new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
            return null;
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }

    /** A placeholder replaced by a plausible value: a port for *PORT*, hex digits for HEX and KEY, else 127.0.0.1. */
    static String plausible(String word) {
        if (!PLACEHOLDER.matcher(word).matches()) {
            return word;
        }
        if (word.contains("PORT")) {
            return "9899";
        }
        if (word.equals("HEX") || word.endsWith("KEY")) {
            return "00112233445566778899aabbccddeeff";
        }
        return "127.0.0.1";
    }

    static List<Invocation> invocations(Path root) {
        List<Invocation> found = new ArrayList<>();
        for (Path doc : MarkdownBlocks.documents(root)) {
            for (MarkdownBlocks.Block block : MarkdownBlocks.blocks(root, doc)) {
                String language = block.language();
                if (SHELL_LANGUAGES.contains(language)) {
                    List<String> lines = block.lines();
                    if (language.equals("console")) {
                        lines = lines.stream().map(l -> l.startsWith("$ ") ? l.substring(2) : "").toList();
                    }
                    fromShellLines(lines, doc.toString(), block.firstLine(), false, found);
                } else if (language.isEmpty()) {
                    fromShellLines(block.lines(), doc.toString(), block.firstLine(), true, found);
                }
            }
            fromInlineCode(MarkdownBlocks.prose(root, doc), found);
        }
        return found;
    }

    /**
     * The invocations in the lines of one block; {@code NAME=value} lines set variables for the
     * lines after them. With {@code onlyJavaLines}, only lines starting with {@code java -jar}.
     */
    static void fromShellLines(List<String> lines, String doc, int firstLine, boolean onlyJavaLines,
            List<Invocation> found) {
        Map<String, String> variables = new HashMap<>();
        List<Integer> starts = new ArrayList<>();
        List<String> logical = ShellWords.logicalLines(lines, starts);
        for (int i = 0; i < logical.size(); i++) {
            String line = logical.get(i);
            if (onlyJavaLines && !line.strip().startsWith("java -jar ")) {
                continue;
            }
            List<ShellWords.Token> tokens = ShellWords.split(line, variables);
            if (assignments(tokens, variables)) {
                continue;
            }
            find(tokens, doc + ":" + (firstLine + starts.get(i)), line, found);
        }
    }

    /** Code spans of the prose containing {@code java -jar}; a span may run over several lines. */
    private static void fromInlineCode(List<MarkdownBlocks.ProseLine> prose, List<Invocation> found) {
        StringBuilder text = new StringBuilder();
        List<Integer> lineAt = new ArrayList<>();
        for (MarkdownBlocks.ProseLine line : prose) {
            for (int k = 0; k <= line.text().length(); k++) {
                lineAt.add(line.line());
            }
            text.append(line.text()).append('\n');
        }
        Matcher m = INLINE_CODE.matcher(text);
        while (m.find()) {
            String code = m.group(1).replace('\n', ' ');
            if (code.contains("java -jar ")) {
                String where = prose.get(0).doc() + ":" + lineAt.get(m.start());
                find(ShellWords.split(code, Map.of()), where, code, found);
            }
        }
    }

    /** True (and the variables set) when the line's words are all {@code NAME=value} (optionally after export). */
    private static boolean assignments(List<ShellWords.Token> tokens, Map<String, String> variables) {
        Map<String, String> set = new HashMap<>();
        for (ShellWords.Token token : tokens) {
            if (token.operator() || token.text().equals("export")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(token.text());
            if (!m.matches()) {
                return false;
            }
            set.put(m.group(1), m.group(2));
        }
        variables.putAll(set);
        return !set.isEmpty();
    }

    private static void find(List<ShellWords.Token> tokens, String where, String line, List<Invocation> found) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (isWord(tokens.get(i), "java") && isWord(tokens.get(i + 1), "-jar")
                    && !tokens.get(i + 2).operator() && tokens.get(i + 2).text().endsWith("sctp-examples.jar")) {
                List<String> args = new ArrayList<>();
                int j = i + 3;
                while (j < tokens.size() && !tokens.get(j).operator()) {
                    args.add(tokens.get(j++).text());
                }
                found.add(new Invocation(where, line, tokens.get(i + 2).text(), List.copyOf(args)));
                i = j - 1;
            }
        }
    }

    private static boolean isWord(ShellWords.Token token, String text) {
        return !token.operator() && token.text().equals(text);
    }
}

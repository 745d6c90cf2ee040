package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```c} block of README.md, docs/*.md and docs/guide/*.md compiles
 * ({@code gcc -fsyntax-only -Wall -Werror} against usrsctp's header), so a C example that no longer
 * builds fails the build. A full program (it has {@code main(}) is compiled as it is. A fragment
 * is compiled inside a function body, after the headers and declarations of the wrapper its doc
 * names with a {@code <!-- c-fragment: NAME -->} line before the block ({@link #WRAPPERS}). A
 * {@code #line} directive makes gcc report the doc's own file and line. Skipped where gcc or
 * /usr/include/usrsctp.h is missing (.ci/run installs libusrsctp-dev).
 */
class DocumentedCBlocksTest {

    private static final Path USRSCTP_H = Path.of("/usr/include/usrsctp.h");

    private static final String HEADERS = String.join("\n",
            "#include <arpa/inet.h>", "#include <err.h>", "#include <netinet/in.h>", "#include <stdio.h>",
            "#include <stdlib.h>", "#include <string.h>", "#include <sys/socket.h>", "#include <unistd.h>",
            "#include <usrsctp.h>", "");

    /**
     * The declarations a fragment may use without declaring them, by marker name. Each wrapper has
     * {@link #HEADERS} (usrsctp.h for the SCTP structures and constants, which are those of
     * {@code <netinet/sctp.h>}, and the usual libc headers).
     */
    static final Map<String, String> WRAPPERS = Map.of(
            // A kernel SCTP socket (FreeBSD, Linux): the plain socket calls on a file descriptor.
            "kernel-socket", "int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);\n",
            // A usrsctp socket.
            "usrsctp-socket", "struct socket *s = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL);\n");

    @Test
    void everyCBlockOfTheDocsCompiles() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isRegularFile(USRSCTP_H), "no " + USRSCTP_H + " (libusrsctp-dev)");
        Assumptions.assumeTrue(gccRuns(), "no gcc");
        Path root = MarkdownBlocks.root();
        Path dir = Files.createDirectories(Path.of("target", "doc-c"));
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : MarkdownBlocks.documents(root)) {
            for (MarkdownBlocks.Block block : MarkdownBlocks.blocks(root, doc)) {
                if (!block.language().equals("c")) {
                    continue;
                }
                checked++;
                String source;
                try {
                    source = source(block);
                } catch (IllegalArgumentException e) {
                    broken.add(block.where(0) + ": " + e.getMessage());
                    continue;
                }
                Path file = dir.resolve("block" + checked + ".c");
                Files.writeString(file, source);
                String errors = compile(file);
                if (errors != null) {
                    broken.add(block.where(0) + ":\n" + errors);
                }
            }
        }
        System.out.println("DocumentedCBlocksTest: " + checked + " C blocks compiled");
        assertThat(broken).as("C blocks of the docs that do not compile").isEmpty();
        assertThat(checked).as("C blocks found (the check must not pass vacuously)").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFragmentIsWrappedInAFunctionAfterItsDeclarationsAndABrokenOneIsReported() throws Exception {
        MarkdownBlocks.Block fragment = new MarkdownBlocks.Block(Path.of("d.md"), 7, "c",
                List.of("close(fd);"), "kernel-socket");
        assertThat(source(fragment)).contains("int fd = socket(", "#line 7 \"d.md\"\nclose(fd);\n}");
        MarkdownBlocks.Block unmarked = new MarkdownBlocks.Block(Path.of("d.md"), 7, "c", List.of("close(fd);"), "");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> source(unmarked))
                .hasMessageContaining("c-fragment");

        Assumptions.assumeTrue(Files.isRegularFile(USRSCTP_H) && gccRuns(), "no gcc or usrsctp.h");
        Path dir = Files.createDirectories(Path.of("target", "doc-c"));
        Path ok = dir.resolve("selftest-ok.c");
        Files.writeString(ok, source(fragment));
        assertThat(compile(ok)).isNull();
        Path bad = dir.resolve("selftest-bad.c");
        Files.writeString(bad, source(new MarkdownBlocks.Block(Path.of("d.md"), 7, "c",
                List.of("close(fd, 1);"), "kernel-socket")));
        assertThat(compile(bad)).contains("d.md:7");
    }

    /** The translation unit gcc checks for a block. */
    static String source(MarkdownBlocks.Block block) {
        String body = String.join("\n", block.lines()) + "\n";
        String line = "#line " + block.firstLine() + " \"" + block.doc() + "\"\n";
        if (body.contains("main(")) {
            return line + body;
        }
        String wrapper = WRAPPERS.get(block.marker());
        if (wrapper == null) {
            throw new IllegalArgumentException("a C fragment needs a <!-- c-fragment: NAME --> line before it, NAME one of "
                    + WRAPPERS.keySet() + (block.marker().isEmpty() ? "" : " (not " + block.marker() + ")"));
        }
        return HEADERS + "void doc_fragment(void);\nvoid doc_fragment(void) {\n" + wrapper + line + body + "}\n";
    }

    /** Null when gcc accepts the file, else its messages. */
    private static String compile(Path file) throws IOException, InterruptedException {
        Process gcc = new ProcessBuilder("gcc", "-fsyntax-only", "-Wall", "-Werror", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(60, TimeUnit.SECONDS)) {
            gcc.destroyForcibly();
            return "gcc did not finish";
        }
        return gcc.exitValue() == 0 ? null : out;
    }

    private static boolean gccRuns() {
        try {
            Process gcc = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            gcc.getInputStream().readAllBytes();
            return gcc.waitFor(60, TimeUnit.SECONDS) && gcc.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package org.jsctp.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced code blocks and the prose of the repository's Markdown documents (README.md, docs/*.md,
 * docs/guide/*.md), with the line numbers the tests report.
 */
final class MarkdownBlocks {

    /** A fenced block: its document, the line of its first content line, its info string, its lines. */
    record Block(Path doc, int firstLine, String info, List<String> lines, String marker) {

        /** The first word of the info string ({@code sh}, {@code c}, ...; empty for a plain fence). */
        String language() {
            String trimmed = info.strip();
            int space = trimmed.indexOf(' ');
            return space < 0 ? trimmed : trimmed.substring(0, space);
        }

        String where(int index) {
            return doc + ":" + (firstLine + index);
        }
    }

    /** A line of prose outside the fenced blocks. */
    record ProseLine(Path doc, int line, String text) {
    }

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,})(.*)$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*c-fragment:\\s*(\\S+)\\s*-->\\s*$");

    private MarkdownBlocks() {
    }

    /** The repository root: the first directory from the working directory upwards holding docs/guide and README.md. */
    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs/guide")) && Files.isRegularFile(p.resolve("README.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (docs/guide, README.md) at or above " + Path.of("").toAbsolutePath());
    }

    /** README.md, docs/*.md and docs/guide/*.md, relative to the root, sorted. */
    static List<Path> documents(Path root) {
        List<Path> docs = new ArrayList<>();
        docs.add(Path.of("README.md"));
        for (String dir : new String[] {"docs", "docs/guide"}) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted()
                        .forEach(p -> docs.add(root.relativize(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return docs;
    }

    static List<String> lines(Path root, Path doc) {
        try {
            return List.of(Files.readString(root.resolve(doc)).replace("\r\n", "\n").split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fenced blocks of a document. A block opened with N backticks is closed by a line of at
     * least N backticks alone, so a ````text block may show a ```java one. {@code marker} is the
     * name of a {@code <!-- c-fragment: NAME -->} comment on the last non-blank line before the
     * block, or empty.
     */
    static List<Block> blocks(Path root, Path doc) {
        List<String> lines = lines(root, doc);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int ticks = open.group(1).length();
            String info = open.group(2);
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !closes(lines.get(end), ticks)) {
                end++;
            }
            blocks.add(new Block(doc, start + 1, info, List.copyOf(lines.subList(start, end)), markerBefore(lines, i)));
            i = end;
        }
        return blocks;
    }

    /** The lines of a document outside its fenced blocks. */
    static List<ProseLine> prose(Path root, Path doc) {
        List<String> lines = lines(root, doc);
        List<ProseLine> prose = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (open.matches()) {
                int ticks = open.group(1).length();
                i++;
                while (i < lines.size() && !closes(lines.get(i), ticks)) {
                    i++;
                }
                continue;
            }
            prose.add(new ProseLine(doc, i + 1, lines.get(i)));
        }
        return prose;
    }

    private static boolean closes(String line, int ticks) {
        String t = line.strip();
        return t.length() >= ticks && t.chars().allMatch(c -> c == '`');
    }

    private static String markerBefore(List<String> lines, int fence) {
        for (int j = fence - 1; j >= 0; j--) {
            if (!lines.get(j).isBlank()) {
                Matcher m = MARKER.matcher(lines.get(j));
                return m.matches() ? m.group(1) : "";
            }
        }
        return "";
    }
}

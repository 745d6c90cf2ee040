package org.jsctp.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the guide's Java code blocks against the example sources: each ```java block of a
 * Markdown file must follow a marker line {@code <!-- snippet: File.java#name -->} and equal the
 * region between {@code // tag::name[]} and {@code // end::name[]} of that file, both with their
 * common indentation and trailing blanks removed.
 */
final class Snippets {

    static final Pattern MARKER = Pattern.compile("<!--\\s*snippet:\\s*([\\w.$-]+\\.java)#([\\w-]+)\\s*-->");
    private static final Pattern TAG = Pattern.compile("^\\s*// tag::([\\w-]+)\\[]\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// end::([\\w-]+)\\[]\\s*$");

    /** One ```java block of a Markdown file, with the marker before it (null when missing). */
    record Block(String doc, int line, String file, String tag, String text) {
        String where() {
            return doc + ":" + line;
        }
    }

    private Snippets() {
    }

    /**
     * The Java blocks of a Markdown text, in order: fenced blocks whose info string is
     * {@code java}. A fence of n backticks ends at a line of at least n backticks, so a longer
     * fence can show a Java block as text without it counting.
     */
    static List<Block> blocks(String doc, String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        String lastNonBlank = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int ticks = line.length() - line.replaceFirst("^`+", "").length();
            if (ticks >= 3) {
                String info = line.substring(ticks).strip();
                int end = i + 1;
                while (end < lines.length && !closes(lines[end].strip(), ticks)) {
                    end++;
                }
                if (info.equals("java")) {
                    Matcher m = MARKER.matcher(lastNonBlank);
                    String body = String.join("\n", List.of(lines).subList(i + 1, Math.min(end, lines.length)));
                    blocks.add(m.matches() ? new Block(doc, i + 1, m.group(1), m.group(2), body)
                            : new Block(doc, i + 1, null, null, body));
                }
                i = end;
                lastNonBlank = "";
            } else if (!line.isEmpty()) {
                lastNonBlank = line;
            }
        }
        return blocks;
    }

    private static boolean closes(String line, int ticks) {
        return line.length() >= ticks && line.chars().allMatch(c -> c == '`');
    }

    /**
     * The tagged regions of a Java source, by name. A region may be opened again after its end:
     * the pieces are joined with their indentation as in the source, so lines the guide should not
     * show (a test's bookkeeping) can sit between them. A tag opened twice or an end without its
     * tag is an error.
     */
    static Map<String, String> regions(String file, String source) {
        Map<String, List<List<String>>> regions = new LinkedHashMap<>();
        java.util.Set<String> open = new java.util.LinkedHashSet<>();
        for (String line : source.split("\n", -1)) {
            Matcher t = TAG.matcher(line);
            Matcher e = END.matcher(line);
            if (t.matches()) {
                if (!open.add(t.group(1))) {
                    throw new IllegalArgumentException(file + ": tag::" + t.group(1) + "[] opened twice");
                }
                regions.computeIfAbsent(t.group(1), k -> new ArrayList<>()).add(new ArrayList<>());
            } else if (e.matches()) {
                if (!open.remove(e.group(1))) {
                    throw new IllegalArgumentException(file + ": end::" + e.group(1) + "[] without its tag");
                }
            } else {
                for (String name : open) { // nested: the outer one holds the inner text
                    List<List<String>> pieces = regions.get(name);
                    pieces.get(pieces.size() - 1).add(line);
                }
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException(file + ": tag without end: " + open);
        }
        Map<String, String> joined = new LinkedHashMap<>();
        regions.forEach((name, pieces) -> joined.put(name, String.join("\n",
                pieces.stream().map(piece -> String.join("\n", piece)).toList())));
        return joined;
    }

    /** The text without its leading and trailing blank lines, common indentation and trailing blanks. */
    static String normalize(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.replaceAll(String::stripTrailing);
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream().filter(l -> !l.isEmpty()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        lines.replaceAll(l -> l.isEmpty() ? l : l.substring(indent));
        return String.join("\n", lines);
    }

    /**
     * What is wrong with the blocks, one line each (empty when they are all current): blocks
     * without a marker, unknown files or tags, and blocks that differ from their region.
     *
     * @param sources the example sources by file name
     */
    static List<String> problems(List<Block> blocks, Map<String, String> sources) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, String>> regionsByFile = new LinkedHashMap<>();
        sources.forEach((file, source) -> regionsByFile.put(file, regions(file, source)));
        for (Block b : blocks) {
            if (b.file() == null) {
                problems.add(b.where() + ": a java block without a <!-- snippet: File.java#tag --> line before it");
                continue;
            }
            Map<String, String> regions = regionsByFile.get(b.file());
            if (regions == null) {
                problems.add(b.where() + ": no example source " + b.file());
            } else if (!regions.containsKey(b.tag())) {
                problems.add(b.where() + ": " + b.file() + " has no region tag::" + b.tag() + "[]");
            } else if (!normalize(regions.get(b.tag())).equals(normalize(b.text()))) {
                problems.add(b.where() + ": stale, differs from " + b.file() + "#" + b.tag() + "; it should read:\n"
                        + normalize(regions.get(b.tag())));
            }
        }
        return problems;
    }

    /** The regions no block shows, as File.java#tag. */
    static List<String> unshown(List<Block> blocks, Map<String, String> sources) {
        List<String> unshown = new ArrayList<>();
        sources.forEach((file, source) -> regions(file, source).keySet().forEach(tag -> {
            if (blocks.stream().noneMatch(b -> file.equals(b.file()) && tag.equals(b.tag()))) {
                unshown.add(file + "#" + tag);
            }
        }));
        return unshown;
    }

    /** The nearest directory {@code relative} from {@code start} or one of its parents. */
    static Path find(Path start, String relative) {
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(relative))) {
                return p.resolve(relative);
            }
        }
        throw new IllegalStateException("no " + relative + " in " + start.toAbsolutePath() + " or above");
    }

    static String read(Path p) {
        try {
            return Files.readString(p).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

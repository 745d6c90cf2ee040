package org.jsctp.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every relative link of the guide leads to a file of the repository, and to a heading of it when it names one. */
class GuideLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("(?s)(`{3,}).*?\\1");

    @Test
    void everyRelativeLinkAndAnchorOfTheGuideExists() throws IOException {
        Path guide = Snippets.find(Path.of(""), "docs/guide");
        List<String> broken = new ArrayList<>();
        try (Stream<Path> docs = Files.list(guide)) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = LINK.matcher(FENCE.matcher(Snippets.read(doc)).replaceAll(""));
                while (m.find()) {
                    String link = m.group(1);
                    if (link.matches("^[a-z]+:.*")) {
                        continue; // http(s), mailto: not checked here
                    }
                    String file = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
                    String anchor = link.contains("#") ? link.substring(link.indexOf('#') + 1) : "";
                    Path target = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                    if (!Files.exists(target)) {
                        broken.add(doc.getFileName() + ": " + link + " (no such file)");
                    } else if (!anchor.isEmpty() && target.toString().endsWith(".md")
                            && !anchors(Snippets.read(target)).contains(anchor)) {
                        broken.add(doc.getFileName() + ": " + link + " (no such heading)");
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void headingsBecomeGitHubStyleAnchors() {
        assertThat(anchors("# Partial reliability (PR-SCTP)\n## CMT: concurrent multipath transfer\n"))
                .containsExactlyInAnyOrder("partial-reliability-pr-sctp", "cmt-concurrent-multipath-transfer");
    }

    /** The anchors GitHub gives a Markdown text's headings (outside code blocks). */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        for (String line : FENCE.matcher(markdown).replaceAll("").split("\n")) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}

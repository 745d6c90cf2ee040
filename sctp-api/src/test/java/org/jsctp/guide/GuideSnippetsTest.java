package org.jsctp.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of docs/guide/*.md is a tagged region of an example source in this package,
 * word for word, so the guide shows only code the build compiles and the tests run.
 */
class GuideSnippetsTest {

    private static final String SOURCES = "src/test/java/org/jsctp/guide";

    @Test
    void everyJavaBlockOfTheGuideIsTheTaggedRegionOfAnExampleAndEveryRegionIsShown() throws IOException {
        Path sourceDir = Snippets.find(Path.of(""), SOURCES);
        Path guide = Snippets.find(sourceDir, "docs/guide");
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.list(sourceDir)) {
            files.filter(p -> p.toString().endsWith(".java") && !p.toString().endsWith("Test.java")) // the examples
                    .forEach(p -> sources.put(p.getFileName().toString(), Snippets.read(p)));
        }
        List<Snippets.Block> blocks = new ArrayList<>();
        try (Stream<Path> docs = Files.list(guide)) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted()
                    .forEach(p -> blocks.addAll(Snippets.blocks("docs/guide/" + p.getFileName(), Snippets.read(p))));
        }

        assertThat(blocks).as("java blocks in %s", guide).hasSizeGreaterThan(20);
        assertThat(Snippets.problems(blocks, sources)).as("guide blocks that are not their example's region")
                .isEmpty();
        assertThat(Snippets.unshown(blocks, sources)).as("tagged regions the guide does not show").isEmpty();
    }

    @Test
    void aStaleBlockAnUnmarkedBlockAndAnUnknownTagAreEachReported() {
        String source = """
                class X {
                    void f() {
                        // tag::call[]
                        g(1);
                        // end::call[]
                    }
                }
                """;
        String doc = """
                Text.

                <!-- snippet: X.java#call -->
                ```java
                g(1);
                ```

                <!-- snippet: X.java#call -->
                ```java
                g(2);
                ```

                ```java
                h();
                ```

                <!-- snippet: X.java#other -->
                ```java
                g(1);
                ```
                """;
        List<Snippets.Block> blocks = Snippets.blocks("d.md", doc);

        List<String> problems = Snippets.problems(blocks, Map.of("X.java", source));

        assertThat(blocks).hasSize(4);
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("d.md:9: stale").contains("g(1);");
        assertThat(problems.get(1)).startsWith("d.md:13: a java block without");
        assertThat(problems.get(2)).startsWith("d.md:18: X.java has no region tag::other[]");
        assertThat(Snippets.unshown(blocks.subList(1, 2), Map.of("X.java", source))).isEmpty();
        assertThat(Snippets.unshown(List.of(), Map.of("X.java", source))).containsExactly("X.java#call");
    }

    @Test
    void aJavaBlockShownInsideALongerFenceIsNotChecked() {
        String doc = """
                ````text
                ```java
                stale();
                ```
                ````

                ```sh
                echo
                ```
                """;
        assertThat(Snippets.blocks("d.md", doc)).isEmpty();
    }

    @Test
    void aRegionOpenedAgainJoinsItsPiecesWithTheirIndentation() {
        String source = """
                    // tag::r[]
                    for (int i = 0; i < 3; i++) {
                        use(i);
                        // end::r[]
                        count(i);
                        // tag::r[]
                    }
                    // end::r[]
                """;
        assertThat(Snippets.regions("Z.java", source).get("r")).isEqualTo(
                "    for (int i = 0; i < 3; i++) {\n        use(i);\n    }");
        assertThat(Snippets.normalize(Snippets.regions("Z.java", source).get("r")))
                .isEqualTo("for (int i = 0; i < 3; i++) {\n    use(i);\n}");
    }

    @Test
    void theGuideGivesTheVersionOfTheRootPom() throws IOException {
        Path root = Snippets.find(Path.of(""), "docs/guide").getParent().getParent();
        String pom = Snippets.read(root.resolve("pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<artifactId>jsctp-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).as("the root pom's version").isTrue();
        assertThat(Snippets.read(root.resolve("docs/guide/getting-started.md")))
                .contains("<groupId>org.jsctp</groupId>", "<artifactId>sctp-api</artifactId>",
                        "<version>" + m.group(1) + "</version>");
    }

    @Test
    void regionsIgnoreIndentationAndRejectUnclosedTags() {
        assertThat(Snippets.normalize("\n        a\n          b  \n\n")).isEqualTo("a\n  b");
        assertThatThrownBy(() -> Snippets.regions("Y.java", "// tag::a[]\nx\n")).hasMessageContaining("without end");
        assertThatThrownBy(() -> Snippets.regions("Y.java", "x\n// end::a[]\n")).hasMessageContaining("without its tag");
    }
}

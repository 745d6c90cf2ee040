package org.jsctp.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ShellWords} splits the docs' command lines as a POSIX shell would. */
class ShellWordsTest {

    private static List<String> texts(String line, Map<String, String> variables) {
        return ShellWords.split(line, variables).stream().map(t -> t.operator() ? "<" + t.text() + ">" : t.text()).toList();
    }

    @Test
    void quotesEscapesAndCommentsAreRemoved() {
        assertThat(texts("a 'b c' \"d \\\"e\\\"\" f\\ g # h i", Map.of())).containsExactly("a", "b c", "d \"e\"", "f g");
        assertThat(texts("x#y", Map.of())).containsExactly("x#y");
    }

    @Test
    void operatorsAndRedirectionsAreTokensOfTheirOwn() {
        assertThat(texts("a|b && c > f 2>&1 &", Map.of()))
                .containsExactly("a", "<|>", "b", "<&&>", "c", "<>>", "f", "<>&>", "1", "<&>");
        assertThat(texts("(sleep 1; echo x) | y", Map.of()))
                .containsExactly("<(>", "sleep", "1", "<;>", "echo", "x", "<)>", "<|>", "y");
    }

    @Test
    void knownVariablesAreExpandedOthersLeftAsWritten() {
        assertThat(texts("--auth-key $KEY \"${KEY}\" '$KEY' $OTHER", Map.of("KEY", "00ff")))
                .containsExactly("--auth-key", "00ff", "00ff", "$KEY", "$OTHER");
    }

    @Test
    void continuationLinesAreJoinedAndStartWhereTheyBegan() {
        List<Integer> starts = new ArrayList<>();
        assertThat(ShellWords.logicalLines(List.of("a \\", "  b", "c"), starts)).containsExactly("a    b", "c");
        assertThat(starts).containsExactly(0, 2);
    }

    @Test
    void anUnterminatedQuoteIsAClearError() {
        assertThatThrownBy(() -> ShellWords.split("echo 'x", Map.of())).hasMessageContaining("unterminated");
    }
}

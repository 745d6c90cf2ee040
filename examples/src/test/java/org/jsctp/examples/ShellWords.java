package org.jsctp.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a shell command line into words and control operators the way a POSIX shell would for
 * the simple lines of the docs: single and double quotes, backslash escapes, {@code #} comments,
 * {@code $NAME} and {@code ${NAME}} from given variables (others are left as written), and the
 * operators {@code | || & && ; ( ) < > >> >&} with an optional file-descriptor number before a
 * redirection ({@code 2>&1}). No globbing, no command substitution.
 */
final class ShellWords {

    /** A word (quotes removed) or a control/redirection operator. */
    record Token(String text, boolean operator) {
        static Token word(String text) {
            return new Token(text, false);
        }

        static Token op(String text) {
            return new Token(text, true);
        }
    }

    private ShellWords() {
    }

    /**
     * Joins the lines ending in a backslash with the next (a line continuation).
     *
     * @return for each logical line, its text; {@code starts} receives the index of its first physical line
     */
    static List<String> logicalLines(List<String> lines, List<Integer> starts) {
        List<String> logical = new ArrayList<>();
        StringBuilder current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (current == null) {
                current = new StringBuilder();
                starts.add(i);
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            logical.add(current.toString());
            current = null;
        }
        if (current != null) {
            logical.add(current.toString());
        }
        return logical;
    }

    /** The tokens of one logical line. */
    static List<Token> split(String line, Map<String, String> variables) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    tokens.add(Token.word(word.toString()));
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '#' && !inWord) {
                break; // a comment to the end of the line
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated ' in: " + line);
                }
                word.append(line, i + 1, close);
                inWord = true;
                i = close + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word, variables);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 < line.length()) {
                    word.append(line.charAt(i + 1));
                }
                inWord = true;
                i += 2;
            } else if (c == '$') {
                i = variable(line, i, word, variables);
                inWord = true;
            } else if ("|&;()<>".indexOf(c) >= 0) {
                if (inWord && (c == '<' || c == '>') && word.toString().chars().allMatch(Character::isDigit)) {
                    word.setLength(0); // the file descriptor of a redirection: 2>&1, 2>file
                } else if (inWord) {
                    tokens.add(Token.word(word.toString()));
                    word.setLength(0);
                }
                inWord = false;
                int end = operatorEnd(line, i);
                tokens.add(Token.op(line.substring(i, end)));
                i = end;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            tokens.add(Token.word(word.toString()));
        }
        return tokens;
    }

    private static int operatorEnd(String line, int i) {
        String rest = line.substring(i);
        for (String op : new String[] {"||", "&&", ">>", ">&", "<&"}) {
            if (rest.startsWith(op)) {
                return i + 2;
            }
        }
        return i + 1;
    }

    private static int doubleQuoted(String line, int i, StringBuilder word, Map<String, String> variables) {
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                i = variable(line, i, word, variables);
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated \" in: " + line);
    }

    /** Expands {@code $NAME} or {@code ${NAME}} at {@code i}; an unknown name stays as written. */
    private static int variable(String line, int i, StringBuilder word, Map<String, String> variables) {
        boolean braced = i + 1 < line.length() && line.charAt(i + 1) == '{';
        int start = braced ? i + 2 : i + 1;
        int end = start;
        while (end < line.length() && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
            end++;
        }
        String name = line.substring(start, end);
        if (braced && (end >= line.length() || line.charAt(end) != '}')) {
            word.append('$');
            return i + 1;
        }
        int next = braced ? end + 1 : end;
        if (name.isEmpty() || !variables.containsKey(name)) {
            word.append(line, i, next);
        } else {
            word.append(variables.get(name));
        }
        return next;
    }
}

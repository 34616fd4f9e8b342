package io.ferry.genlog;

import java.util.Set;

/**
 * Normalises a statement to its fingerprint, as {@code pt-query-digest} does, so that statements differing only
 * in their values group together: string and number literals (and NULL) become {@code ?}, lists of literals
 * after IN and VALUES fold to {@code in(?+)} and {@code values(?+)}, {@code limit ?, ?} to {@code limit ?},
 * comments go, words are lower-cased and white space is folded; tokens are re-spaced one way ({@code id=1} and
 * {@code id = 1} give {@code id = ?}). One pass over the characters, no regular expressions: the digest must
 * fingerprint hundreds of thousands of rows a second on one core. Not thread-safe (reuses a buffer).
 */
public final class Fingerprint {
    private static final Set<String> SPACED_BEFORE_PAREN = Set.of("and", "or", "not", "from", "join", "on", "where",
            "select", "exists", "as", "when", "then", "else", "union", "all", "by", "set", "into", "having", "using",
            "is", "like", "between", "case", "distinct", "straight_join", "table", "update", "delete", "with", "in");

    private enum Prev { NONE, WORD, OPEN, CLOSE, COMMA, DOT, OP }

    private final StringBuilder out = new StringBuilder(256);
    private String s;
    private int n;
    private Prev prev;
    private int lastWordStart;

    /** The fingerprint of {@code statement}. */
    public String of(String statement) {
        s = statement;
        n = statement.length();
        out.setLength(0);
        prev = Prev.NONE;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c <= ' ') {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                i = skipBlockComment(i);
            } else if ((c == '-' && i + 1 < n && s.charAt(i + 1) == '-' && (i + 2 >= n || s.charAt(i + 2) <= ' ')) || c == '#') {
                i = skipLine(i);
            } else if (c == '\'' || c == '"') {
                i = skipString(i);
                word("?");
            } else if (c == '`') {
                int end = s.indexOf('`', i + 1);
                end = end < 0 ? n : end + 1;
                token(Prev.WORD);
                out.append(s, i, end);
                i = end;
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)) && prev != Prev.WORD)
                    || ((c == '-' || c == '+') && i + 1 < n && isDigit(s.charAt(i + 1)) && signAllowed())) {
                int end = numberEnd(c == '-' || c == '+' ? i + 1 : i);
                if (end < n && isWordChar(s.charAt(end))) { // 1abc is an identifier
                    i = wordToken(i);
                } else {
                    word("?");
                    i = end;
                }
            } else if (isWordStart(c)) {
                i = wordToken(i);
            } else if (c == '(') {
                boolean glue = prev == Prev.WORD && !SPACED_BEFORE_PAREN.contains(lastWord());
                if (glue) {
                    out.append('(');
                    prev = Prev.OPEN;
                } else {
                    token(Prev.OPEN);
                    out.append('(');
                }
                i++;
            } else if (c == ')' || c == ',' || c == ';' || c == '.') {
                out.append(c);
                prev = c == ')' ? Prev.CLOSE : c == ',' ? Prev.COMMA : c == '.' ? Prev.DOT : Prev.OP;
                i++;
            } else {
                int end = i + 1;
                while (end < n && isOperatorChar(s.charAt(end))) {
                    end++;
                }
                token(Prev.OP);
                out.append(s, i, end);
                i = end;
            }
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ';') {
            out.setLength(len - 1);
        }
        if (out.length() > 4 && out.charAt(0) == 'u' && out.indexOf("use ") == 0) {
            return "use ?";
        }
        return out.toString();
    }

    private int wordToken(int i) {
        int end = i + 1;
        while (end < n && isWordChar(s.charAt(end))) {
            end++;
        }
        token(Prev.WORD);
        lastWordStart = out.length();
        for (int k = i; k < end; k++) {
            char ch = s.charAt(k);
            out.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
        int wordLen = end - i;
        if (wordLen == 4 && endsWithWord("null")) {
            out.setLength(lastWordStart);
            out.append('?');
        } else if (wordLen == 2 && endsWithWord("in")) {
            int after = literalGroup(end);
            if (after > 0) {
                out.append("(?+)");
                prev = Prev.CLOSE;
                return after;
            }
        } else if ((wordLen == 6 && endsWithWord("values")) || (wordLen == 5 && endsWithWord("value"))) {
            int after = literalGroups(end);
            if (after > 0) {
                out.setLength(lastWordStart);
                out.append("values(?+)");
                prev = Prev.CLOSE;
                return after;
            }
        } else if (wordLen == 5 && endsWithWord("limit")) {
            int after = limitArguments(end);
            if (after > 0) {
                out.append(" ?");
                prev = Prev.WORD;
                return after;
            }
        }
        return end;
    }

    private boolean endsWithWord(String w) {
        int len = out.length();
        return len - lastWordStart == w.length() && out.indexOf(w, lastWordStart) == lastWordStart;
    }

    private String lastWord() {
        return out.substring(lastWordStart);
    }

    /** Emits the separator a token of this kind needs after the previous one. */
    private void token(Prev kind) {
        if (prev != Prev.NONE && prev != Prev.OPEN && prev != Prev.DOT) {
            out.append(' ');
        }
        prev = kind;
    }

    private void word(String text) {
        token(Prev.WORD);
        lastWordStart = out.length();
        out.append(text);
    }

    private boolean signAllowed() {
        return prev == Prev.NONE || prev == Prev.OPEN || prev == Prev.COMMA || prev == Prev.OP;
    }

    /** {@code ( literal, literal, ... )} from {@code i}; the index after it, or -1. */
    private int literalGroup(int i) {
        i = skipSpace(i);
        if (i >= n || s.charAt(i) != '(') {
            return -1;
        }
        i++;
        while (true) {
            i = skipSpace(i);
            int after = literal(i);
            if (after < 0) {
                return -1;
            }
            i = skipSpace(after);
            if (i >= n) {
                return -1;
            }
            char c = s.charAt(i);
            if (c == ')') {
                return i + 1;
            }
            if (c != ',') {
                return -1;
            }
            i++;
        }
    }

    /** One or more literal groups separated by commas (INSERT ... VALUES). */
    private int literalGroups(int i) {
        int end = literalGroup(i);
        if (end < 0) {
            return -1;
        }
        while (true) {
            int j = skipSpace(end);
            if (j < n && s.charAt(j) == ',') {
                int next = literalGroup(j + 1);
                if (next < 0) {
                    return -1;
                }
                end = next;
            } else {
                return end;
            }
        }
    }

    /** {@code n}, {@code n, m} or {@code n offset m} after LIMIT; the index after, or -1. */
    private int limitArguments(int i) {
        int a = number(skipSpace(i));
        if (a < 0) {
            return -1;
        }
        int j = skipSpace(a);
        if (j < n && s.charAt(j) == ',') {
            int b = number(skipSpace(j + 1));
            return b < 0 ? -1 : b;
        }
        if (j + 6 <= n && s.regionMatches(true, j, "offset", 0, 6)) {
            int b = number(skipSpace(j + 6));
            return b < 0 ? -1 : b;
        }
        return a;
    }

    private int number(int i) {
        if (i >= n) {
            return -1;
        }
        char c = s.charAt(i);
        if (c == '?') {
            return i + 1;
        }
        if (!isDigit(c)) {
            return -1;
        }
        int end = numberEnd(i);
        return end < n && isWordChar(s.charAt(end)) ? -1 : end;
    }

    /** A string, number (signed), NULL, TRUE/FALSE or placeholder at {@code i}; the index after, or -1. */
    private int literal(int i) {
        if (i >= n) {
            return -1;
        }
        char c = s.charAt(i);
        if (c == '\'' || c == '"') {
            return skipString(i);
        }
        if (c == '?') {
            return i + 1;
        }
        if (c == '-' || c == '+') {
            i = skipSpace(i + 1);
            if (i >= n) {
                return -1;
            }
            c = s.charAt(i);
        }
        if (isDigit(c) || c == '.') {
            int end = numberEnd(i);
            return end < n && isWordChar(s.charAt(end)) ? -1 : end;
        }
        for (String w : new String[]{"null", "true", "false"}) {
            if (i + w.length() <= n && s.regionMatches(true, i, w, 0, w.length())
                    && (i + w.length() == n || !isWordChar(s.charAt(i + w.length())))) {
                return i + w.length();
            }
        }
        return -1;
    }

    private int numberEnd(int i) {
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            int j = i + 2;
            while (j < n && Character.digit(s.charAt(j), 16) >= 0) {
                j++;
            }
            return j;
        }
        int j = i;
        while (j < n && isDigit(s.charAt(j))) {
            j++;
        }
        if (j < n && s.charAt(j) == '.') {
            j++;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
            }
        }
        if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            if (k < n && isDigit(s.charAt(k))) {
                j = k;
                while (j < n && isDigit(s.charAt(j))) {
                    j++;
                }
            }
        }
        return j;
    }

    private int skipString(int i) {
        char quote = s.charAt(i);
        int j = i + 1;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < n && s.charAt(j + 1) == quote) {
                    j += 2; // doubled quote inside the string
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    private int skipBlockComment(int i) {
        int end = s.indexOf("*/", i + 2);
        return end < 0 ? n : end + 2;
    }

    private int skipLine(int i) {
        int end = s.indexOf('\n', i);
        return end < 0 ? n : end + 1;
    }

    private int skipSpace(int i) {
        while (i < n) {
            char c = s.charAt(i);
            if (c <= ' ') {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                i = skipBlockComment(i);
            } else {
                return i;
            }
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c == '@' || c >= 0x80;
    }

    private static boolean isWordChar(char c) {
        return isWordStart(c) || isDigit(c);
    }

    private static boolean isOperatorChar(char c) {
        return c == '=' || c == '<' || c == '>' || c == '!' || c == '|' || c == '&' || c == ':';
    }
}

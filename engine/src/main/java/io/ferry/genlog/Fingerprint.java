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

    private static final String[] LITERAL_WORDS = {"null", "true", "false"};

    private enum Prev { NONE, WORD, OPEN, CLOSE, COMMA, DOT, OP }

    private char[] in = new char[256];
    private char[] o = new char[256];
    private int len;
    private int n;
    private Prev prev;
    private int lastWordStart;

    /** The fingerprint of {@code statement}. */
    public String of(String statement) {
        n = statement.length();
        if (in.length < n) {
            in = new char[Math.max(n, in.length * 2)];
        }
        if (o.length < 3 * n + 16) { // re-spacing at most doubles the text; folded lists only shrink it
            o = new char[Math.max(3 * n + 16, o.length * 2)];
        }
        statement.getChars(0, n, in, 0);
        len = 0;
        prev = Prev.NONE;
        int i = 0;
        while (i < n) {
            char c = in[i];
            if (c <= ' ') {
                i++;
            } else if (c == '/' && i + 1 < n && in[i + 1] == '*') {
                i = skipBlockComment(i);
            } else if ((c == '-' && i + 1 < n && in[i + 1] == '-' && (i + 2 >= n || in[i + 2] <= ' ')) || c == '#') {
                i = skipLine(i);
            } else if (c == '\'' || c == '"') {
                i = skipString(i);
                word("?");
            } else if (c == '`') {
                int end = indexOf('`', i + 1);
                end = end < 0 ? n : end + 1;
                token(Prev.WORD);
                putRange(i, end);
                i = end;
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(in[i + 1]) && prev != Prev.WORD)
                    || ((c == '-' || c == '+') && i + 1 < n && isDigit(in[i + 1]) && signAllowed())) {
                int end = numberEnd(c == '-' || c == '+' ? i + 1 : i);
                if (end < n && isWordChar(in[end])) { // 1abc is an identifier
                    i = wordToken(i);
                } else {
                    word("?");
                    i = end;
                }
            } else if (isWordStart(c)) {
                i = wordToken(i);
            } else if (c == '(') {
                boolean glue = prev == Prev.WORD && !spacedBeforeParen();
                if (glue) {
                    put('(');
                    prev = Prev.OPEN;
                } else {
                    token(Prev.OPEN);
                    put('(');
                }
                i++;
            } else if (c == ')' || c == ',' || c == ';' || c == '.') {
                put(c);
                prev = c == ')' ? Prev.CLOSE : c == ',' ? Prev.COMMA : c == '.' ? Prev.DOT : Prev.OP;
                i++;
            } else {
                int end = i + 1;
                while (end < n && isOperatorChar(in[end])) {
                    end++;
                }
                token(Prev.OP);
                putRange(i, end);
                i = end;
            }
        }
        if (len > 0 && o[len - 1] == ';') {
            len--;
        }
        if (len > 4 && o[0] == 'u' && o[1] == 's' && o[2] == 'e' && o[3] == ' ') {
            return "use ?";
        }
        return new String(o, 0, len);
    }

    private int wordToken(int i) {
        int end = i + 1;
        while (end < n && isWordChar(in[end])) {
            end++;
        }
        token(Prev.WORD);
        lastWordStart = len;
        for (int k = i; k < end; k++) {
            char ch = in[k];
            o[len++] = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
        }
        int wordLen = end - i;
        if (wordLen == 4 && endsWithWord("null")) {
            len = lastWordStart;
            put('?');
        } else if (wordLen == 2 && endsWithWord("in")) {
            int after = literalGroup(end);
            if (after > 0) {
                put("(?+)");
                prev = Prev.CLOSE;
                return after;
            }
        } else if ((wordLen == 6 && endsWithWord("values")) || (wordLen == 5 && endsWithWord("value"))) {
            int after = literalGroups(end);
            if (after > 0) {
                len = lastWordStart;
                put("values(?+)");
                prev = Prev.CLOSE;
                return after;
            }
        } else if (wordLen == 5 && endsWithWord("limit")) {
            int after = limitArguments(end);
            if (after > 0) {
                put(" ?");
                prev = Prev.WORD;
                return after;
            }
        }
        return end;
    }

    private boolean endsWithWord(String w) {
        if (len - lastWordStart != w.length()) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (o[lastWordStart + k] != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean spacedBeforeParen() {
        int wl = len - lastWordStart;
        if (wl < 2 || wl > 13) {
            return false;
        }
        return SPACED_BEFORE_PAREN.contains(new String(o, lastWordStart, wl));
    }

    private void put(char ch) {
        o[len++] = ch;
    }

    private void put(String text) {
        text.getChars(0, text.length(), o, len);
        len += text.length();
    }

    private void putRange(int from, int to) {
        System.arraycopy(in, from, o, len, to - from);
        len += to - from;
    }

    private int indexOf(char ch, int from) {
        for (int k = from; k < n; k++) {
            if (in[k] == ch) {
                return k;
            }
        }
        return -1;
    }

    /** {@code in[at..]} starts with {@code lower} (lower-case ASCII), ignoring case. */
    private boolean startsWithIgnoreCase(int at, String lower) {
        if (at + lower.length() > n) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            char ch = in[at + k];
            if ((ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Emits the separator a token of this kind needs after the previous one. */
    private void token(Prev kind) {
        if (prev != Prev.NONE && prev != Prev.OPEN && prev != Prev.DOT) {
            put(' ');
        }
        prev = kind;
    }

    private void word(String text) {
        token(Prev.WORD);
        lastWordStart = len;
        put(text);
    }

    private boolean signAllowed() {
        return prev == Prev.NONE || prev == Prev.OPEN || prev == Prev.COMMA || prev == Prev.OP;
    }

    /** {@code ( literal, literal, ... )} from {@code i}; the index after it, or -1. */
    private int literalGroup(int i) {
        i = skipSpace(i);
        if (i >= n || in[i] != '(') {
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
            char c = in[i];
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
            if (j < n && in[j] == ',') {
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
        if (j < n && in[j] == ',') {
            int b = number(skipSpace(j + 1));
            return b < 0 ? -1 : b;
        }
        if (startsWithIgnoreCase(j, "offset")) {
            int b = number(skipSpace(j + 6));
            return b < 0 ? -1 : b;
        }
        return a;
    }

    private int number(int i) {
        if (i >= n) {
            return -1;
        }
        char c = in[i];
        if (c == '?') {
            return i + 1;
        }
        if (!isDigit(c)) {
            return -1;
        }
        int end = numberEnd(i);
        return end < n && isWordChar(in[end]) ? -1 : end;
    }

    /** A string, number (signed), NULL, TRUE/FALSE or placeholder at {@code i}; the index after, or -1. */
    private int literal(int i) {
        if (i >= n) {
            return -1;
        }
        char c = in[i];
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
            c = in[i];
        }
        if (isDigit(c) || c == '.') {
            int end = numberEnd(i);
            return end < n && isWordChar(in[end]) ? -1 : end;
        }
        for (String w : LITERAL_WORDS) {
            if (startsWithIgnoreCase(i, w)
                    && (i + w.length() == n || !isWordChar(in[i + w.length()]))) {
                return i + w.length();
            }
        }
        return -1;
    }

    private int numberEnd(int i) {
        if (i + 1 < n && in[i] == '0' && (in[i + 1] == 'x' || in[i + 1] == 'X')) {
            int j = i + 2;
            while (j < n && Character.digit(in[j], 16) >= 0) {
                j++;
            }
            return j;
        }
        int j = i;
        while (j < n && isDigit(in[j])) {
            j++;
        }
        if (j < n && in[j] == '.') {
            j++;
            while (j < n && isDigit(in[j])) {
                j++;
            }
        }
        if (j < n && (in[j] == 'e' || in[j] == 'E')) {
            int k = j + 1;
            if (k < n && (in[k] == '+' || in[k] == '-')) {
                k++;
            }
            if (k < n && isDigit(in[k])) {
                j = k;
                while (j < n && isDigit(in[j])) {
                    j++;
                }
            }
        }
        return j;
    }

    private int skipString(int i) {
        char quote = in[i];
        int j = i + 1;
        while (j < n) {
            char c = in[j];
            if (c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < n && in[j + 1] == quote) {
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
        for (int k = i + 2; k + 1 < n; k++) {
            if (in[k] == '*' && in[k + 1] == '/') {
                return k + 2;
            }
        }
        return n;
    }

    private int skipLine(int i) {
        int end = indexOf('\n', i);
        return end < 0 ? n : end + 1;
    }

    private int skipSpace(int i) {
        while (i < n) {
            char c = in[i];
            if (c <= ' ') {
                i++;
            } else if (c == '/' && i + 1 < n && in[i + 1] == '*') {
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

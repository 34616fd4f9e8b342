package io.ferry.replication.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of one MySQL/MariaDB statement, as a cursor: words, `quoted` identifiers, 'strings', numbers and
 * symbols. Comments are skipped, except executable comments ({@code /*!50100 ...}, {@code /*M!...}) whose text the
 * server ran and which are read as SQL. Each token keeps its place in the text so that a column definition can be
 * shown as written.
 */
final class SqlTokens {
    enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    record Token(Kind kind, String text, int start, int end) {
        /** A word (case-insensitive) or a symbol equal to {@code s}. */
        boolean is(String s) {
            return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(s);
        }

        /** The identifier this token names: a bare word or a `quoted` one. */
        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }
    }

    private final String sql;
    private final List<Token> tokens;
    private int next;

    SqlTokens(String sql) {
        this.sql = sql;
        this.tokens = tokenize(sql);
    }

    String sql() {
        return sql;
    }

    boolean atEnd() {
        return next >= tokens.size() || peek().is(";");
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int i = next + ahead;
        return i < tokens.size() ? tokens.get(i) : new Token(Kind.SYMBOL, "", sql.length(), sql.length());
    }

    Token take() {
        Token t = peek();
        if (next < tokens.size()) {
            next++;
        }
        return t;
    }

    /** Takes the next token if it is the word or symbol {@code s}. */
    boolean accept(String s) {
        if (!atEnd() && peek().is(s)) {
            next++;
            return true;
        }
        return false;
    }

    /** Takes the words {@code words} if they come next, in order (all or none). */
    boolean accept(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!peek(i).is(words[i])) {
                return false;
            }
        }
        next += words.length;
        return true;
    }

    void expect(String s) {
        if (!accept(s)) {
            throw new IllegalArgumentException("expected " + s + " at '" + rest() + "'");
        }
    }

    /** An identifier (bare or quoted). */
    String name() {
        Token t = take();
        if (!t.isName()) {
            throw new IllegalArgumentException("expected a name at '" + t.text() + "'");
        }
        return t.text();
    }

    /** Skips a balanced ( ... ) group starting at the next token; returns the tokens inside it. */
    List<Token> group() {
        expect("(");
        List<Token> inside = new ArrayList<>();
        int depth = 1;
        while (next < tokens.size()) {
            Token t = take();
            if (t.is("(")) {
                depth++;
            } else if (t.is(")") && --depth == 0) {
                return inside;
            }
            inside.add(t);
        }
        throw new IllegalArgumentException("unbalanced parentheses");
    }

    /** Skips a balanced ( ... ) group and returns its text as written, without the outer parentheses. */
    String groupText() {
        int from = peek().end();
        group();
        Token close = tokens.get(next - 1);
        return sql.substring(from, close.start());
    }

    /** The source text from the next token on. */
    String rest() {
        return atEnd() ? "" : sql.substring(peek().start()).trim();
    }

    String text(int from, int to) {
        return sql.substring(from, to);
    }

    int mark() {
        return next;
    }

    void reset(int mark) {
        next = mark;
    }

    static List<Token> tokenize(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                int end = close < 0 ? n : close;
                String body = sql.substring(i + 2, end);
                if (body.startsWith("!") || body.startsWith("M!")) {
                    // executable comment: the version number after '!' is not SQL
                    int from = i + 2 + body.indexOf('!') + 1;
                    while (from < end && Character.isDigit(sql.charAt(from))) {
                        from++;
                    }
                    for (Token t : tokenize(sql.substring(from, end))) {
                        out.add(new Token(t.kind(), t.text(), t.start() + from, t.end() + from));
                    }
                }
                i = close < 0 ? n : close + 2;
            } else if (c == '#' || (c == '-' && i + 2 < n && sql.charAt(i + 1) == '-' && Character.isWhitespace(sql.charAt(i + 2)))) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '`' || c == '\'' || c == '"') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (j < n) {
                    char d = sql.charAt(j);
                    if (d == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            sb.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    if (d == '\\' && c != '`' && j + 1 < n) {
                        sb.append(unescape(sql.charAt(j + 1)));
                        j += 2;
                        continue;
                    }
                    sb.append(d);
                    j++;
                }
                out.add(new Token(c == '`' ? Kind.QUOTED : Kind.STRING, sb.toString(), i, Math.min(n, j + 1)));
                i = j + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c >= 0x80) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$'
                        || sql.charAt(j) >= 0x80 || (Character.isDigit(c) && sql.charAt(j) == '.'))) {
                    j++;
                }
                String word = sql.substring(i, j);
                boolean number = word.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.');
                out.add(new Token(number ? Kind.NUMBER : Kind.WORD, word, i, j));
                i = j;
            } else {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return out;
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '0' -> '\0';
            default -> c;
        };
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

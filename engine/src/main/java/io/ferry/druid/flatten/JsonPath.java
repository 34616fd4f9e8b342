package io.ferry.druid.flatten;

import java.util.ArrayList;
import java.util.List;

/**
 * A path into an event: {@code $.campaign.advertiser.id}, {@code $.segments[0].id}, {@code $['odd key'].x}, or,
 * relative to the element of the exploded array, {@code $item.id} ({@code $item} alone is the element itself).
 *
 * @param item  true for a {@code $item...} path
 * @param steps field names ({@link String}) and array indexes ({@link Integer}), outermost first
 */
public record JsonPath(String text, boolean item, List<Object> steps) {
    static final String ITEM_ROOT = "$item";

    public JsonPath {
        steps = List.copyOf(steps);
    }

    /** @throws IllegalArgumentException with what is wrong and where in the path */
    public static JsonPath parse(String text) {
        String t = text == null ? "" : text.trim();
        boolean item;
        int i;
        if (t.startsWith(ITEM_ROOT)) {
            item = true;
            i = ITEM_ROOT.length();
        } else if (t.startsWith("$")) {
            item = false;
            i = 1;
        } else {
            throw new IllegalArgumentException("a path starts with $ (the event) or $item (the exploded element), e.g. "
                    + "$.campaign.id; found '" + t + "'");
        }
        List<Object> steps = new ArrayList<>();
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < t.length() && t.charAt(end) != '.' && t.charAt(end) != '[') {
                    end++;
                }
                String name = t.substring(i + 1, end);
                if (name.isEmpty() || name.contains("]") || name.contains("*")) {
                    throw bad(t, i, "expected a field name after '.'");
                }
                steps.add(name);
                i = end;
            } else if (c == '[') {
                int close = closingBracket(t, i);
                String inside = t.substring(i + 1, close).trim();
                if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
                        && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
                    steps.add(inside.substring(1, inside.length() - 1));
                } else if (inside.matches("\\d{1,9}")) {
                    steps.add(Integer.parseInt(inside));
                } else {
                    throw bad(t, i, "expected an array index ([0]) or a quoted field name (['a b']), found '[" + inside + "]'"
                            + (inside.equals("*") ? " (to take every element of an array, use explode and $item paths)" : ""));
                }
                i = close + 1;
            } else {
                throw bad(t, i, "expected '.' or '[' at '" + t.substring(i) + "'");
            }
        }
        if (!item && steps.isEmpty()) {
            throw new IllegalArgumentException("'$' alone is the whole event: name a field, e.g. $.id");
        }
        return new JsonPath(t, item, steps);
    }

    private static int closingBracket(String t, int open) {
        int close = t.indexOf(']', open);
        char q = open + 1 < t.length() ? t.charAt(open + 1) : 0;
        if (q == '\'' || q == '"') {
            int endQuote = t.indexOf(q, open + 2);
            close = endQuote < 0 ? -1 : t.indexOf(']', endQuote);
        }
        if (close < 0) {
            throw bad(t, open, "'[' is not closed");
        }
        return close;
    }

    private static IllegalArgumentException bad(String path, int at, String what) {
        return new IllegalArgumentException("bad path '" + path + "' at character " + (at + 1) + ": " + what);
    }

    @Override
    public String toString() {
        return text;
    }
}

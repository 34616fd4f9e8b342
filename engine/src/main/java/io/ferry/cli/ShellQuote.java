package io.ferry.cli;

/** Quotes a word for a POSIX shell command line that a user copies and pastes. */
final class ShellQuote {
    private ShellQuote() {
    }

    static String quote(String word) {
        if (word.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}

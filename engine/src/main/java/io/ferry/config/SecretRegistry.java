package io.ferry.config;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every secret value Ferry has resolved in this process, so that log output can mask it wherever it
 * appears (a driver's message, an echoed URL). {@link MaskingMessageConverter} applies it to every log
 * line. Values shorter than {@link #MIN_LENGTH} characters are not masked: replacing every "ab" in the
 * log would make it unreadable, and such a value is not a real secret.
 */
public final class SecretRegistry {
    public static final int MIN_LENGTH = 4;

    /** Longest first, so a secret containing another is masked whole. */
    private static final List<String> VALUES = new CopyOnWriteArrayList<>();

    private SecretRegistry() {
    }

    public static void register(Secret secret) {
        String value = secret.reveal();
        if (value.length() < MIN_LENGTH || VALUES.contains(value)) {
            return;
        }
        synchronized (VALUES) {
            if (!VALUES.contains(value)) {
                VALUES.add(value);
                VALUES.sort(Comparator.comparingInt(String::length).reversed());
            }
        }
    }

    /** The text with every known secret replaced by {@link Secret#MASK}. */
    public static String mask(String text) {
        if (text == null || VALUES.isEmpty()) {
            return text;
        }
        String out = text;
        for (String value : VALUES) {
            if (out.contains(value)) {
                out = out.replace(value, Secret.MASK);
            }
        }
        return out;
    }

    /** For tests: forget every value. */
    static void clear() {
        VALUES.clear();
    }
}

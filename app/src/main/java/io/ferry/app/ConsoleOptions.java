package io.ferry.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The console's command line: {@code [--config ferry.yaml] [--section NAME]}, plus the hidden
 * {@code --screenshot file.png [--screenshot-delay-ms N]} that saves the window as a PNG and exits.
 */
public record ConsoleOptions(Optional<Path> config, Optional<String> section, Optional<Path> screenshot,
                             Duration screenshotDelay) {
    public static final String USAGE = "Usage: ferry console [--config ferry.yaml] [--section NAME]";
    static final Duration DEFAULT_SCREENSHOT_DELAY = Duration.ofSeconds(2);

    public static ConsoleOptions none() {
        return new ConsoleOptions(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_SCREENSHOT_DELAY);
    }

    /** @throws IllegalArgumentException saying what is wrong and what to do instead */
    public static ConsoleOptions parse(List<String> args) {
        Optional<Path> config = Optional.empty();
        Optional<String> section = Optional.empty();
        Optional<Path> screenshot = Optional.empty();
        Duration delay = DEFAULT_SCREENSHOT_DELAY;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--config" -> config = Optional.of(existingFile(valueOf(args, i++, "a ferry.yaml file")));
                case "--section" -> section = Optional.of(valueOf(args, i++, "the name of a page, e.g. Cost"));
                case "--screenshot" -> screenshot = Optional.of(Path.of(valueOf(args, i++, "a .png file to write")));
                case "--screenshot-delay-ms" -> delay = millis(valueOf(args, i++, "a number of milliseconds"));
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'. " + USAGE);
            }
        }
        return new ConsoleOptions(config, section, screenshot, delay);
    }

    private static String valueOf(List<String> args, int optionIndex, String what) {
        if (optionIndex + 1 >= args.size() || args.get(optionIndex + 1).startsWith("--")) {
            throw new IllegalArgumentException(args.get(optionIndex) + " needs " + what + ". " + USAGE);
        }
        return args.get(optionIndex + 1);
    }

    private static Path existingFile(String value) {
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("--config " + value + ": no such file ("
                    + path.toAbsolutePath() + "). Give the path of an existing ferry.yaml, or leave --config out "
                    + "to start the local sandbox.");
        }
        return path;
    }

    private static Duration millis(String value) {
        try {
            long ms = Long.parseLong(value);
            if (ms < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--screenshot-delay-ms " + value
                    + ": not a number of milliseconds; give a whole number such as 3000.");
        }
    }
}

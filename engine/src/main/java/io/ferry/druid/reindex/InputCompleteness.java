package io.ferry.druid.reindex;

import io.ferry.config.DruidReindexJobConfig.Completeness;
import io.ferry.druid.lambda.HourManifest;
import io.ferry.druid.lambda.RawEventLayout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lists the raw files of an interval, hour by hour, and checks them against the completeness rule: with
 * {@link Completeness#MANIFEST} every hour needs its {@code _MANIFEST.json} and every part it lists, at the size it
 * gives; with {@link Completeness#EXPECTED_HOURS} every hour needs at least one part.
 */
public final class InputCompleteness {
    private final RawInput input;
    private final RawEventLayout layout;
    private final Completeness rule;

    public InputCompleteness(RawInput input, RawEventLayout layout, Completeness rule) {
        this.input = input;
        this.layout = layout;
        this.rule = rule;
    }

    public InputCheck check(TimeInterval interval) throws IOException {
        List<HourInput> hours = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (TimeInterval h : interval.split(Duration.ofHours(1))) {
            hours.add(hour(h.start(), problems));
        }
        return new InputCheck(interval, hours, problems);
    }

    private HourInput hour(Instant hour, List<String> problems) throws IOException {
        String prefix = layout.hourPrefix(hour);
        List<RawInput.StoredFile> files = input.list(prefix);
        List<RawInput.StoredFile> parts = files.stream().filter(f -> RawEventLayout.isPart(f.key())).toList();
        if (rule == Completeness.EXPECTED_HOURS) {
            if (parts.isEmpty()) {
                problems.add("hour " + hour + ": no part files under " + input.locate(prefix));
            }
            return new HourInput(hour, parts, Optional.empty());
        }
        String manifestKey = layout.manifestKey(hour);
        if (files.stream().noneMatch(f -> f.key().equals(manifestKey))) {
            problems.add("hour " + hour + ": no " + RawEventLayout.MANIFEST + " at " + input.locate(manifestKey)
                    + " (" + parts.size() + " part file(s) there; the hour is not complete upstream)");
            return new HourInput(hour, parts, Optional.empty());
        }
        HourManifest manifest;
        try (InputStream in = input.open(manifestKey)) {
            manifest = HourManifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), input.locate(manifestKey));
        } catch (IllegalArgumentException e) {
            problems.add("hour " + hour + ": unreadable manifest: " + e.getMessage());
            return new HourInput(hour, parts, Optional.empty());
        }
        if (!manifest.hour().equals(hour)) {
            problems.add("hour " + hour + ": the manifest " + input.locate(manifestKey) + " is for hour " + manifest.hour());
        }
        Map<String, RawInput.StoredFile> byKey = files.stream().collect(Collectors.toMap(RawInput.StoredFile::key, Function.identity()));
        List<RawInput.StoredFile> listed = new ArrayList<>();
        for (HourManifest.Part part : manifest.parts()) {
            RawInput.StoredFile found = byKey.get(part.key());
            if (found == null) {
                problems.add("hour " + hour + ": part " + input.locate(part.key()) + " listed in the manifest is missing");
            } else if (found.size() != part.bytes()) {
                problems.add("hour " + hour + ": part " + input.locate(part.key()) + " has " + found.size()
                        + " bytes, the manifest says " + part.bytes());
            } else {
                listed.add(found);
            }
        }
        return new HourInput(hour, listed, Optional.of(manifest));
    }
}

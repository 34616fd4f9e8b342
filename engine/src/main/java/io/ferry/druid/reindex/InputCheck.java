package io.ferry.druid.reindex;

import java.util.List;

/**
 * The input of one interval and whether it is complete. An incomplete interval is never overwritten: {@code problems}
 * says why, hour by hour.
 */
public record InputCheck(TimeInterval interval, List<HourInput> hours, List<String> problems) {
    public InputCheck {
        hours = List.copyOf(hours);
        problems = List.copyOf(problems);
    }

    public boolean complete() {
        return problems.isEmpty();
    }

    public int files() {
        return hours.stream().mapToInt(h -> h.parts().size()).sum();
    }

    public long bytes() {
        return hours.stream().mapToLong(HourInput::bytes).sum();
    }

    /** "partial input for 2026-11-28T00:00:00Z/...: hour ...: no _MANIFEST.json ...; ..." */
    public String refusal() {
        return "partial input for " + interval + ", not re-indexed (nothing was overwritten): " + String.join("; ", problems);
    }
}

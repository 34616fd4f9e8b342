package io.ferry.druid.status;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A datasource's load rules as one line each, in the order the coordinator applies them (first match wins),
 * e.g. {@code loadByPeriod P7D (+future) → hot×1}.
 *
 * @param fromDefault the datasource has no rules of its own: these are the cluster's {@code _default} rules
 */
public record LoadRules(List<String> rules, boolean fromDefault) {
    public LoadRules {
        rules = List.copyOf(rules);
    }

    /** The datasource's own rules when it has any, else the cluster default ({@code _default} of {@code allRules}). */
    public static LoadRules of(JsonNode own, JsonNode allRules) {
        if (own != null && own.isArray() && !own.isEmpty()) {
            return new LoadRules(describe(own), false);
        }
        return new LoadRules(describe(allRules == null ? null : allRules.path("_default")), true);
    }

    static List<String> describe(JsonNode rules) {
        List<String> out = new ArrayList<>();
        if (rules != null && rules.isArray()) {
            rules.forEach(r -> out.add(describeRule(r)));
        }
        return out;
    }

    static String describeRule(JsonNode rule) {
        StringBuilder text = new StringBuilder(rule.path("type").asText("?"));
        if (rule.hasNonNull("period")) {
            text.append(' ').append(rule.get("period").asText());
        }
        if (rule.hasNonNull("interval")) {
            text.append(' ').append(rule.get("interval").asText());
        }
        if (rule.path("includeFuture").asBoolean(false)) {
            text.append(" (+future)");
        }
        JsonNode tiers = rule.path("tieredReplicants");
        if (tiers.isObject()) {
            StringJoiner placed = new StringJoiner(", ");
            tiers.fields().forEachRemaining(t -> placed.add(t.getKey() + "×" + t.getValue().asInt()));
            text.append(" → ").append(placed);
        }
        return text.toString();
    }
}

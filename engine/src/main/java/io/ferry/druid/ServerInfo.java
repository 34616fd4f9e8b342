package io.ferry.druid;

import com.fasterxml.jackson.databind.JsonNode;

/** A data server the coordinator sees (historical, indexer, ...), its tier and how full its segment cache is. */
public record ServerInfo(String host, String type, String tier, long currSize, long maxSize) {
    static ServerInfo from(JsonNode node) {
        return new ServerInfo(TaskStatus.text(node, "host"), TaskStatus.text(node, "type"), TaskStatus.text(node, "tier"),
                node.path("currSize").asLong(0), node.path("maxSize").asLong(0));
    }
}

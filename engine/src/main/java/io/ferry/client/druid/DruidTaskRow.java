package io.ferry.client.druid;

/** A task the overlord runs (or holds waiting/pending). */
public record DruidTaskRow(String id, String type, String dataSource, String status, String location, String createdTime) {
}

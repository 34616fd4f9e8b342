package io.ferry.reporting;

/** The column types of a Google Visualization DataTable, by their JSON name. */
public enum ColumnType {
    STRING("string"), NUMBER("number"), BOOLEAN("boolean"), DATE("date"), DATETIME("datetime");

    private final String json;

    ColumnType(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}

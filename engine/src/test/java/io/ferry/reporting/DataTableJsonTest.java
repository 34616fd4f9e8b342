package io.ferry.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataTableJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DataTable table(List<DataTable.Column> cols, Object[]... rows) {
        List<List<DataTable.Cell>> cells = new ArrayList<>();
        for (Object[] row : rows) {
            cells.add(Arrays.stream(row).map(v -> v instanceof DataTable.Cell c ? c : DataTable.Cell.of(v)).toList());
        }
        return new DataTable(cols, cells);
    }

    @Test
    void columnsCarryIdLabelAndGoogleTypeNames() throws Exception {
        DataTable t = table(List.of(
                new DataTable.Column("hour", "Hour", ColumnType.DATETIME),
                new DataTable.Column("day", "Day", ColumnType.DATE),
                new DataTable.Column("name", null, ColumnType.STRING),
                new DataTable.Column("events", "Events", ColumnType.NUMBER),
                new DataTable.Column("active", "Active", ColumnType.BOOLEAN)));
        JsonNode cols = JSON.readTree(DataTableJson.write(t)).get("cols");
        assertThat(cols).hasSize(5);
        assertThat(cols.get(0).toString()).isEqualTo("{\"id\":\"hour\",\"label\":\"Hour\",\"type\":\"datetime\"}");
        assertThat(cols.get(1).get("type").asText()).isEqualTo("date");
        assertThat(cols.get(2).get("label").asText()).as("label defaults to the id").isEqualTo("name");
        assertThat(cols.get(3).get("type").asText()).isEqualTo("number");
        assertThat(cols.get(4).get("type").asText()).isEqualTo("boolean");
    }

    @Test
    void datesHaveZeroBasedMonthsInUtc() throws Exception {
        DataTable t = table(List.of(new DataTable.Column("t", "t", ColumnType.DATETIME), new DataTable.Column("d", "d", ColumnType.DATE)),
                new Object[]{Instant.parse("2024-01-31T13:05:09Z"), LocalDate.of(2024, 12, 1)},
                new Object[]{Instant.parse("2024-12-31T23:59:59.250Z"), LocalDate.of(2024, 1, 1)});
        JsonNode rows = JSON.readTree(DataTableJson.write(t)).get("rows");
        assertThat(rows.get(0).get("c").get(0).get("v").asText()).isEqualTo("Date(2024,0,31,13,5,9)");
        assertThat(rows.get(0).get("c").get(1).get("v").asText()).as("December is month 11").isEqualTo("Date(2024,11,1)");
        assertThat(rows.get(1).get("c").get(0).get("v").asText()).as("milliseconds kept as a 7th number")
                .isEqualTo("Date(2024,11,31,23,59,59,250)");
        assertThat(rows.get(1).get("c").get(1).get("v").asText()).isEqualTo("Date(2024,0,1)");
    }

    @Test
    void nullsAreVNullAndFormattedValuesAreKept() throws Exception {
        DataTable t = table(List.of(new DataTable.Column("n", "n", ColumnType.NUMBER), new DataTable.Column("s", "s", ColumnType.STRING)),
                new Object[]{null, new DataTable.Cell("x", "Ex")},
                new Object[]{Double.NaN, null});
        String json = DataTableJson.write(t);
        assertThat(json).contains("{\"c\":[{\"v\":null},{\"v\":\"x\",\"f\":\"Ex\"}]}");
        assertThat(JSON.readTree(json).get("rows").get(1).get("c").get(0).get("v").isNull()).as("NaN is not JSON").isTrue();
    }

    @Test
    void numbersAndBooleansAreJsonValuesNotText() throws Exception {
        DataTable t = table(List.of(new DataTable.Column("a", "a", ColumnType.NUMBER), new DataTable.Column("b", "b", ColumnType.NUMBER),
                        new DataTable.Column("c", "c", ColumnType.BOOLEAN)),
                new Object[]{12_345_678_901L, 2.5, true});
        assertThat(DataTableJson.write(t)).endsWith("\"rows\":[{\"c\":[{\"v\":12345678901},{\"v\":2.5},{\"v\":true}]}]}");
    }

    @Test
    void stringsAreEscapedSoTheyCannotBreakTheJson() throws Exception {
        String nasty = "Quote \" backslash \\ newline \n tab \t </script> \u0001 ünïcode";
        DataTable t = table(List.of(new DataTable.Column("id\"x", "label \"y\"", ColumnType.STRING)), new Object[]{nasty});
        String json = DataTableJson.write(t);
        assertThat(json).doesNotContain("\n").contains("\\\"").contains("\\\\").contains("\\n").contains("\\u0001");
        JsonNode parsed = JSON.readTree(json);
        assertThat(parsed.get("rows").get(0).get("c").get(0).get("v").asText()).isEqualTo(nasty);
        assertThat(parsed.get("cols").get(0).get("id").asText()).isEqualTo("id\"x");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        assertThatThrownBy(() -> table(List.of(new DataTable.Column("a", "a", ColumnType.STRING)), new Object[]{"x", "y"}))
                .hasMessageContaining("2 cells for 1 columns");
    }
}

package io.ferry.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.druid.SqlResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DruidResultTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void druidSqlTypesBecomeDataTableTypesAndValues() throws Exception {
        List<String> columns = List.of("__time", "country", "events", "ratio", "flag");
        List<JsonNode> values = new ArrayList<>();
        JSON.readTree("[\"2024-03-05T07:00:00.000Z\", \"DE\", 42, 0.5, null]").forEach(values::add);
        SqlResult result = new SqlResult(columns, List.of(new SqlResult.SqlRow(columns, values)),
                List.of("TIMESTAMP", "VARCHAR", "BIGINT", "DOUBLE", "BOOLEAN"));

        DataTable t = DruidResultTable.from(result);

        assertThat(t.cols()).extracting(DataTable.Column::type).containsExactly(ColumnType.DATETIME, ColumnType.STRING,
                ColumnType.NUMBER, ColumnType.NUMBER, ColumnType.BOOLEAN);
        assertThat(DataTableJson.write(t)).contains("{\"c\":[{\"v\":\"Date(2024,2,5,7,0,0)\"},{\"v\":\"DE\"},{\"v\":42},{\"v\":0.5},{\"v\":null}]}");
    }
}

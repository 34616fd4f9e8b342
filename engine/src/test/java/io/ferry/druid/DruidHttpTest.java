package io.ferry.druid;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DruidHttpTest {

    @Test
    void druidExceptionShapesBecomeTheirMessage() {
        assertThat(DruidHttp.errorText("{\"error\":\"Plan validation failed\",\"errorMessage\":\"Column 'x' not found\",\"errorClass\":\"X\"}"))
                .isEqualTo("Column 'x' not found (Plan validation failed)");
        assertThat(DruidHttp.errorText("{\"errorCode\":\"invalidInput\",\"persona\":\"USER\",\"category\":\"INVALID_INPUT\","
                + "\"errorMessage\":\"Received an unknown typeId [bad]\"}")).isEqualTo("Received an unknown typeId [bad]");
        assertThat(DruidHttp.errorText("{\"error\":\"Task[x] already exists!\"}")).isEqualTo("Task[x] already exists!");
    }

    @Test
    void otherBodiesAreQuotedShortened() {
        assertThat(DruidHttp.errorText("<html>Server Error</html>")).isEqualTo("<html>Server Error</html>");
        assertThat(DruidHttp.errorText("x".repeat(5000))).hasSize(2003).endsWith("...");
        assertThat(DruidHttp.errorText("")).isEmpty();
    }

    @Test
    void theExceptionNamesTheRequestAndDruidsWords() {
        DruidException e = new DruidException("POST http://127.0.0.1:1/druid/v2/sql", 400, "Column 'x' not found", null);
        assertThat(e).hasMessage("Druid answered HTTP 400 to POST http://127.0.0.1:1/druid/v2/sql: Column 'x' not found");
        assertThat(new DruidException("GET http://127.0.0.1:1/status", 0, "Connection refused", null))
                .hasMessage("Druid did not answer GET http://127.0.0.1:1/status: Connection refused");
    }
}

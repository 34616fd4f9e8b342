package io.ferry.druid.flatten;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPathTest {
    @Test
    void readsFieldsIndexesQuotedNamesAndItemPaths() {
        assertThat(JsonPath.parse("$.campaign.advertiser.id").steps()).containsExactly("campaign", "advertiser", "id");
        assertThat(JsonPath.parse("$.segments[0].id").steps()).containsExactly("segments", 0, "id");
        assertThat(JsonPath.parse("$['a.b'][\"c d\"][12]").steps()).containsExactly("a.b", "c d", 12);
        JsonPath item = JsonPath.parse("$item.id");
        assertThat(item.item()).isTrue();
        assertThat(item.steps()).containsExactly("id");
        assertThat(JsonPath.parse("$item").steps()).isEqualTo(List.of());
    }

    @Test
    void badPathsSayWhatIsWrong() {
        assertThatThrownBy(() -> JsonPath.parse("campaign.id")).hasMessageContaining("starts with $");
        assertThatThrownBy(() -> JsonPath.parse("$")).hasMessageContaining("whole event");
        assertThatThrownBy(() -> JsonPath.parse("$.a..b")).hasMessageContaining("at character 4")
                .hasMessageContaining("field name");
        assertThatThrownBy(() -> JsonPath.parse("$.segments[*].id")).hasMessageContaining("use explode");
        assertThatThrownBy(() -> JsonPath.parse("$.a[0")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> JsonPath.parse("$x")).hasMessageContaining("expected '.' or '['");
    }
}

package io.ferry.druid.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theClusterDefaultAppliesWhenTheDatasourceHasNoRules() throws Exception {
        var all = JSON.readTree("""
                {"_default":[{"type":"loadByPeriod","period":"P7D","includeFuture":true,"tieredReplicants":{"hot":1}},
                             {"type":"loadForever","tieredReplicants":{"cold":1}}]}""");
        LoadRules rules = LoadRules.of(JSON.readTree("[]"), all);
        assertThat(rules.fromDefault()).isTrue();
        assertThat(rules.rules()).containsExactly("loadByPeriod P7D (+future) → hot×1", "loadForever → cold×1");
    }

    @Test
    void aDatasourcesOwnRulesWin() throws Exception {
        LoadRules rules = LoadRules.of(JSON.readTree("[{\"type\":\"dropBeforeByPeriod\",\"period\":\"P30D\"}]"),
                JSON.readTree("{\"_default\":[{\"type\":\"loadForever\",\"tieredReplicants\":{\"cold\":1}}]}"));
        assertThat(rules.fromDefault()).isFalse();
        assertThat(rules.rules()).containsExactly("dropBeforeByPeriod P30D");
    }
}

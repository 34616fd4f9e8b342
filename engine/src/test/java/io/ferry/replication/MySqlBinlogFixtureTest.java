package io.ferry.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL's binlog, which no server here can write (the sandbox has MariaDB only): a MySQL 8.4 event stream kept as a
 * fixture (fixtures/mysql/mysql84-binlog-gtid-json.hex, written from MySQL's documented formats and saying so), read
 * through the binlog client's deserializers as Ferry configures them and through Ferry's assembler: the GTID set a
 * checkpoint keeps after each transaction, and binary JSON decoded to the document a user wrote.
 */
class MySqlBinlogFixtureTest {
    private static final String A = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final String B = "4c5f9a2e-8d1b-11ee-b9d1-0242ac120002";
    private static final TableId DOCS = TableId.parse("shop.docs");
    private static final TableSchema SCHEMA = new TableSchema(DOCS, List.of(Columns.notNull("id", "int", "int(11)"),
            Columns.json("doc", "json")), List.of("id"));

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = MySqlBinlogFixtureTest.class.getResourceAsStream("/fixtures/mysql/" + name)) {
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    hex.append(line.trim());
                }
            }
            return HexFormat.of().parseHex(hex);
        }
    }

    private static List<Transaction> assemble() throws Exception {
        EventDeserializer deserializer = BinlogEventDeserializers.create();
        ByteArrayInputStream in = new ByteArrayInputStream(fixture("mysql84-binlog-gtid-json.hex"));
        List<Transaction> out = new ArrayList<>();
        TransactionAssembler assembler = new TransactionAssembler(BinlogPosition.of("binlog.000001", 4),
                t -> t.equals(DOCS) ? SCHEMA : null, out::add);
        Event event;
        while (in.available() > 0 && (event = deserializer.nextEvent(in)) != null) {
            assembler.accept(event);
        }
        return out;
    }

    @Test
    void theGtidSetAfterEachTransactionMergesEveryServersTransactions() throws Exception {
        List<Transaction> txns = assemble();

        assertThat(txns).hasSize(5);
        assertThat(txns).extracting(t -> t.end().gtidSet().toString()).containsExactly(
                A + ":1",
                A + ":1-2",
                A + ":1-2," + B + ":1",
                A + ":1-2:4," + B + ":1",
                A + ":1-4," + B + ":1");
        BinlogPosition last = txns.get(4).end();
        assertThat(last.file()).isEqualTo("binlog.000001");
        assertThat(last.gtids()).as("no MariaDB GTIDs").isEmpty();
        assertThat(BinlogPosition.parse(last.serialize())).as("kept in the checkpoint").isEqualTo(last);
        assertThat(BinlogReader.resumeGtids(last)).as("what resuming sends").isEqualTo(A + ":1-4," + B + ":1");
        assertThat(txns.get(2).changes()).as("the DDL").isEmpty();
        assertThat(txns.get(3).changes()).as("another schema's rows").isEmpty();
    }

    @Test
    void binaryJsonIsDecodedToTheDocumentWithNestingUnicodeAndLargeNumbers() throws Exception {
        List<Transaction> txns = assemble();
        List<RowChange> rows = txns.get(0).changes();
        assertThat(rows).extracting(RowChange::operation).containsExactly(Operation.INSERT, Operation.INSERT);
        assertThat(rows.get(0).after()[0]).isEqualTo(1L);
        assertThat(rows.get(1).after()).containsExactly(2L, null);

        String text = (String) rows.get(0).after()[1];
        JsonNode doc = new ObjectMapper().readTree(text);
        assertThat(doc.get("name").asText()).isEqualTo("Zoë ✓ 日本 \"q\"");
        assertThat(doc.get("big").longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(doc.get("ubig").bigIntegerValue()).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(doc.get("i32").intValue()).isEqualTo(Integer.MIN_VALUE);
        assertThat(doc.get("neg").intValue()).isEqualTo(-42);
        assertThat(doc.get("pi").doubleValue()).isEqualTo(Math.PI);
        assertThat(doc.get("ok").booleanValue()).isTrue();
        assertThat(doc.get("none").isNull()).isTrue();
        assertThat(doc.get("tags").get(3).get("deep").get(0).doubleValue()).isEqualTo(1.5);
        assertThat(doc.get("tags").get(3).get("deep").get(2).isNull()).isTrue();
        assertThat(doc.at("/nested/level/n").intValue()).isEqualTo(65536);
        assertThat(doc.at("/nested/level/empty").isObject()).isTrue();
        assertThat(doc.at("/nested/level/list").isArray()).isTrue();
        assertThat(text).as("MySQL's key order (by length, then bytes), the numbers as written").isEqualTo(
                "{\"ok\":true,\"pi\":3.141592653589793,\"big\":9223372036854775807,\"i32\":-2147483648,\"neg\":-42,"
                        + "\"name\":\"Zoë ✓ 日本 \\\"q\\\"\",\"none\":null,\"tags\":[\"a\",1,false,{\"deep\":[1.5,\"x\",null]}],"
                        + "\"ubig\":18446744073709551615,\"nested\":{\"level\":{\"n\":65536,\"list\":[],\"empty\":{}}}}");

        String arrayText = (String) txns.get(1).changes().get(0).after()[1];
        // the library writes a double in plain notation: 1e-300 is a 300-digit fraction (valid JSON, if long)
        ObjectMapper lenient = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder().streamReadConstraints(
                com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNumberLength(10_000).build()).build());
        JsonNode array = lenient.readTree(arrayText);
        assertThat(array.get(0).asText()).isEqualTo("€");
        assertThat(array.get(1).longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(array.get(2).doubleValue()).isEqualTo(1e-300);
        assertThat(arrayText).startsWith("[\"€\",-9223372036854775808,0.000000");
        assertThat(array.get(3).get("k").asText()).isEqualTo("v");
    }
}

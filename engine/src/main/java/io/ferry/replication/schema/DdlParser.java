package io.ferry.replication.schema;

import io.ferry.replication.TableId;
import io.ferry.replication.schema.DdlStatement.AddColumn;
import io.ferry.replication.schema.DdlStatement.ColumnChange;
import io.ferry.replication.schema.DdlStatement.DropColumn;
import io.ferry.replication.schema.DdlStatement.ModifyColumn;
import io.ferry.replication.schema.DdlStatement.RenameColumn;
import io.ferry.replication.schema.DdlStatement.UnsupportedChange;
import io.ferry.replication.schema.SqlTokens.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Classifies the statements of binlog QUERY events (MySQL and MariaDB syntax) into {@link DdlStatement}s: which
 * tables they create, drop, rename, truncate or alter, and for ALTER TABLE the column changes with their
 * definitions. Only what changes a table's columns, key or existence is kept; anything it cannot read about a table
 * becomes {@link DdlStatement.Unsupported} rather than being ignored.
 */
public final class DdlParser {
    /** ADD/DROP targets that are not columns (and not the primary key). */
    private static final Set<String> NOT_COLUMNS = Set.of("index", "key", "unique", "fulltext", "spatial", "foreign",
            "check", "constraint", "partition", "period", "system", "vector");
    /** Column attributes followed by one value (a token, or a parenthesised group) to skip. */
    private static final Set<String> ATTRIBUTE_WITH_VALUE = Set.of("default", "comment", "auto_increment", "column_format",
            "storage", "engine_attribute", "secondary_engine_attribute", "srid", "compressed");

    private DdlParser() {
    }

    /**
     * @param database the QUERY event's default database (unqualified names belong to it); may be null
     * @param sql      the statement
     */
    public static DdlStatement parse(String database, String sql) {
        String db = database == null || database.isEmpty() ? "(no database)" : database;
        try {
            return statement(db, new SqlTokens(sql));
        } catch (RuntimeException e) {
            return new DdlStatement.Unsupported(sql, tablesNamedIn(db, sql), "Ferry could not read it (" + e.getMessage() + ")");
        }
    }

    private static DdlStatement statement(String db, SqlTokens t) {
        String sql = t.sql();
        if (t.accept("CREATE")) {
            boolean orReplace = t.accept("OR", "REPLACE");
            if (t.accept("TEMPORARY")) {
                return new DdlStatement.NoTableChange(sql); // not logged in ROW format, and never replicated
            }
            if (!t.accept("TABLE")) {
                return new DdlStatement.NoTableChange(sql);
            }
            return createTable(db, t, orReplace);
        }
        if (t.accept("DROP")) {
            if (t.accept("TEMPORARY")) {
                return new DdlStatement.NoTableChange(sql);
            }
            if (t.accept("TABLE") || t.accept("TABLES")) {
                t.accept("IF", "EXISTS");
                List<TableId> tables = new ArrayList<>();
                do {
                    tables.add(tableName(db, t));
                } while (t.accept(","));
                return new DdlStatement.DropTables(sql, tables);
            }
            if (t.accept("DATABASE") || t.accept("SCHEMA")) {
                t.accept("IF", "EXISTS");
                return new DdlStatement.DropSchema(sql, t.name());
            }
            return new DdlStatement.NoTableChange(sql);
        }
        if (t.accept("RENAME")) {
            if (!t.accept("TABLE") && !t.accept("TABLES")) {
                return new DdlStatement.NoTableChange(sql); // RENAME USER
            }
            t.accept("IF", "EXISTS");
            List<TableId> from = new ArrayList<>();
            List<TableId> to = new ArrayList<>();
            do {
                from.add(tableName(db, t));
                skipWait(t);
                t.expect("TO");
                to.add(tableName(db, t));
            } while (t.accept(","));
            return new DdlStatement.RenameTables(sql, from, to);
        }
        if (t.accept("TRUNCATE")) {
            t.accept("TABLE");
            return new DdlStatement.Truncate(sql, tableName(db, t));
        }
        if (t.accept("ALTER")) {
            t.accept("ONLINE");
            t.accept("IGNORE");
            if (!t.accept("TABLE")) {
                return new DdlStatement.NoTableChange(sql);
            }
            t.accept("IF", "EXISTS");
            return alterTable(db, t);
        }
        return new DdlStatement.NoTableChange(sql);
    }

    private static void skipWait(SqlTokens t) {
        if (t.accept("WAIT")) {
            t.take();
        }
        t.accept("NOWAIT");
    }

    private static DdlStatement createTable(String db, SqlTokens t, boolean orReplace) {
        String sql = t.sql();
        boolean ifNotExists = t.accept("IF", "NOT", "EXISTS");
        TableId table = tableName(db, t);
        if (t.accept("LIKE")) {
            return new DdlStatement.CreateTable(sql, table, List.of(), List.of(), null, ifNotExists, orReplace, tableName(db, t));
        }
        if (t.peek().is("(") && t.peek(1).is("LIKE")) {
            t.expect("(");
            t.expect("LIKE");
            return new DdlStatement.CreateTable(sql, table, List.of(), List.of(), null, ifNotExists, orReplace, tableName(db, t));
        }
        if (!t.peek().is("(")) {
            return new DdlStatement.Unsupported(sql, List.of(table), "CREATE TABLE ... SELECT has no column list to read");
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        for (String item : topLevelItems(t.groupText())) {
            SqlTokens it = new SqlTokens(item);
            if (it.accept("CONSTRAINT")) {
                if (!it.peek().is("PRIMARY")) {
                    it.take(); // the constraint's name
                }
            }
            if (it.accept("PRIMARY", "KEY")) {
                primaryKey.addAll(keyColumns(it));
            } else if (!NOT_COLUMNS.contains(SqlTokens.lower(it.peek().text())) || it.peek().kind() == SqlTokens.Kind.QUOTED) {
                ColumnDefinition c = column(it);
                columns.add(c);
                if (c.primaryKey()) {
                    primaryKey.add(c.name());
                }
            }
        }
        String charset = null;
        while (!t.atEnd()) {
            Token option = t.take();
            if (option.is("SELECT") || option.is("AS")) {
                return new DdlStatement.Unsupported(sql, List.of(table), "CREATE TABLE ... SELECT fills the table without row events Ferry can rely on");
            }
            if (option.is("CHARSET") || option.is("CHARACTER") || option.is("COLLATE")) {
                t.accept("SET");
                t.accept("=");
                String name = SqlTokens.lower(t.take().text());
                if (charset == null || !option.is("COLLATE")) {
                    charset = option.is("COLLATE") && name.indexOf('_') > 0 ? name.substring(0, name.indexOf('_')) : name;
                }
            }
        }
        return new DdlStatement.CreateTable(sql, table, columns, primaryKey, charset, ifNotExists, orReplace, null);
    }

    private static DdlStatement alterTable(String db, SqlTokens t) {
        String sql = t.sql();
        TableId table = tableName(db, t);
        skipWait(t);
        List<ColumnChange> changes = new ArrayList<>();
        TableId renameTo = null;
        for (String item : topLevelItems(t.rest())) {
            SqlTokens s = new SqlTokens(item);
            if (s.accept("ADD")) {
                boolean column = s.accept("COLUMN");
                boolean ifNotExists = s.accept("IF", "NOT", "EXISTS");
                if (s.peek().is("(") && column) {
                    for (String def : topLevelItems(s.groupText())) {
                        changes.add(new AddColumn(column(new SqlTokens(def)), ifNotExists));
                    }
                } else if (column || s.peek().kind() == SqlTokens.Kind.QUOTED || !isKeyword(s.peek())) {
                    changes.add(new AddColumn(column(s), ifNotExists));
                } else if (s.peek().is("PRIMARY") || (s.peek().is("CONSTRAINT") && containsWords(item, "PRIMARY", "KEY"))) {
                    changes.add(new UnsupportedChange("a new primary key"));
                } else if (s.accept("SYSTEM")) {
                    changes.add(new UnsupportedChange("system versioning"));
                }
            } else if (s.accept("DROP")) {
                boolean column = s.accept("COLUMN");
                boolean ifExists = s.accept("IF", "EXISTS");
                if (!column && s.peek().is("PRIMARY")) {
                    changes.add(new UnsupportedChange("dropping the primary key"));
                } else if (!column && (s.peek().is("PARTITION") || s.peek().is("SYSTEM"))) {
                    changes.add(new UnsupportedChange(s.peek().is("PARTITION") ? "dropping a partition (its rows go without row events)"
                            : "system versioning"));
                } else if (column || s.peek().kind() == SqlTokens.Kind.QUOTED || !isKeyword(s.peek())) {
                    changes.add(new DropColumn(s.name(), ifExists));
                }
            } else if (s.accept("MODIFY")) {
                s.accept("COLUMN");
                boolean ifExists = s.accept("IF", "EXISTS");
                ColumnDefinition c = column(s);
                changes.add(new ModifyColumn(c.name(), c, ifExists));
            } else if (s.accept("CHANGE")) {
                s.accept("COLUMN");
                boolean ifExists = s.accept("IF", "EXISTS");
                String old = s.name();
                changes.add(new ModifyColumn(old, column(s), ifExists));
            } else if (s.accept("RENAME")) {
                if (s.accept("COLUMN")) {
                    String old = s.name();
                    s.expect("TO");
                    changes.add(new RenameColumn(old, s.name()));
                } else if (!s.peek().is("INDEX") && !s.peek().is("KEY")) {
                    if (!s.accept("TO")) {
                        s.accept("AS");
                    }
                    renameTo = tableName(db, s);
                }
            } else if (s.accept("CONVERT", "TO")) {
                changes.add(new UnsupportedChange("CONVERT TO CHARACTER SET (it changes the columns' character sets)"));
            } else if (s.accept("TRUNCATE", "PARTITION") || s.accept("EXCHANGE", "PARTITION")) {
                changes.add(new UnsupportedChange("a partition's rows change without row events"));
            }
            // anything else (ALTER COLUMN ... DEFAULT, indexes, ENGINE, COMMENT, ALGORITHM, table options) keeps the columns
        }
        return new DdlStatement.AlterTable(sql, table, changes, renameTo);
    }

    private static boolean isKeyword(Token t) {
        return t.kind() == SqlTokens.Kind.WORD && (NOT_COLUMNS.contains(SqlTokens.lower(t.text())) || t.is("PRIMARY"));
    }

    private static boolean containsWords(String sql, String... words) {
        List<Token> tokens = SqlTokens.tokenize(sql);
        for (int i = 0; i + words.length <= tokens.size(); i++) {
            boolean all = true;
            for (int j = 0; j < words.length && all; j++) {
                all = tokens.get(i + j).is(words[j]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** The column names of a key's ( ... ) list, without prefix lengths or ASC/DESC. */
    private static List<String> keyColumns(SqlTokens t) {
        while (!t.atEnd() && !t.peek().is("(")) {
            t.take(); // USING BTREE, a key name
        }
        List<String> names = new ArrayList<>();
        for (String part : topLevelItems(t.groupText())) {
            names.add(new SqlTokens(part).name());
        }
        return names;
    }

    /** A column definition: name, type, attributes. */
    static ColumnDefinition column(SqlTokens t) {
        int start = t.peek().start();
        String name = t.name();
        Token typeToken = t.take();
        if (typeToken.kind() != SqlTokens.Kind.WORD) {
            throw new IllegalArgumentException("expected the type of column " + name + " at '" + typeToken.text() + "'");
        }
        String type = SqlTokens.lower(typeToken.text());
        if ((type.equals("double") && t.accept("PRECISION"))) {
            type = "double precision";
        } else if ((type.equals("character") || type.equals("char") || type.equals("nchar")) && t.accept("VARYING")) {
            type = "character varying";
        } else if (type.equals("national")) {
            type = "national " + SqlTokens.lower(t.take().text());
        } else if (type.equals("long") && (t.peek().is("VARCHAR") || t.peek().is("VARBINARY"))) {
            type = "long " + SqlTokens.lower(t.take().text());
        }
        String args = t.peek().is("(") ? t.groupText() : null;
        boolean unsigned = false;
        String charset = null;
        boolean nullable = true;
        boolean primaryKey = false;
        String defaultValue = null;
        boolean hasDefault = false;
        while (!t.atEnd()) {
            Token a = t.take();
            if (a.is("UNSIGNED") || a.is("ZEROFILL")) {
                unsigned = true;
            } else if (a.is("CHARACTER") || a.is("CHARSET")) {
                t.accept("SET");
                charset = SqlTokens.lower(t.take().text());
            } else if (a.is("COLLATE")) {
                String collation = SqlTokens.lower(t.take().text());
                if (charset == null) {
                    int underscore = collation.indexOf('_');
                    charset = underscore > 0 ? collation.substring(0, underscore) : collation;
                }
            } else if (a.is("NOT") && t.accept("NULL")) {
                nullable = false;
            } else if (a.is("NULL")) {
                nullable = true;
            } else if (a.is("UNIQUE")) {
                t.accept("KEY");
            } else if (a.is("PRIMARY") || a.is("KEY")) {
                t.accept("KEY");
                primaryKey = true;
            } else if (a.is("AS") || a.is("GENERATED")) {
                throw new IllegalArgumentException("column " + name + " is a generated column, which Ferry does not follow yet");
            } else if (a.is("ON") && t.accept("UPDATE")) {
                skipValue(t);
            } else if (a.is("AFTER")) {
                t.take();
            } else if (a.is("DEFAULT")) {
                hasDefault = true;
                defaultValue = constant(t);
            } else if (a.is("AUTO_INCREMENT")) {
                hasDefault = true;
            } else if (ATTRIBUTE_WITH_VALUE.contains(SqlTokens.lower(a.text())) && a.kind() == SqlTokens.Kind.WORD
                    && !a.is("AUTO_INCREMENT")) {
                t.accept("=");
                skipValue(t);
            } else if (a.is("(")) {
                t.reset(t.mark() - 1);
                t.group(); // CHECK (...), REFERENCES t (...)
            }
        }
        String text = t.text(start, t.sql().length()).trim();
        return new ColumnDefinition(name, type, args, unsigned, charset, nullable, primaryKey, defaultValue, hasDefault, text);
    }

    /** A DEFAULT's value if it is a constant (see {@link ColumnDefinition#defaultValue()}); skips it either way. */
    private static String constant(SqlTokens t) {
        Token v = t.peek();
        if (v.kind() == SqlTokens.Kind.STRING) {
            t.take();
            return v.text();
        }
        if (v.kind() == SqlTokens.Kind.NUMBER) {
            t.take();
            return v.text();
        }
        if ((v.is("-") || v.is("+")) && t.peek(1).kind() == SqlTokens.Kind.NUMBER) {
            t.take();
            return (v.is("-") ? "-" : "") + t.take().text();
        }
        if (v.is("TRUE") || v.is("FALSE")) {
            t.take();
            return v.is("TRUE") ? "1" : "0";
        }
        skipValue(t);
        return null;
    }

    /** Skips one value: a literal, a word, a signed number, or a (expression), with a function call's parentheses. */
    private static void skipValue(SqlTokens t) {
        if (t.peek().is("(")) {
            t.group();
            return;
        }
        Token v = t.take();
        if (v.is("-") || v.is("+")) {
            t.take();
        } else if (v.kind() == SqlTokens.Kind.WORD && t.peek().is("(")) {
            t.group();
        }
    }

    /** A table name, {@code t} or {@code db.t}, quoted or not. */
    static TableId tableName(String db, SqlTokens t) {
        String first = t.name();
        if (t.accept(".")) {
            return new TableId(first, t.name());
        }
        return new TableId(db, first);
    }

    /** Splits a list at its top-level commas (not inside parentheses or quotes). */
    static List<String> topLevelItems(String list) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (Token tok : SqlTokens.tokenize(list)) {
            if (tok.is("(")) {
                depth++;
            } else if (tok.is(")")) {
                depth--;
            } else if (tok.is(",") && depth == 0) {
                items.add(list.substring(from, tok.start()).trim());
                from = tok.end();
            }
        }
        String last = list.substring(from).trim();
        if (!last.isEmpty()) {
            items.add(last);
        }
        return items;
    }

    /** Best effort for an unreadable statement: the names after TABLE (so that the job can say which table). */
    private static List<TableId> tablesNamedIn(String db, String sql) {
        List<TableId> tables = new ArrayList<>();
        try {
            SqlTokens t = new SqlTokens(sql);
            while (!t.atEnd()) {
                if (t.take().is("TABLE") && t.peek().isName()) {
                    tables.add(tableName(db, t));
                }
            }
        } catch (RuntimeException ignored) {
            // nothing more to learn from it
        }
        return tables;
    }
}

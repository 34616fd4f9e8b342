package io.ferry.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes the sandbox PostgreSQL accept the Redshift dialect's SQL where PostgreSQL lacks a Redshift name, so that the
 * Redshift SQL itself stays unchanged: a domain {@code SUPER} over JSONB and a function {@code JSON_PARSE(text)}.
 * Only for the PostgreSQL stand-in behind pgbouncer; a real Redshift has both.
 */
public final class RedshiftLookalike {
    private RedshiftLookalike() {
    }

    public static void install(Connection warehouse) throws SQLException {
        boolean autoCommit = warehouse.getAutoCommit();
        warehouse.setAutoCommit(true);
        try (Statement st = warehouse.createStatement()) {
            st.execute("DO $$ BEGIN IF to_regtype('public.super') IS NULL THEN CREATE DOMAIN public.super AS jsonb; END IF; END $$");
            st.execute("CREATE OR REPLACE FUNCTION public.json_parse(text) RETURNS public.super LANGUAGE sql IMMUTABLE STRICT "
                    + "AS 'SELECT CAST($1 AS jsonb)'");
        } finally {
            warehouse.setAutoCommit(autoCommit);
        }
    }
}

package io.ferry.warehouse;

/**
 * Where the checkpoint table's SQL differs between warehouses. Redshift has no {@code ON CONFLICT}, no
 * {@code IS NOT DISTINCT FROM} and no {@code to_regclass}, does not enforce primary keys, and makes TEXT a
 * VARCHAR(256): its checkpoint table uses wide VARCHARs, reads before it inserts, and compares progress by COALESCE.
 */
public enum CheckpointSql {
    POSTGRES, REDSHIFT;

    String create(WarehouseDialect d, String table) {
        if (this == POSTGRES) {
            return "CREATE TABLE IF NOT EXISTS " + table + " (job TEXT PRIMARY KEY, position TEXT NOT NULL, "
                    + "phase TEXT NOT NULL, snapshot_progress TEXT, updated_at TIMESTAMPTZ NOT NULL)";
        }
        return "CREATE TABLE IF NOT EXISTS " + table + " (" + d.quote("job") + " VARCHAR(256) NOT NULL, "
                + d.quote("position") + " VARCHAR(65535) NOT NULL, " + d.quote("phase") + " VARCHAR(16) NOT NULL, "
                + d.quote("snapshot_progress") + " VARCHAR(65535), " + d.quote("updated_at") + " TIMESTAMPTZ NOT NULL, "
                + "PRIMARY KEY (" + d.quote("job") + "))";
    }

    /** Whether an insert relies on the primary key to refuse a second first checkpoint (else: read first). */
    boolean enforcesKey() {
        return this == POSTGRES;
    }

    String insert(WarehouseDialect d, String table) {
        String columns = this == POSTGRES ? "job, position, phase, snapshot_progress, updated_at"
                : d.quote("job") + ", " + d.quote("position") + ", " + d.quote("phase") + ", " + d.quote("snapshot_progress")
                  + ", " + d.quote("updated_at");
        return "INSERT INTO " + table + " (" + columns + ") VALUES (?, ?, ?, ?, ?)" + (this == POSTGRES ? " ON CONFLICT (job) DO NOTHING" : "");
    }

    String count(WarehouseDialect d, String table) {
        return "SELECT count(*) FROM " + table + " WHERE " + d.quote("job") + " = ?";
    }

    String advance(WarehouseDialect d, String table) {
        if (this == POSTGRES) {
            return "UPDATE " + table + " SET position = ?, phase = ?, snapshot_progress = ?, updated_at = ? WHERE job = ? "
                    + "AND position = ? AND phase = ? AND snapshot_progress IS NOT DISTINCT FROM ?";
        }
        return "UPDATE " + table + " SET " + d.quote("position") + " = ?, " + d.quote("phase") + " = ?, "
                + d.quote("snapshot_progress") + " = ?, " + d.quote("updated_at") + " = ? WHERE " + d.quote("job") + " = ? AND "
                + d.quote("position") + " = ? AND " + d.quote("phase") + " = ? AND COALESCE(" + d.quote("snapshot_progress")
                + ", '') = COALESCE(?, '')";
    }

    String read(WarehouseDialect d, String table) {
        return "SELECT " + d.quote("position") + ", " + d.quote("phase") + ", " + d.quote("snapshot_progress") + " FROM " + table
                + " WHERE " + d.quote("job") + " = ?";
    }

    String delete(WarehouseDialect d, String table) {
        return "DELETE FROM " + table + " WHERE " + d.quote("job") + " = ?";
    }

    /** Every checkpoint statement by name ("checkpoint-create", ...), for docs and rule checks. */
    public java.util.Map<String, String> statements(WarehouseDialect d, String table) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("checkpoint-create", create(d, table));
        out.put("checkpoint-exists", exists());
        out.put("checkpoint-read", read(d, table));
        if (!enforcesKey()) {
            out.put("checkpoint-count", count(d, table));
        }
        out.put("checkpoint-insert", insert(d, table));
        out.put("checkpoint-advance", advance(d, table));
        out.put("checkpoint-delete", delete(d, table));
        return out;
    }

    /** One row if the checkpoint table exists (parameters: schema, table). */
    String exists() {
        return this == POSTGRES ? "SELECT to_regclass(quote_ident(?) || '.' || quote_ident(?))"
                : "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?";
    }
}

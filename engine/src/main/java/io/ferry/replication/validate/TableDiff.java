package io.ferry.replication.validate;

import io.ferry.replication.TableId;

import java.util.List;

/**
 * The result of validating one table: row counts on each side, the chunks (in source primary-key order) that differ
 * with their key ranges, and the keys missing from the warehouse, extra in it, or with different values (counts, and
 * up to the listing limit of each).
 *
 * @param rechecked  comparisons repeated after waiting for the job to catch up (a chunk or the extra keys differed)
 * @param unsettled why differences may still be changes the job had not applied yet (it did not catch up to the
 *                  source during the re-check), or null
 */
public record TableDiff(TableId table, String target, long sourceRows, long warehouseRows, int chunks, int rechecked,
                        List<Chunk> differingChunks, Keys missing, Keys extra, Keys different, String suspended,
                        String unsettled) {
    /** A chunk of source rows whose warehouse copy differs: its key range and how many keys are missing or different. */
    public record Chunk(int number, String firstKey, String lastKey, long rows, long missing, long different) {
    }

    /** How many keys, and the first of them (as {@code id=5} or {@code (a, b)=(x, 3)}). */
    public record Keys(long count, List<String> listed) {
        public static final Keys NONE = new Keys(0, List.of());
    }

    public boolean equal() {
        return missing.count() == 0 && extra.count() == 0 && different.count() == 0;
    }
}

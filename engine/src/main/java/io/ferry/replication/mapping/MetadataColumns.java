package io.ferry.replication.mapping;

/**
 * The optional metadata columns a job adds to every target table; a null name leaves the column out.
 *
 * @param operation  'I', 'U' or 'D' for the row's last source change, 'L' for a row written by the full load
 * @param commitTime the commit time of the row's last source transaction (the load time for full-load rows)
 * @param deleted    soft delete: a source delete sets this flag (and the operation to 'D') instead of deleting the row
 */
public record MetadataColumns(String operation, String commitTime, String deleted) {
    public static final String DEFAULT_OPERATION = "_ferry_op";
    public static final String DEFAULT_COMMIT_TIME = "_ferry_commit_time";
    public static final String DEFAULT_DELETED = "_ferry_is_deleted";
    public static final MetadataColumns NONE = new MetadataColumns(null, null, null);

    public boolean isEmpty() {
        return operation == null && commitTime == null && deleted == null;
    }

    public boolean softDelete() {
        return deleted != null;
    }
}

package io.ferry.druid;

/** A row of the broker's {@code sys.tasks}: a task the overlord knows, its state and, if it failed, why. */
public record SysTask(String taskId, String type, String dataSource, String createdTime, String status,
                      String runnerStatus, long durationMillis, String errorMsg) {

    static final String COLUMNS = "task_id, type, datasource, created_time, status, runner_status, duration, error_msg";

    static SysTask from(SqlResult.SqlRow row) {
        return new SysTask(row.getString("task_id"), row.getString("type"), row.getString("datasource"),
                row.getString("created_time"), row.getString("status"), row.getString("runner_status"),
                row.getLong("duration"), row.getString("error_msg"));
    }
}

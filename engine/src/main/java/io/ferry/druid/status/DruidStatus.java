package io.ferry.druid.status;

import io.ferry.druid.ServerInfo;
import io.ferry.druid.TaskStatus;

import java.util.List;

/** The cluster as {@code ferry druid status} shows it: datasources, supervisors, running tasks and data servers. */
public record DruidStatus(List<DatasourceStatus> datasources, List<SupervisorHealth> supervisors,
                          List<TaskStatus> runningTasks, List<ServerInfo> servers) {
    public DruidStatus {
        datasources = List.copyOf(datasources);
        supervisors = List.copyOf(supervisors);
        runningTasks = List.copyOf(runningTasks);
        servers = List.copyOf(servers);
    }
}

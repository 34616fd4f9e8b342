package io.ferry.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every job type ferry.yaml knows: one binder each, one line each. */
final class JobTypes {
    private static final List<JobTypeBinder> ALL = List.of(
            new ReplicationJobBinder(),
            new DruidReindexJobBinder()
    );

    private JobTypes() {
    }

    static Map<String, JobTypeBinder> byType() {
        Map<String, JobTypeBinder> out = new LinkedHashMap<>();
        ALL.forEach(b -> out.put(b.type(), b));
        return out;
    }
}

package io.edihub.cluster;

import java.time.Duration;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * Camel's cluster service for the hub's replicas, with leadership kept in PostgreSQL: each namespace (one per
 * singleton route, {@code master:<namespace>:...}) is led by the replica that holds its row in {@code int_lock},
 * through Spring Integration's {@link LockRegistry} and its leader initiator. No other coordination server is
 * needed: the replicas share the database anyway. A leader that is killed or loses the database stops
 * renewing its row, and another replica takes the namespace over once the row's time to live has passed.
 */
class DatabaseClusterService extends AbstractCamelClusterService<DatabaseClusterView> {

    private final LockRegistry locks;
    private final String memberName;
    private final Duration heartbeat;

    public DatabaseClusterService(LockRegistry locks, String memberName, Duration heartbeat) {
        super("edihub-database");
        this.locks = locks;
        this.memberName = memberName;
        this.heartbeat = heartbeat;
    }

    @Override
    protected DatabaseClusterView createView(String namespace) {
        return new DatabaseClusterView(this, namespace, locks, memberName, heartbeat);
    }
}

package io.edihub.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * One namespace of the {@link DatabaseClusterService}: this replica runs for its leadership while the view is
 * started, and tells Camel (the {@code master} consumers listening) when it gains or loses it. Other replicas
 * are not listed: the lock row says only who leads, and a follower needs no more.
 */
class DatabaseClusterView extends AbstractCamelClusterView {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseClusterView.class);

    private final LockRegistry locks;
    private final Duration heartbeat;
    private final Member local;
    private volatile boolean leader;
    private LockRegistryLeaderInitiator initiator;
    private ExecutorService thread;

    DatabaseClusterView(CamelClusterService service, String namespace, LockRegistry locks, String memberName,
            Duration heartbeat) {
        super(service, namespace);
        this.locks = locks;
        this.heartbeat = heartbeat;
        this.local = new Member(memberName);
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        return leader ? Optional.of(local) : Optional.empty();
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        return List.of(local);
    }

    @Override
    protected void doStart() {
        String namespace = getNamespace();
        thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "edihub-leader-" + namespace);
            t.setDaemon(true);
            return t;
        });
        initiator = new LockRegistryLeaderInitiator(locks, new DefaultCandidate(local.getId(), namespace) {
            @Override
            public void onGranted(Context context) {
                changed(true);
            }

            @Override
            public void onRevoked(Context context) {
                changed(false);
            }
        });
        initiator.setTaskExecutor(new TaskExecutorAdapter(thread));
        initiator.setHeartBeatMillis(heartbeat.toMillis());
        initiator.setBusyWaitMillis(heartbeat.toMillis());
        initiator.start();
    }

    @Override
    protected void doStop() {
        if (initiator != null) {
            // gives the lock row up at once, so another replica need not wait for it to expire
            initiator.stop();
            thread.shutdown();
        }
        changed(false);
    }

    private void changed(boolean leading) {
        if (leader == leading) {
            return;
        }
        leader = leading;
        LOG.info("{} {} the leadership of {}", local.getId(), leading ? "took" : "gave up", getNamespace());
        fireLeadershipChangedEvent(getLeader());
    }

    private final class Member implements CamelClusterMember {

        private final String id;

        Member(String id) {
            this.id = id;
        }

        @Override
        public boolean isLeader() {
            return leader;
        }

        @Override
        public boolean isLocal() {
            return true;
        }

        @Override
        public String getId() {
            return id;
        }
    }
}

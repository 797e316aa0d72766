package io.edihub.cluster;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How replicas of the hub share the work through PostgreSQL.
 *
 * @param memberName      this replica's name in logs and in the leadership messages (the pod's name on Kubernetes)
 * @param leaderLockFor   a leader that stops renewing its lock row (killed, cut off from the database) loses it after
 *                        this long, and another replica takes its singleton routes over
 * @param leaderHeartbeat how often a replica renews the leadership it holds, or tries to take one nobody holds
 * @param fileClaimFor    a file claim nobody renews (the replica that took the file was killed) is given up after this
 *                        long, and another replica takes the file
 * @param fileClaimRenew  how often a replica renews the claims on the files it is processing
 */
@Validated
@ConfigurationProperties("edihub.cluster")
public record ClusterSettings(@DefaultValue("edi-hub") @NotBlank String memberName,
        @DefaultValue("PT10S") Duration leaderLockFor, @DefaultValue("PT1S") Duration leaderHeartbeat,
        @DefaultValue("PT1M") Duration fileClaimFor, @DefaultValue("PT15S") Duration fileClaimRenew) {

    public ClusterSettings {
        if (leaderHeartbeat.isNegative() || leaderHeartbeat.isZero() || leaderHeartbeat.compareTo(leaderLockFor) >= 0) {
            throw new IllegalArgumentException("edihub.cluster.leader-heartbeat (" + leaderHeartbeat
                    + ") must be positive and shorter than edihub.cluster.leader-lock-for (" + leaderLockFor + ")");
        }
        if (fileClaimRenew.isNegative() || fileClaimRenew.isZero() || fileClaimRenew.compareTo(fileClaimFor) >= 0) {
            throw new IllegalArgumentException("edihub.cluster.file-claim-renew (" + fileClaimRenew
                    + ") must be positive and shorter than edihub.cluster.file-claim-for (" + fileClaimFor + ")");
        }
    }
}

package io.edihub.cluster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * Which replica is processing which inbound file: Camel's {@link JdbcOrphanLockAwareIdempotentRepository} on the
 * shared table {@code camel_messageprocessed}, used as the SFTP consumers' in-progress repository. A replica
 * claims a file by inserting its row (the primary key lets one insert win), renews it while it works and deletes
 * it when the file was moved out of {@code inbound/}.
 *
 * <p>Two changes to Camel's class, both for two replicas claiming the same file at the same moment: there, a
 * replica that finds the row too old updates its time and takes the file, and so does one that looked before
 * another's insert and checks again after it, so two could take the file together. Here a claim's look and insert
 * run under a transaction lock on the file (one replica at a time), and an old row is deleted before it is claimed
 * by inserting it again, so the winner renews it like any claim of its own.
 */
public class FileClaims extends JdbcOrphanLockAwareIdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(FileClaims.class);
    private static final String TABLE = "camel_messageprocessed";
    /** The first key of the transaction locks that keep a file's claim to one replica at a time. */
    private static final int CLAIM_LOCKS = 0x0ED1_C1A1;

    private final Duration claimFor;
    private final Clock clock;

    public FileClaims(DataSource dataSource, String processorName, CamelContext camelContext, Duration claimFor,
            Duration renewEvery, Clock clock) {
        super(dataSource, processorName, camelContext);
        this.claimFor = claimFor;
        this.clock = clock;
        // the table comes with the schema (Flyway), with room for long paths
        setCreateTableIfNotExists(false);
        setTableName(TABLE);
        setLockMaxAgeMillis(claimFor.toMillis());
        setLockKeepAliveIntervalMillis(renewEvery.toMillis());
    }

    /** The look before the insert, inside the claim's transaction: one replica at a time per file. */
    @Override
    protected int queryForInt(String key) {
        jdbcTemplate.queryForObject("select 1 from pg_advisory_xact_lock(?, hashtext(?))", Integer.class, CLAIM_LOCKS,
                processorName + "/" + key);
        return super.queryForInt(key);
    }

    @Override
    public boolean add(String key) {
        if (jdbcTemplate.update("delete from " + TABLE + " where processorname = ? and messageid = ? and createdat < ?",
                processorName, key, abandonedBefore()) > 0) {
            LOG.info("{}: taking over the claim of a replica that stopped renewing it", key);
        }
        try {
            return super.add(key);
        } catch (DuplicateKeyException e) {
            // another replica claimed it between our look and our insert
            return false;
        }
    }

    /**
     * Deletes the claims nobody renews any more: a replica killed after it moved a file but before it deleted the
     * claim leaves one behind for a file that is gone. Returns how many.
     */
    public int forgetAbandoned() {
        int forgotten = jdbcTemplate.update("delete from " + TABLE + " where processorname = ? and createdat < ?",
                processorName, abandonedBefore());
        if (forgotten > 0) {
            LOG.info("forgot {} file claim(s) that no replica renewed for {}", forgotten, claimFor);
        }
        return forgotten;
    }

    private Timestamp abandonedBefore() {
        return Timestamp.from(clock.instant().minus(claimFor));
    }
}

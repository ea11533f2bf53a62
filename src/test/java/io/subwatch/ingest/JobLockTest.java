package io.subwatch.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.Status;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.MutableClock;
import io.subwatch.support.MutableClockConfig;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled job runs on one node at a time: while another node holds the job's lock in the database (ShedLock's
 * {@code shedlock} row, as that node's own run would), this node's run of the zombie check does nothing; once the
 * lock is released it runs. ArchitectureTest checks that every scheduled method has such a lock.
 */
@IntegrationTest
@Import(MutableClockConfig.class)
@TestPropertySource(properties = { "subwatch.jobs.enabled=true", "subwatch.zombie-check-interval=1h" })
class JobLockTest {

	@Autowired
	ZombieSchedule schedule;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CounterDao counters;

	@Autowired
	MutableClock clock;

	@Autowired
	DataSource dataSource;

	@Test
	void whileAnotherNodeRunsTheZombieCheckThisNodeSkipsIt() {
		long bizId = this.fixtures.newBizId();
		this.clock.set(Instant.parse("2026-11-29T03:00:00Z"));
		CreatedTask task = this.fixtures.task(this.fixtures.subscription(bizId), this.fixtures.hosts(bizId, 1));
		long stuck = task.records().get(0).recordId();
		this.fixtures.send(List.of(Fixtures.event(stuck, 0, "RUNNING", this.clock.instant())));
		this.clock.advance(Duration.ofMinutes(31));

		JdbcTemplateLockProvider otherNode = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
			.builder()
			.withJdbcTemplate(new JdbcTemplate(this.dataSource))
			.usingDbTime()
			.withLockedByValue("node-a")
			.build());
		Optional<SimpleLock> held = otherNode
			.lock(new LockConfiguration(Instant.now(), "zombie-check", Duration.ofMinutes(5), Duration.ZERO));
		assertThat(held).as("the other node gets the lock").isPresent();
		try {
			this.schedule.run();
			assertThat(this.counters.findByTask(task.taskId()).count(Status.FAILED)).isZero();
		}
		finally {
			held.get().unlock();
		}

		this.schedule.run();
		assertThat(this.counters.findByTask(task.taskId()).count(Status.FAILED)).isEqualTo(1);
	}

}

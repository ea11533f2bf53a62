package io.subwatch.system;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A MariaDB Galera cluster refuses a commit that conflicts with a transaction certified first on another node: error
 * 1213, SQLState 40001, "Deadlock found when trying to get lock; try restarting transaction", thrown by
 * {@code Connection.commit()}. Simulated here on H2 with a connection whose commit fails that way, through the
 * transaction manager Spring Boot configures ({@link JdbcTransactionManager}) with the MySQL/MariaDB error codes.
 */
class GaleraDeadlockRetryTest {

	final LockRetry retry = new LockRetry();

	final AtomicInteger failingCommits = new AtomicInteger();

	SQLException commitFailure;

	JdbcTemplate jdbc;

	TransactionTemplate transaction;

	@BeforeEach
	void database() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:galera-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		DataSource dataSource = new DelegatingDataSource(h2) {
			@Override
			public Connection getConnection() throws SQLException {
				return failingCommits(super.getConnection());
			}
		};
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.execute("CREATE TABLE batch_event (id BIGINT PRIMARY KEY, status VARCHAR(16) NOT NULL)");
		this.commitFailure = new SQLTransactionRollbackException(
				"Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
	}

	private TransactionTemplate transactions(String database) {
		JdbcTransactionManager manager = new JdbcTransactionManager(this.jdbc.getDataSource());
		manager.setExceptionTranslator(new SQLErrorCodeSQLExceptionTranslator(database));
		return new TransactionTemplate(manager);
	}

	private Connection failingCommits(Connection connection) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("commit") && this.failingCommits.getAndDecrement() > 0) {
						connection.rollback();
						throw this.commitFailure;
					}
					return method.invoke(connection, args);
				});
	}

	/** One event batch: insert the rows it does not have yet (applied twice, it changes nothing). */
	private int applyBatch(AtomicInteger attempts) {
		return this.transaction.execute(status -> {
			attempts.incrementAndGet();
			return this.jdbc.update("""
					MERGE INTO batch_event (id, status) KEY (id) VALUES (1, 'RUNNING'), (2, 'SUCCESS')
					""");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "MySQL", "MariaDB" })
	void aCommitRefusedByCertificationIsRetriedAndAppliedOnce(String database) {
		this.transaction = transactions(database);
		this.failingCommits.set(2);
		AtomicInteger attempts = new AtomicInteger();
		this.retry.run(() -> applyBatch(attempts));
		assertThat(attempts).hasValue(3);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM batch_event", Integer.class)).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "MySQL", "MariaDB" })
	void aCertificationFailureReachesTheCallerAsALockFailureAfterTheRetries(String database) {
		this.transaction = transactions(database);
		this.failingCommits.set(Integer.MAX_VALUE);
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> this.retry.run(() -> applyBatch(attempts)))
			.isInstanceOf(PessimisticLockingFailureException.class);
		assertThat(attempts).hasValue(4);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM batch_event", Integer.class)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "MySQL", "MariaDB" })
	void aConnectionLostAtCommitIsRetriedOnlyForIdempotentWork(String database) {
		this.transaction = transactions(database);
		this.commitFailure = new SQLNonTransientConnectionException("Communications link failure", "08S01", 0);
		this.failingCommits.set(1);
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> this.retry.run(() -> applyBatch(attempts)))
			.satisfies(failure -> assertThat(DatabaseOutage.is(failure)).isTrue());
		assertThat(attempts).hasValue(1);

		this.failingCommits.set(2);
		this.retry.runIdempotent(() -> applyBatch(attempts));
		assertThat(attempts).hasValue(4);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM batch_event", Integer.class)).isEqualTo(2);
	}

}

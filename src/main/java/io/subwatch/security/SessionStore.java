package io.subwatch.security;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Browser sessions live in the database (Spring Session JDBC, tables from Flyway V55), so every app node serves every
 * signed-in browser and share-link visitor. Three adjustments to Spring Boot's set-up: an attribute is written with an
 * upsert (two concurrent requests of one session, e.g. htmx polls, may both add the same attribute; MySQL's
 * {@code ON DUPLICATE KEY UPDATE}, which H2 understands in MySQL mode), and expired sessions are deleted by one node
 * at a time under ShedLock instead of by every node's own timer ({@code spring.session.jdbc.cleanup-cron=-}), and a
 * session's row is not rewritten by every request only to move its last-access time
 * ({@link ThrottledSessionRepository}).
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes() {
		return new MySqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	static SessionTouchThrottle sessionTouchThrottle(Environment environment) {
		return new SessionTouchThrottle(
				environment.getProperty("subwatch.sessions.touch-interval", Duration.class, Duration.ofMinutes(1)));
	}

	@Bean
	@ConditionalOnProperty(name = "subwatch.jobs.enabled", havingValue = "true", matchIfMissing = true)
	ExpiredSessionCleanup expiredSessionCleanup(SessionTouchThrottle throttle) {
		return new ExpiredSessionCleanup(throttle);
	}

	/**
	 * Wraps the repository Spring Boot makes in a {@link ThrottledSessionRepository}. Declaring a session repository of
	 * our own would turn Boot's JDBC session set-up (its properties, table name, schema) off, so the wrapper replaces
	 * Boot's bean once it is built, and this keeps the JDBC repository for the clean-up, which the wrapper's type hides.
	 */
	static final class SessionTouchThrottle implements BeanPostProcessor {

		private final Duration touchInterval;

		private volatile JdbcIndexedSessionRepository stored;

		SessionTouchThrottle(Duration touchInterval) {
			this.touchInterval = touchInterval;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof JdbcIndexedSessionRepository jdbc) {
				this.stored = jdbc;
				return new ThrottledSessionRepository<>(jdbc, this.touchInterval);
			}
			return bean;
		}

		/** The sessions' JDBC repository, or null where sessions are not in the database. */
		JdbcIndexedSessionRepository stored() {
			return this.stored;
		}

	}

	/** Deletes expired sessions every minute, on one node (nothing to do where sessions are not in the database). */
	static class ExpiredSessionCleanup {

		private static final Logger log = LoggerFactory.getLogger(ExpiredSessionCleanup.class);

		private final SessionTouchThrottle sessions;

		ExpiredSessionCleanup(SessionTouchThrottle sessions) {
			this.sessions = sessions;
		}

		@Scheduled(fixedDelayString = "${subwatch.sessions.cleanup-interval:1m}",
				initialDelayString = "${subwatch.sessions.cleanup-interval:1m}")
		@SchedulerLock(name = "session-cleanup", lockAtMostFor = "PT10M")
		void run() {
			JdbcIndexedSessionRepository repository = this.sessions.stored();
			if (repository != null) {
				log.debug("Deleting expired sessions");
				repository.cleanUpExpiredSessions();
			}
		}

	}

}

package io.subwatch.security;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Browser sessions live in the database (Spring Session JDBC, tables from Flyway V55), so every app node serves every
 * signed-in browser and share-link visitor. Two adjustments to Spring Boot's set-up: an attribute is written with an
 * upsert (two concurrent requests of one session, e.g. htmx polls, may both add the same attribute; MySQL's
 * {@code ON DUPLICATE KEY UPDATE}, which H2 understands in MySQL mode), and expired sessions are deleted by one node
 * at a time under ShedLock instead of by every node's own timer ({@code spring.session.jdbc.cleanup-cron=-}).
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes() {
		return new MySqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	@ConditionalOnProperty(name = "subwatch.jobs.enabled", havingValue = "true", matchIfMissing = true)
	ExpiredSessionCleanup expiredSessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
		return new ExpiredSessionCleanup(sessions);
	}

	/** Deletes expired sessions every minute, on one node (nothing to do where sessions are not in the database). */
	static class ExpiredSessionCleanup {

		private static final Logger log = LoggerFactory.getLogger(ExpiredSessionCleanup.class);

		private final ObjectProvider<JdbcIndexedSessionRepository> sessions;

		ExpiredSessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
			this.sessions = sessions;
		}

		@Scheduled(fixedDelayString = "${subwatch.sessions.cleanup-interval:1m}",
				initialDelayString = "${subwatch.sessions.cleanup-interval:1m}")
		@SchedulerLock(name = "session-cleanup", lockAtMostFor = "PT10M")
		void run() {
			this.sessions.ifAvailable((repository) -> {
				log.debug("Deleting expired sessions");
				repository.cleanUpExpiredSessions();
			});
		}

	}

}

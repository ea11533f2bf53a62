package io.subwatch.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session JDBC rewrites a session's row on every request only to move its last-access time: a committed write
 * (replicated to every node of a Galera cluster) for each page view and each htmx poll of every open tab. This
 * repository moves a stored session's last-access time only once it is {@code touchInterval} old, so a session that
 * changed nothing else costs one read per request. The price is the HttpSession contract's precision: a session ends
 * after between {@code timeout - touchInterval} and {@code timeout} without requests (the interval is at most a tenth
 * of the timeout). Anything else a request changes
 * (attributes, a new id after sign-in, the timeout) is written as before.
 */
final class ThrottledSessionRepository<S extends Session>
		implements FindByIndexNameSessionRepository<ThrottledSessionRepository.ThrottledSession<S>> {

	private final FindByIndexNameSessionRepository<S> delegate;

	private final Duration touchInterval;

	ThrottledSessionRepository(FindByIndexNameSessionRepository<S> delegate, Duration touchInterval) {
		this.delegate = delegate;
		this.touchInterval = touchInterval;
	}

	@Override
	public ThrottledSession<S> createSession() {
		return new ThrottledSession<>(this.delegate.createSession(), Duration.ZERO);
	}

	@Override
	public void save(ThrottledSession<S> session) {
		this.delegate.save(session.delegate);
		SessionReadOnce.remember(session);
	}

	/** Reads a session, unless the current request has read or saved it already ({@link SessionReadOnce}). */
	@Override
	public ThrottledSession<S> findById(String id) {
		ThrottledSession<S> seen = SessionReadOnce.seen(id);
		if (seen != null) {
			return seen;
		}
		S found = this.delegate.findById(id);
		if (found == null) {
			return null;
		}
		ThrottledSession<S> session = new ThrottledSession<>(found, this.touchInterval);
		SessionReadOnce.remember(session);
		return session;
	}

	@Override
	public void deleteById(String id) {
		this.delegate.deleteById(id);
		SessionReadOnce.forget(id);
	}

	@Override
	public Map<String, ThrottledSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, ThrottledSession<S>> found = new LinkedHashMap<>();
		this.delegate.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new ThrottledSession<>(session, this.touchInterval)));
		return found;
	}

	/** A session whose last-access time moves only in steps of at least {@code touchInterval}. */
	static final class ThrottledSession<S extends Session> implements Session {

		private final S delegate;

		private final Duration touchInterval;

		ThrottledSession(S delegate, Duration touchInterval) {
			this.delegate = delegate;
			this.touchInterval = touchInterval;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (Duration.between(this.delegate.getLastAccessedTime(), lastAccessedTime).compareTo(step()) >= 0) {
				this.delegate.setLastAccessedTime(lastAccessedTime);
			}
		}

		/** The touch interval, but never above a tenth of the session's timeout, so a short timeout stays usable. */
		private Duration step() {
			Duration timeout = this.delegate.getMaxInactiveInterval();
			if (timeout.isNegative() || timeout.isZero()) {
				return this.touchInterval;
			}
			Duration tenth = timeout.dividedBy(10);
			return (tenth.compareTo(this.touchInterval) < 0) ? tenth : this.touchInterval;
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.delegate.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public String changeSessionId() {
			return this.delegate.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.delegate.isExpired();
		}

	}

}

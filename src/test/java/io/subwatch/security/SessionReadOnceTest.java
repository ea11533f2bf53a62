package io.subwatch.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Session's filter over our repository, whose store counts its reads: requests through it with and without
 * {@link SessionReadOnce}, whose response is committed before the request ends, as a large page's is.
 */
class SessionReadOnceTest {

	private final CountingStore store = new CountingStore();

	private final ThrottledSessionRepository<MapSession> repository = new ThrottledSessionRepository<>(this.store,
			Duration.ofMinutes(1));

	@Test
	void aSignedInRequestReadsItsSessionOnce() throws Exception {
		String id = storedSession();

		MockHttpServletResponse response = serve(withCookie(id), (request) -> request.getSession(false), true);

		assertThat(this.store.reads).containsExactly(id);
		assertThat(response.getCookie("SESSION")).as("the browser has the cookie already").isNull();
	}

	@Test
	void withoutItSpringSessionReadsTheSessionAgainAtTheEnd() throws Exception {
		String id = storedSession();

		serve(withCookie(id), (request) -> request.getSession(false), false);

		assertThat(this.store.reads).containsExactly(id, id);
	}

	@Test
	void whatTheRequestChangedIsSaved() throws Exception {
		String id = storedSession();

		serve(withCookie(id), (request) -> request.getSession(false).setAttribute("flash", "saved"), true);

		assertThat(this.store.sessions.findById(id).<String>getAttribute("flash")).isEqualTo("saved");
	}

	@Test
	void aNewSessionStillSendsItsCookie() throws Exception {
		MockHttpServletResponse response = serve(new MockHttpServletRequest(),
				(request) -> request.getSession(true).setAttribute("signed-in", "yes"), true);

		assertThat(response.getCookie("SESSION")).isNotNull();
		assertThat(this.store.sessions.findById(decode(response.getCookie("SESSION").getValue()))).isNotNull();
	}

	@Test
	void aChangedSessionIdStillSendsTheNewCookie() throws Exception {
		String id = storedSession();

		MockHttpServletResponse response = serve(withCookie(id), (request) -> {
			request.getSession(false);
			request.changeSessionId(); // as sign-in does against session fixation
		}, true);

		String sent = decode(response.getCookie("SESSION").getValue());
		assertThat(sent).isNotEqualTo(id);
		assertThat(this.store.sessions.findById(sent)).isNotNull();
		assertThat(this.store.sessions.findById(id)).isNull();
	}

	@Test
	void aSessionEndedInTheRequestIsNotFoundAgain() throws Exception {
		String id = storedSession();

		MockHttpServletResponse response = serve(withCookie(id), (request) -> request.getSession(false).invalidate(),
				true);

		assertThat(this.store.sessions.findById(id)).isNull();
		assertThat(response.getCookie("SESSION").getMaxAge()).as("the cookie is expired").isZero();
	}

	@Test
	void outsideARequestEveryReadReachesTheStore() {
		String id = storedSession();

		this.repository.findById(id);
		this.repository.findById(id);

		assertThat(this.store.reads).containsExactly(id, id);
	}

	private String storedSession() {
		MapSession session = this.store.createSession();
		session.setAttribute("signed-in", "yes");
		this.store.save(session);
		return session.getId();
	}

	private static MockHttpServletRequest withCookie(String sessionId) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(new Cookie("SESSION",
				Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8))));
		return request;
	}

	private static String decode(String cookie) {
		return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
	}

	/** One request: the handler runs, then the response is committed, then the request ends. */
	private MockHttpServletResponse serve(MockHttpServletRequest request, Handler handler, boolean readOnce)
			throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		HttpServlet servlet = new HttpServlet() {
			@Override
			protected void service(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
				handler.handle(req);
				resp.flushBuffer();
			}
		};
		List<Filter> filters = new ArrayList<>();
		if (readOnce) {
			filters.add(new SessionReadOnce());
		}
		filters.add(new SessionRepositoryFilter<>(this.repository));
		new MockFilterChain(servlet, filters.toArray(Filter[]::new)).doFilter(request, response);
		return response;
	}

	@FunctionalInterface
	private interface Handler {

		void handle(HttpServletRequest request);

	}

	/** Sessions in a map, each read noted. */
	private static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {

		private final MapSessionRepository sessions = new MapSessionRepository(new ConcurrentHashMap<>());

		private final List<String> reads = new ArrayList<>();

		@Override
		public MapSession createSession() {
			return this.sessions.createSession();
		}

		@Override
		public void save(MapSession session) {
			this.sessions.save(session);
		}

		@Override
		public MapSession findById(String id) {
			this.reads.add(id);
			return this.sessions.findById(id);
		}

		@Override
		public void deleteById(String id) {
			this.sessions.deleteById(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}

	}

}

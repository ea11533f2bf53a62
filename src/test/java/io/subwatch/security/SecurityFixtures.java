package io.subwatch.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpSession;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Real accounts for security tests: database users (signed in through the login form, so their sessions are
 * revalidated like production ones), API applications with chosen grants, share links. Names are unique per call.
 */
@Component
public class SecurityFixtures {

	public static final String PASSWORD = "correct horse battery";

	private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private final UserDao users;

	private final ApiApplicationDao applications;

	private final ShareLinkDao shareLinks;

	private final PasswordEncoder encoder;

	private final Clock clock;

	SecurityFixtures(UserDao users, ApiApplicationDao applications, ShareLinkDao shareLinks, PasswordEncoder encoder,
			Clock clock) {
		this.users = users;
		this.applications = applications;
		this.shareLinks = shareLinks;
		this.encoder = encoder;
		this.clock = clock;
	}

	public static String unique(String prefix) {
		return prefix + NEXT.incrementAndGet();
	}

	/** A new user of this role and grants, with {@link #PASSWORD}. */
	public UserAccount user(Role role, BizScope grants) {
		String name = unique(role.name().toLowerCase() + "-");
		long id = this.users.insert(name, this.encoder.encode(PASSWORD), role, grants, this.clock.instant(), "test");
		return this.users.findById(id).orElseThrow();
	}

	public UserAccount reload(UserAccount user) {
		return this.users.findById(user.id()).orElseThrow();
	}

	/** A new application with these grants; returns its code (the secret is {@link #PASSWORD}). */
	String application(boolean readAll, boolean writeAll, Set<Long> read, Set<Long> write) {
		String code = unique("app-");
		this.applications.insert(code, this.encoder.encode(PASSWORD), null,
				new ApiApplicationDao.Grants(readAll, writeAll, read, write), this.clock.instant(), "test");
		return code;
	}

	void disableApplication(String code) {
		ApiApplication app = this.applications.findByAppCode(code).orElseThrow();
		this.applications.update(app.id(), app.description(), new ApiApplicationDao.Grants(app.readAll(),
				app.writeAll(), app.readBizIds(), app.writeBizIds()), false);
	}

	/** A share link with this token, expiring at {@code expires} (in the past for an expired link). */
	long shareLink(String token, long subscriptionId, String instanceId, Instant expires) {
		return this.shareLinks.insert(Secrets.sha256(token), subscriptionId, instanceId, "test",
				expires.minusSeconds(86_400), expires);
	}

	/** Signs in through the login form; returns the session (null when the sign-in failed). */
	public static MockHttpSession signIn(MockMvc mvc, String username, String password, String address) throws Exception {
		MvcResult result = mvc.perform(post("/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with((request) -> {
				request.setRemoteAddr(address);
				return request;
			})).andReturn();
		String location = result.getResponse().getRedirectedUrl();
		if (location == null || location.contains("/login")) {
			return null;
		}
		HttpSession session = result.getRequest().getSession(false);
		return (MockHttpSession) session;
	}

	/** A client address of its own, so per-address throttling of one test never touches another. */
	public static String address() {
		long n = NEXT.incrementAndGet();
		return "10." + (n / 65536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
	}

}

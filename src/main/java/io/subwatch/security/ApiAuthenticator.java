package io.subwatch.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks an application's credentials on every API request. The application row is read each time (a disabled
 * application or a changed grant applies at once); the slow password-hash comparison is skipped when the same secret
 * already matched the same stored hash recently, so executors reporting many batches do not pay bcrypt on each one.
 */
@Component
class ApiAuthenticator {

	/** A secret that matched: the stored hash it matched and the SHA-256 of the secret (never the secret itself). */
	private record Verified(String storedHash, String secretSha256) {
	}

	static final int MAX_USERNAME = 64;

	private final ApiApplicationDao applications;

	private final PasswordEncoder encoder;

	private final Cache<String, Verified> verified = Caffeine.newBuilder()
		.maximumSize(1_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	/** The hash of a random value nobody knows, compared against for unknown application codes. */
	private final String dummyHash;

	private final LoginThrottle throttle;

	ApiAuthenticator(ApiApplicationDao applications, PasswordEncoder encoder, LoginThrottle throttle) {
		this.applications = applications;
		this.encoder = encoder;
		this.throttle = throttle;
		this.dummyHash = encoder.encode(Secrets.random(32));
	}

	/** The caller these credentials authenticate; empty when the code is unknown, disabled or the secret wrong. */
	Optional<ApiCaller> authenticate(ApiCredentials credentials) {
		if (credentials.appCode().length() > 64 || credentials.appSecret().length() > 200) {
			return Optional.empty();
		}
		Optional<ApiApplication> app = this.applications.findByAppCode(credentials.appCode())
			.filter(ApiApplication::enabled);
		if (app.isEmpty()) {
			// as slow as a wrong secret, so the answer's timing does not tell which application codes exist
			this.encoder.matches(credentials.appSecret(), this.dummyHash);
			return Optional.empty();
		}
		return app.filter((found) -> secretMatches(found, credentials.appSecret()))
			.map((found) -> ApiCaller.of(found, username(credentials.username())));
	}

	/**
	 * This request's attempt and how long it must still wait: a client address, or an application code from that
	 * address, waits after repeated wrong credentials; other addresses are never slowed by them.
	 */
	LoginThrottle.Attempt check(ApiCredentials credentials, String address) {
		return this.throttle.check(throttleKey(credentials), address);
	}

	void failed(LoginThrottle.Attempt attempt) {
		this.throttle.failed(attempt);
	}

	void succeeded(LoginThrottle.Attempt attempt) {
		this.throttle.succeeded(attempt);
	}

	private static String throttleKey(ApiCredentials credentials) {
		return "api-app " + credentials.appCode();
	}

	private boolean secretMatches(ApiApplication app, String secret) {
		String sha = Secrets.sha256(secret);
		Verified known = this.verified.getIfPresent(app.appCode());
		if (known != null && known.storedHash().equals(app.secretHash()) && MessageDigest
			.isEqual(known.secretSha256().getBytes(StandardCharsets.US_ASCII), sha.getBytes(StandardCharsets.US_ASCII))) {
			return true;
		}
		if (!this.encoder.matches(secret, app.secretHash())) {
			return false;
		}
		this.verified.put(app.appCode(), new Verified(app.secretHash(), sha));
		return true;
	}

	/** {@code bk_username} as the audit actor: trimmed, without control characters, bounded. */
	static String username(String raw) {
		if (raw == null) {
			return null;
		}
		String cleaned = raw.strip().replaceAll("\\p{Cntrl}", "");
		if (cleaned.isEmpty()) {
			return null;
		}
		return (cleaned.length() <= MAX_USERNAME) ? cleaned : cleaned.substring(0, MAX_USERNAME);
	}

}

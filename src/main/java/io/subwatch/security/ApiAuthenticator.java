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

	ApiAuthenticator(ApiApplicationDao applications, PasswordEncoder encoder) {
		this.applications = applications;
		this.encoder = encoder;
	}

	/** The caller these credentials authenticate; empty when the code is unknown, disabled or the secret wrong. */
	Optional<ApiCaller> authenticate(ApiCredentials credentials) {
		if (credentials.appCode().length() > 64 || credentials.appSecret().length() > 200) {
			return Optional.empty();
		}
		return this.applications.findByAppCode(credentials.appCode())
			.filter(ApiApplication::enabled)
			.filter((app) -> secretMatches(app, credentials.appSecret()))
			.map((app) -> ApiCaller.of(app, username(credentials.username())));
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

package io.subwatch.security;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every {@code subwatch.security.*} setting. The first-start credentials come from the environment
 * ({@code SUBWATCH_ADMIN_PASSWORD}, {@code SUBWATCH_API_APP_CODE}, {@code SUBWATCH_API_APP_SECRET}, mapped in
 * application.properties); nothing here has a default password.
 *
 * @param adminPassword password of the first user {@code admin}, used only when no user exists yet; blank means a
 * random one, logged once and written to {@code initialAdminPasswordFile}
 * @param initialAdminPasswordFile where a random first password is written, readable by the owner only
 * @param apiAppCode with {@code apiAppSecret}: an API application allowed to read and write every business, created
 * at start-up when missing (for bootstrapping an executor)
 * @param apiAppSecret its secret (16 to 72 characters)
 * @param apiBodyBufferLimit the largest API request body searched for {@code bk_app_code}/{@code bk_app_secret} when
 * they are not in the header or the query (larger bodies must send them in {@code X-Bkapi-Authorization})
 * @param contentSecurityPolicy the Content-Security-Policy header of every response
 * @param shareLinkDefaultDays expiry of a new share link unless chosen
 * @param shareLinkMaxDays the longest expiry a share link may have
 * @param login login throttling
 */
@ConfigurationProperties("subwatch.security")
public record SecuritySettings(String adminPassword,
		@DefaultValue("./data/initial-admin-password") Path initialAdminPasswordFile, String apiAppCode,
		String apiAppSecret, @DefaultValue("64MB") DataSize apiBodyBufferLimit,
		@DefaultValue(DEFAULT_CSP) String contentSecurityPolicy, @DefaultValue("7") int shareLinkDefaultDays,
		@DefaultValue("90") int shareLinkMaxDays, @DefaultValue Login login) {

	/**
	 * Scripts only from our own origin: no inline scripts and no eval (htmx attributes injected into a page cannot
	 * run code). Inline styles stay allowed: htmx inserts its indicator style and swaps may carry style attributes.
	 */
	static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * Failed sign-ins are free up to a number of failures, then each further attempt must wait: {@code firstDelay},
	 * doubling with every failure, at most {@code maxDelay}. Failures are forgotten after {@code forgetAfter} without
	 * a new one, and a user's after a successful sign-in.
	 *
	 * @param freeFailuresPerUser failures of one user name before it slows down
	 * @param freeFailuresPerAddress failures from one client address before it slows down
	 */
	public record Login(@DefaultValue("5") int freeFailuresPerUser, @DefaultValue("20") int freeFailuresPerAddress,
			@DefaultValue("1s") Duration firstDelay, @DefaultValue("15m") Duration maxDelay,
			@DefaultValue("1h") Duration forgetAfter) {
	}

}

package io.subwatch.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** First start: the admin's password from the environment or a random one in an owner-only file; the bootstrap app. */
class InitialAccountsTest {

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path dir;

	@Test
	void withoutAConfiguredPasswordTheAdminGetsARandomOneWrittenOwnerReadOnly() throws Exception {
		Users users = new Users();
		Path file = this.dir.resolve("data/initial-admin-password");
		new InitialAccounts(users, new Applications(), this.encoder, settings(null, file, null, null), this.clock)
			.createFirstAdmin();
		assertThat(users.inserted).hasSize(1);
		String password = Files.readString(file).strip();
		assertThat(password).hasSizeGreaterThanOrEqualTo(24);
		assertThat(this.encoder.matches(password, users.inserted.get(0))).isTrue();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("r--------");
	}

	@Test
	void aConfiguredPasswordIsUsedAndNothingIsWritten() {
		Users users = new Users();
		Path file = this.dir.resolve("initial-admin-password");
		new InitialAccounts(users, new Applications(), this.encoder,
				settings("a configured password", file, null, null), this.clock)
			.createFirstAdmin();
		assertThat(this.encoder.matches("a configured password", users.inserted.get(0))).isTrue();
		assertThat(file).doesNotExist();
	}

	@Test
	void nothingHappensWhenAUserExistsAndAShortPasswordIsRefused() {
		Users existing = new Users();
		existing.count = 1;
		new InitialAccounts(existing, new Applications(), this.encoder, settings("x", null, null, null), this.clock)
			.createFirstAdmin();
		assertThat(existing.inserted).isEmpty();
		assertThatIllegalStateException()
			.isThrownBy(() -> new InitialAccounts(new Users(), new Applications(), this.encoder,
					settings("short", null, null, null), this.clock).createFirstAdmin())
			.withMessageContaining("SUBWATCH_ADMIN_PASSWORD");
	}

	@Test
	void theBootstrapApplicationReadsAndWritesEverythingAndFollowsTheSecret() {
		Applications applications = new Applications();
		InitialAccounts first = new InitialAccounts(new Users(), applications, this.encoder,
				settings(null, null, "executor", "a secret of enough length"), this.clock);
		first.createBootstrapApplication();
		assertThat(applications.grants.readAll()).isTrue();
		assertThat(applications.grants.writeAll()).isTrue();
		applications.existing = Optional.of(new ApiApplication(7, "executor", applications.secretHash, null, true, true,
				Set.of(), Set.of(), true, this.clock.instant(), "first start"));
		new InitialAccounts(new Users(), applications, this.encoder,
				settings(null, null, "executor", "another secret, long enough"), this.clock)
			.createBootstrapApplication();
		assertThat(this.encoder.matches("another secret, long enough", applications.secretHash)).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> new InitialAccounts(new Users(), new Applications(),
				this.encoder, settings(null, null, "executor", "too short"), this.clock).createBootstrapApplication());
	}

	private static SecuritySettings settings(String adminPassword, Path file, String code, String secret) {
		return new SecuritySettings(adminPassword, file, code, secret, null, null, 7, 90, null);
	}

	/** Records inserted users' hashes. */
	static final class Users extends UserDao {

		long count;

		final List<String> inserted = new ArrayList<>();

		Users() {
			super(null);
		}

		@Override
		long count() {
			return this.count;
		}

		@Override
		public long insert(String username, String passwordHash, Role role, BizScope grants, Instant now, String createdBy) {
			assertThat(username).isEqualTo("admin");
			assertThat(role).isEqualTo(Role.ADMIN);
			this.inserted.add(passwordHash);
			return 1;
		}

	}

	/** Records the bootstrap application. */
	static final class Applications extends ApiApplicationDao {

		Optional<ApiApplication> existing = Optional.empty();

		ApiApplicationDao.Grants grants;

		String secretHash;

		Applications() {
			super(null);
		}

		@Override
		Optional<ApiApplication> findByAppCode(String appCode) {
			return this.existing;
		}

		@Override
		public long insert(String appCode, String secretHash, String description, Grants grants, Instant now,
				String createdBy) {
			this.grants = grants;
			this.secretHash = secretHash;
			return 7;
		}

		@Override
		public void updateSecret(long id, String secretHash) {
			this.secretHash = secretHash;
		}

	}

}

package io.subwatch.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * First start: when no user exists, the user {@code admin} with the password of {@code SUBWATCH_ADMIN_PASSWORD},
 * or else a random one, logged once and written to {@code ./data/initial-admin-password} (readable by its owner
 * only). When {@code SUBWATCH_API_APP_CODE} and {@code SUBWATCH_API_APP_SECRET} are both set, an API application with
 * those credentials that reads and writes every business (its secret follows the variable on later starts).
 */
@Component
@Order(0)
class InitialAccounts implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);

	static final String ADMIN = "admin";

	private final UserDao users;

	private final ApiApplicationDao applications;

	private final PasswordEncoder encoder;

	private final SecuritySettings settings;

	private final Clock clock;

	InitialAccounts(UserDao users, ApiApplicationDao applications, PasswordEncoder encoder, SecuritySettings settings,
			Clock clock) {
		this.users = users;
		this.applications = applications;
		this.encoder = encoder;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		createFirstAdmin();
		createBootstrapApplication();
	}

	void createFirstAdmin() {
		if (this.users.count() > 0) {
			return;
		}
		String configured = this.settings.adminPassword();
		boolean random = configured == null || configured.isEmpty();
		if (!random) {
			checkLength("SUBWATCH_ADMIN_PASSWORD", configured, PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_BYTES);
		}
		String password = random ? Secrets.random(18) : configured;
		try {
			this.users.insert(ADMIN, this.encoder.encode(password), Role.ADMIN, BizScope.ALL, this.clock.instant(),
					"first start");
		}
		catch (DuplicateKeyException ex) {
			return; // another node created it at the same moment
		}
		if (!random) {
			log.info("Created the first user '{}' with the password from SUBWATCH_ADMIN_PASSWORD", ADMIN);
			return;
		}
		Path file = this.settings.initialAdminPasswordFile().toAbsolutePath().normalize();
		try {
			writeOwnerOnly(file, password);
			log.warn("Created the first user '{}' with the random password {} (also in {}, readable by its owner "
					+ "only). Sign in, then set a new password on /admin/users.", ADMIN, password, file);
		}
		catch (UncheckedIOException ex) {
			log.warn("Created the first user '{}' with the random password {} ({}). Sign in, then set a new password "
					+ "on /admin/users.", ADMIN, password, ex.getMessage());
		}
	}

	void createBootstrapApplication() {
		String code = this.settings.apiAppCode();
		String secret = this.settings.apiAppSecret();
		if (code == null || code.isBlank() || secret == null || secret.isBlank()) {
			return;
		}
		String appCode = code.strip();
		checkLength("SUBWATCH_API_APP_SECRET", secret, 16, PasswordPolicy.MAX_BYTES);
		var existing = this.applications.findByAppCode(appCode);
		if (existing.isEmpty()) {
			try {
				this.applications.insert(ApiApplication.checkCode(appCode), this.encoder.encode(secret),
						"from SUBWATCH_API_APP_CODE", new ApiApplicationDao.Grants(true, true, Set.of(), Set.of()),
						this.clock.instant(), "first start");
				log.info("Created the API application '{}' (read and write every business) from SUBWATCH_API_APP_CODE",
						appCode);
			}
			catch (DuplicateKeyException ex) {
				// another node created it at the same moment
			}
			catch (RejectedInput ex) {
				throw new IllegalStateException("SUBWATCH_API_APP_CODE must be 1 to 64 letters, digits, '.', '_' or "
						+ "'-', starting with a letter or digit");
			}
		}
		else if (!this.encoder.matches(secret, existing.get().secretHash())) {
			this.applications.updateSecret(existing.get().id(), this.encoder.encode(secret));
			log.info("The API application '{}' now uses the secret of SUBWATCH_API_APP_SECRET", appCode);
		}
	}

	private static void checkLength(String variable, String value, int min, int maxBytes) {
		if (value.length() < min || value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
			throw new IllegalStateException(
					variable + " must be " + min + " to " + maxBytes + " bytes long; refusing to start with it");
		}
	}

	/** Writes the text to a file only its owner can read (and nobody can write afterwards). */
	static void writeOwnerOnly(Path file, String text) {
		try {
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
			if (Files.exists(file)) {
				Files.delete(file);
			}
			if (posix) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(file);
			}
			Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8);
			if (posix) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
			}
			else {
				file.toFile().setReadable(false, false);
				file.toFile().setReadable(true, true);
				file.toFile().setWritable(false, false);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write the first admin password to " + file, ex);
		}
	}

}

package io.subwatch.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.subwatch.audit.AuditDao;
import io.subwatch.security.Access;
import io.subwatch.security.ApiApplication;
import io.subwatch.security.ApiApplicationDao;
import io.subwatch.security.RejectedInput;
import io.subwatch.security.Secrets;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the admin pages do to API applications, each change audited. Secrets are generated here (256 random bits),
 * stored hashed and handed back once.
 */
@Service
class ApplicationAdministration {

	static final int LIST_LIMIT = 1000;

	/** A new application or secret: the secret exists only in this answer. */
	record Issued(long applicationId, String secret) {
	}

	private final ApiApplicationDao applications;

	private final PasswordEncoder encoder;

	private final AuditDao audit;

	private final Clock clock;

	ApplicationAdministration(ApiApplicationDao applications, PasswordEncoder encoder, AuditDao audit, Clock clock) {
		this.applications = applications;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	List<ApiApplication> list() {
		return this.applications.findAll(LIST_LIMIT);
	}

	ApiApplication get(long id) {
		return this.applications.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@Transactional
	Issued create(String appCode, String description, ApiApplicationDao.Grants grants, Access admin) {
		String code = ApiApplication.checkCode(appCode);
		String text = GrantInput.description(description);
		String secret = Secrets.random(32);
		Instant now = this.clock.instant();
		long id;
		try {
			id = this.applications.insert(code, this.encoder.encode(secret), text, grants, now, admin.actor());
		}
		catch (DuplicateKeyException ex) {
			throw new RejectedInput("admin.error.app-code-taken", code);
		}
		this.audit.insert(now, admin.actor(), "API_APP_CREATED", null, null, null, describe(code, grants, true));
		return new Issued(id, secret);
	}

	@Transactional
	void update(long id, String description, ApiApplicationDao.Grants grants, boolean enabled, Access admin) {
		ApiApplication app = get(id);
		this.applications.update(id, GrantInput.description(description), grants, enabled);
		this.audit.insert(this.clock.instant(), admin.actor(), "API_APP_UPDATED", null, null, null,
				describe(app.appCode(), grants, enabled));
	}

	@Transactional
	Issued rotateSecret(long id, Access admin) {
		ApiApplication app = get(id);
		String secret = Secrets.random(32);
		this.applications.updateSecret(id, this.encoder.encode(secret));
		this.audit.insert(this.clock.instant(), admin.actor(), "API_APP_SECRET_ROTATED", null, null, null,
				"application " + app.appCode());
		return new Issued(id, secret);
	}

	/** The grants a form sent: flags and two business lists. */
	static ApiApplicationDao.Grants grants(boolean readAll, boolean writeAll, String read, String write) {
		return new ApiApplicationDao.Grants(readAll, writeAll, GrantInput.businesses(read),
				GrantInput.businesses(write));
	}

	private static String describe(String code, ApiApplicationDao.Grants grants, boolean enabled) {
		return "application " + code + ", read " + (grants.readAll() ? "all" : grants.read()) + ", write "
				+ (grants.writeAll() ? "all" : grants.write()) + (enabled ? "" : ", disabled");
	}

}

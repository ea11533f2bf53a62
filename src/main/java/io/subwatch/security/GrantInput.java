package io.subwatch.security;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Parsing and checking what the admin forms send: business lists, user names, application codes, passwords. */
final class GrantInput {

	static final int MAX_BUSINESSES = 1000;

	static final int MIN_PASSWORD = 10;

	/** bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
	static final int MAX_PASSWORD_BYTES = 72;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

	private static final Pattern APP_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private GrantInput() {
	}

	/** Business ids separated by commas or spaces, such as {@code "2, 4 7"}. */
	static Set<Long> businesses(String text) {
		Set<Long> ids = new TreeSet<>();
		if (text == null || text.isBlank()) {
			return ids;
		}
		for (String part : text.strip().split("[,\\s]+")) {
			try {
				long id = Long.parseLong(part);
				if (id < 0) {
					throw new NumberFormatException(part);
				}
				ids.add(id);
			}
			catch (NumberFormatException ex) {
				throw new RejectedInput("admin.error.businesses", abbreviate(part));
			}
		}
		if (ids.size() > MAX_BUSINESSES) {
			throw new RejectedInput("admin.error.too-many-businesses", MAX_BUSINESSES);
		}
		return ids;
	}

	static BizScope scope(boolean all, String text) {
		Set<Long> ids = businesses(text);
		return all ? BizScope.ALL : BizScope.of(ids);
	}

	static String username(String raw) {
		String name = LoginAccounts.normalize(raw);
		if (!USERNAME.matcher(name).matches()) {
			throw new RejectedInput("admin.error.username", abbreviate(name));
		}
		return name;
	}

	static String appCode(String raw) {
		String code = (raw != null) ? raw.strip() : "";
		if (!APP_CODE.matcher(code).matches()) {
			throw new RejectedInput("admin.error.app-code", abbreviate(code));
		}
		return code;
	}

	static String password(String password) {
		if (password == null || password.length() < MIN_PASSWORD
				|| password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new RejectedInput("admin.error.password", MIN_PASSWORD, MAX_PASSWORD_BYTES);
		}
		return password;
	}

	static Role role(String name) {
		Role role = Role.parse(name);
		if (role == null) {
			throw new RejectedInput("admin.error.role");
		}
		return role;
	}

	static String description(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String description = text.strip();
		if (description.length() > 200) {
			throw new RejectedInput("admin.error.description", 200);
		}
		return description;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 37) + "...";
	}

}

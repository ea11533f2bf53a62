package io.subwatch.admin;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.subwatch.security.BizScope;
import io.subwatch.security.LoginAccounts;
import io.subwatch.security.RejectedInput;
import io.subwatch.security.Role;

/**
 * Parsing and checking what the admin forms send: business lists, user names, roles, descriptions. Application codes
 * and passwords are checked by security ({@code ApiApplication.checkCode}, {@code PasswordPolicy}), which the first
 * start shares.
 */
final class GrantInput {

	static final int MAX_BUSINESSES = 1000;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

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
				throw new RejectedInput("admin.error.businesses", RejectedInput.abbreviate(part));
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
			throw new RejectedInput("admin.error.username", RejectedInput.abbreviate(name));
		}
		return name;
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

}

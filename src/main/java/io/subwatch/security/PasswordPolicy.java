package io.subwatch.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import com.nulabinc.zxcvbn.StandardDictionaries;

/**
 * What a new password must be, wherever one is chosen (an admin creating a user or setting a password, a user
 * changing their own): 10 to 72 bytes ({@link #checkLength}), not one of the 30,000 most common passwords
 * (zxcvbn's list, whatever the case), and not containing the user name (whatever the case; names shorter than three
 * characters are too short to tell). The first password of {@code admin} from {@code SUBWATCH_ADMIN_PASSWORD} is
 * the operator's choice and is not checked.
 */
public final class PasswordPolicy {

	static final int MIN_NAME_TO_CHECK = 3;

	static final int MIN_LENGTH = 10;

	/** bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
	static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/** The password, if it may be used by this user; else a refusal saying why. */
	public static String check(String username, String password) {
		checkLength(password);
		String lower = password.toLowerCase(Locale.ROOT);
		if (username != null && username.length() >= MIN_NAME_TO_CHECK
				&& lower.contains(username.toLowerCase(Locale.ROOT))) {
			throw new RejectedInput("password.error.username");
		}
		if (Common.PASSWORDS.containsKey(lower)) {
			throw new RejectedInput("password.error.common");
		}
		return password;
	}

	static String checkLength(String password) {
		if (password == null || password.length() < MIN_LENGTH
				|| password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new RejectedInput("admin.error.password", MIN_LENGTH, MAX_BYTES);
		}
		return password;
	}

	/** Loaded on the first check, not at start-up (about 30,000 entries). */
	private static final class Common {

		static final Map<String, Integer> PASSWORDS = load();

		private static Map<String, Integer> load() {
			try {
				return Map.copyOf(StandardDictionaries.PASSWORDS_LOADER.load().getRankedDictionary());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not read the list of common passwords", ex);
			}
		}

	}

}

package io.subwatch.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** New passwords: long enough, not among the most common, not containing the user name. */
class PasswordPolicyTest {

	@Test
	void commonPasswordsAreRefusedWhateverTheCase() {
		for (String common : new String[] { "qwertyuiop", "1234567890", "Password123", "1q2w3e4r5t", "MANCHESTER" }) {
			assertThatThrownBy(() -> PasswordPolicy.check("alice", common)).as(common)
				.isInstanceOfSatisfying(RejectedInput.class,
						(ex) -> assertThat(ex.notice().code()).isEqualTo("password.error.common"));
		}
	}

	@Test
	void passwordsContainingTheUserNameAreRefusedWhateverTheCase() {
		for (String withName : new String[] { "alice-rocks-2026", "My ALICE password", "xxaliCExx123" }) {
			assertThatThrownBy(() -> PasswordPolicy.check("alice", withName)).as(withName)
				.isInstanceOfSatisfying(RejectedInput.class,
						(ex) -> assertThat(ex.notice().code()).isEqualTo("password.error.username"));
		}
		assertThat(PasswordPolicy.check("al", "totally albatross 9")).as("names under 3 characters are not checked")
			.isEqualTo("totally albatross 9");
	}

	@Test
	void theLengthRulesStay() {
		for (String bad : new String[] { "short", "x".repeat(73), "密".repeat(25), null }) {
			assertThatThrownBy(() -> PasswordPolicy.check("alice", bad))
				.isInstanceOfSatisfying(RejectedInput.class,
						(ex) -> assertThat(ex.notice().code()).isEqualTo("admin.error.password"));
		}
	}

	@Test
	void aLongUncommonPasswordWithoutTheNamePasses() {
		assertThat(PasswordPolicy.check("alice", "correct horse battery")).isEqualTo("correct horse battery");
		assertThat(PasswordPolicy.check("alice", "密码是一匹正确的马电池")).isEqualTo("密码是一匹正确的马电池");
	}

}

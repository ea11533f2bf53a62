package io.subwatch.admin;

import java.time.Instant;

import io.subwatch.security.BizScope;
import io.subwatch.security.Role;
import io.subwatch.security.SecurityFixtures;
import io.subwatch.security.UserDao;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * A user name with a bidirectional override (the form refuses one, an older database or a direct insert may hold
 * one) is shown escaped on the admin pages, and so is who created it.
 */
@IntegrationTest
class VisibleUserNamesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDao users;

	@Test
	void theAdminPagesShowHiddenCharactersOfUserNames() throws Exception {
		String name = SecurityFixtures.unique("eve\u202E");
		long id = this.users.insert(name, "{noop}x", Role.VIEWER, BizScope.ALL, Instant.now(), "root\u2066");
		String shown = name.replace("\u202E", "&lt;U+202E&gt;");
		this.mvc.perform(get("/admin/users").with(TestUsers.admin()))
			.andExpect(content().string(allOf(containsString(shown), not(containsString(">" + name + "<")))));
		this.mvc.perform(get("/admin/users/{id}", id).with(TestUsers.admin()))
			.andExpect(content().string(allOf(containsString("<h1>" + shown + "</h1>"),
					containsString("root&lt;U+2066&gt;"), not(containsString("\u2066")))));
	}

}

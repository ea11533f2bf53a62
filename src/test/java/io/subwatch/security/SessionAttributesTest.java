package io.subwatch.security;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What this package keeps in a browser session survives Java serialization, as Spring Session JDBC stores it: the
 * security context of a user and of a share-link visitor, the CSRF token and the notices shown after a redirect.
 */
class SessionAttributesTest {

	@Test
	void aUsersSecurityContextRoundTrips() {
		SubwatchUser user = new SubwatchUser(7, "alice", Role.OPERATOR, 3,
				Role.OPERATOR.access("alice", BizScope.of(Set.of(1L, 2L))));
		var token = user.authentication(Role.OPERATOR.authorities());
		token.setDetails(new WebAuthenticationDetails(new MockHttpServletRequest()));
		SecurityContextImpl context = new SecurityContextImpl(token);
		SecurityContextImpl back = (SecurityContextImpl) roundTrip(context);
		assertThat(back.getAuthentication().getPrincipal()).isEqualTo(user);
		assertThat(List.copyOf(back.getAuthentication().getAuthorities())).isEqualTo(List.copyOf(token.getAuthorities()));
	}

	@Test
	void aShareLinkVisitorsContextRoundTrips() {
		ShareLinkPrincipal link = new ShareLinkPrincipal(5, 11, "host|1");
		SecurityContextImpl back = (SecurityContextImpl) roundTrip(new SecurityContextImpl(link.authentication()));
		assertThat(back.getAuthentication().getPrincipal()).isEqualTo(link);
	}

	@Test
	void csrfTokensNoticesAndTimesRoundTrip() {
		DefaultCsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t0ken");
		assertThat(((DefaultCsrfToken) roundTrip(csrf)).getToken()).isEqualTo("t0ken");
		Notice notice = Notice.done("admin.user.created", "bob", 3L);
		assertThat(((Notice) roundTrip(notice)).args()).containsExactly("bob", 3L);
		assertThat(roundTrip(new PageTime("2026-11-28T02:00:00Z", "2026-11-28 10:00"))).isEqualTo(
				new PageTime("2026-11-28T02:00:00Z", "2026-11-28 10:00"));
		assertThat(roundTrip(List.of(Role.VIEWER))).isEqualTo(List.of(Role.VIEWER));
	}

	static Object roundTrip(Object value) {
		byte[] bytes = new SerializingConverter().convert(value);
		return new DeserializingConverter().convert(bytes);
	}

}

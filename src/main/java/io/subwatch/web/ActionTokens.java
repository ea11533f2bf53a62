package io.subwatch.web;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.springframework.web.util.WebUtils;

/**
 * One confirmation form, one action: the token of a submitted form is remembered in the session with where its
 * result was shown, so a double click or a resubmit shows that result again instead of acting twice. The first submit
 * also claims the token in the database ({@link ActionTokenDao}): sessions live in the database and are written when
 * a request ends, so two submits in flight together (or on two nodes) would otherwise both see an unused token.
 */
final class ActionTokens {

	private static final String ATTRIBUTE = ActionTokens.class.getName();

	private static final int KEPT = 50;

	/** What a token's first submit led to; {@code redirect} is null while it is still running. */
	record Outcome(String redirect, Flash flash) implements Serializable {
	}

	private ActionTokens() {
	}

	/** Claims the token; returns the earlier outcome when it was already used (its redirect null if still running). */
	static Outcome claim(HttpSession session, String token, ActionTokenDao claims) {
		if (token == null || token.isBlank()) {
			return null;
		}
		synchronized (WebUtils.getSessionMutex(session)) {
			Map<String, Outcome> used = used(session);
			Outcome earlier = used.get(token);
			if (earlier != null) {
				return earlier;
			}
			if (!claims.claim(token)) {
				// submitted before by a request whose outcome this session does not show yet: still running
				return new Outcome(null, null);
			}
			used.put(token, new Outcome(null, null));
			if (used.size() > KEPT) {
				used.remove(used.keySet().iterator().next());
			}
			session.setAttribute(ATTRIBUTE, used);
			return null;
		}
	}

	static void complete(HttpSession session, String token, String redirect, Flash flash) {
		if (token == null || token.isBlank()) {
			return;
		}
		synchronized (WebUtils.getSessionMutex(session)) {
			Map<String, Outcome> used = used(session);
			used.put(token, new Outcome(redirect, flash));
			session.setAttribute(ATTRIBUTE, used);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Outcome> used(HttpSession session) {
		Object value = session.getAttribute(ATTRIBUTE);
		return (value instanceof LinkedHashMap<?, ?> map) ? (Map<String, Outcome>) map : new LinkedHashMap<>();
	}

}

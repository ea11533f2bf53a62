package io.subwatch.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the pages keep in a browser session (flash messages, the used confirmation tokens) survives Java
 * serialization, as Spring Session JDBC stores it.
 */
class SessionAttributesTest {

	@Test
	void flashMessagesAndUsedTokensRoundTrip() {
		Flash flash = Flash.ok("action.retried", 3, 42L).withDetail("action.changedSince", 4, 3);
		Map<String, ActionTokens.Outcome> used = new LinkedHashMap<>();
		used.put("token-1", new ActionTokens.Outcome("/subscriptions/1?task=42", flash));
		used.put("token-2", new ActionTokens.Outcome(null, null));
		@SuppressWarnings("unchecked")
		Map<String, ActionTokens.Outcome> back = (Map<String, ActionTokens.Outcome>) new DeserializingConverter()
			.convert(new SerializingConverter().convert(used));
		assertThat(back).containsOnlyKeys("token-1", "token-2");
		Flash flashBack = back.get("token-1").flash();
		assertThat(flashBack.key()).isEqualTo("action.retried");
		assertThat(flashBack.args()).containsExactly(3, 42L);
		assertThat(flashBack.detailArgs()).containsExactly(4, 3);
		assertThat(back.get("token-2").redirect()).isNull();
	}

}

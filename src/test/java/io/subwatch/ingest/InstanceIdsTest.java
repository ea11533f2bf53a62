package io.subwatch.ingest;

import io.subwatch.system.ApiException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The instance id forms of spec section 6, and the characters that would make an instance's pages unreachable. */
class InstanceIdsTest {

	@ParameterizedTest
	@ValueSource(strings = { "host|instance|host|1", "host|instance|host|9007199254740993",
			"host|instance|host|127.0.0.1-0-0", "host|instance|host|10.0.12.7-3-tencent",
			"host|instance|host|fe80::1-0-0", "host|instance|host|2001:db8::8a2e:370:7334-2-0",
			"service|instance|service|42" })
	void theFormsOfTheSpecAreAccepted(String id) {
		assertThatCode(() -> InstanceIds.check(id, "instances[0].instance_id")).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
			"host|instance|host|a/b => instances[0].instance_id 'host|instance|host|a/b' contains a slash '/' at position 20",
			"host|instance|host|a\\b => instances[0].instance_id 'host|instance|host|a\\b' contains a backslash '\\'",
			"host|instance|host|1 2 => contains whitespace U+0020",
			"host|instance|host|1\t2 => contains the control character U+0009",
			"host|instance|host|\u202E1 => 'host|instance|host|\\u202E1' contains the control character U+202E",
			"host|instance|host|１ => contains the non-ASCII character U+FF11",
			"HOST|instance|host|1 => must have four lower-case parts {object_type}|{node_type}|{type}|{id}: host|instance|host|<bk_host_id>",
			"host|instance|host => must have four lower-case parts",
			"host|instance|host|1|2 => got 'host|instance|host|1|2'",
			"host|topo|host|1 => must have four lower-case parts",
			"host|instance|host| => must have four lower-case parts",
			"host|instance|host|abc => must have four lower-case parts",
			"host|instance|host|10.0.0.1 => must have four lower-case parts",
			"service|instance|service|x => must have four lower-case parts",
			"module|instance|module|1 => must have four lower-case parts" })
	void otherIdsAreRefusedNamingTheIdAndTheProblem(String id, String message) {
		assertThatThrownBy(() -> InstanceIds.check(id, "instances[0].instance_id")).isInstanceOf(ApiException.class)
			.hasMessageContaining(message)
			.hasMessageStartingWith("instances[0].instance_id ");
	}

	@Test
	void aNulIsNamedAndShownEscaped() {
		assertThatThrownBy(() -> InstanceIds.check("host|instance|host|1\u0000", "instances[4].instance_id"))
			.hasMessage("instances[4].instance_id 'host|instance|host|1\\u0000' contains the control character U+0000"
					+ " at position 20, which no instance id may contain; it must have " + InstanceIds.EXPECTED);
	}

	@Property
	void anIdWithACharacterThatBreaksAPathIsRefused(@ForAll("hostIds") String valid, @ForAll("breaking") char bad,
			@ForAll("positions") int where) {
		int at = Math.min(where, valid.length());
		String id = valid.substring(0, at) + bad + valid.substring(at);
		assertThatThrownBy(() -> InstanceIds.check(id, "instance_id")).isInstanceOf(ApiException.class);
	}

	@Provide
	Arbitrary<String> hostIds() {
		return Arbitraries.longs().greaterOrEqual(0).map((id) -> "host|instance|host|" + id);
	}

	@Provide
	Arbitrary<Character> breaking() {
		return Arbitraries.oneOf(Arbitraries.of('/', '\\', ' ', '\u00A0', '\u2028', '\u202E', '\u200B'),
				Arbitraries.chars().range('\u0000', '\u001F'), Arbitraries.chars().range('\u007F', '\u009F'));
	}

	@Provide
	Arbitrary<Integer> positions() {
		return Arbitraries.integers().between(0, 40);
	}

}

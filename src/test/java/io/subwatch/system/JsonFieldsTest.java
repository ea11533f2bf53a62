package io.subwatch.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values read as Django REST framework reads them (spec section 2), and refused with the field's name otherwise. */
class JsonFieldsTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static JsonNode value(String json) {
		return JSON.readTree("{\"v\": " + json + "}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "12|12", "12.0|12", "\"12\"|12", "\" 12 \"|12", "\"12.00\"|12", "\"12.\"|12",
			"\"-3\"|-3", "\"+7\"|7", "1.0E2|100" })
	void integersAcceptWholeNumbersAndTheirText(String json, long expected) {
		assertThat(JsonFields.requireLong(value(json), "v", "page")).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.5", "\"1.5\"", "\"1e3\"", "true", "\"\"", "\"twelve\"", "99999999999999999999",
			"\"99999999999999999999\"", "[1]" })
	void otherIntegersAreRefusedNamingTheField(String json) {
		assertThatThrownBy(() -> JsonFields.requireLong(value(json), "v", "page")).isInstanceOf(ApiException.class)
			.hasMessageStartingWith("page must be an integer");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "true|true", "false|false", "1|true", "0|false", "1.0|true", "0.0|false",
			"\"true\"|true", "\"TRUE\"|true", "\"t\"|true", "\"Yes\"|true", "\"on\"|true", "\"1\"|true",
			"\"False\"|false", "\"f\"|false", "\"NO\"|false", "\"off\"|false", "\"0\"|false" })
	void booleansAcceptDjangoRestFrameworksWords(String json, boolean expected) {
		assertThat(JsonFields.optionalBoolean(value(json), "v", "return_all", !expected)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2", "\"maybe\"", "\"yess\"", "[]", "{}", "0.5" })
	void otherBooleansAreRefusedNamingTheField(String json) {
		assertThatThrownBy(() -> JsonFields.optionalBoolean(value(json), "v", "return_all", false))
			.isInstanceOf(ApiException.class)
			.hasMessageStartingWith("return_all must be true or false");
	}

}

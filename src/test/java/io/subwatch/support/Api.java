package io.subwatch.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Calls the JSON API through MockMvc and parses the envelope. By default it authenticates as the bootstrap test
 * application of application-test.properties (reads and writes every business), with credentials in the
 * {@code X-Bkapi-Authorization} header; {@link #as} and {@link #anonymous} change that.
 */
public final class Api {

	/** bk_app_code of the test application (application-test.properties). */
	public static final String APP_CODE;

	/** bk_app_secret of the test application (application-test.properties). */
	public static final String APP_SECRET;

	static {
		Properties properties = new Properties();
		try (InputStream in = Api.class.getResourceAsStream("/application-test.properties")) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		APP_CODE = properties.getProperty("subwatch.security.api-app-code");
		APP_SECRET = properties.getProperty("subwatch.security.api-app-secret");
	}

	private final MockMvc mvc;

	private final JsonMapper json;

	private final String authorization;

	public Api(MockMvc mvc, JsonMapper json) {
		this(mvc, json, header(json, APP_CODE, APP_SECRET, "tester"));
	}

	private Api(MockMvc mvc, JsonMapper json, String authorization) {
		this.mvc = mvc;
		this.json = json;
		this.authorization = authorization;
	}

	/** The same API, as another application acting for {@code username} (may be null). */
	public Api as(String appCode, String appSecret, String username) {
		return new Api(this.mvc, this.json, header(this.json, appCode, appSecret, username));
	}

	/** The same API without any credentials. */
	public Api anonymous() {
		return new Api(this.mvc, this.json, null);
	}

	public JsonNode post(String path, Object body) {
		try {
			String content = (body instanceof String text) ? text : this.json.writeValueAsString(body);
			return parse(this.mvc.perform(
					sign(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(content)))
				.andReturn());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public JsonNode get(String pathAndQuery) {
		try {
			return parse(this.mvc.perform(sign(MockMvcRequestBuilders.get(pathAndQuery))).andReturn());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public int lastStatus;

	private MockHttpServletRequestBuilder sign(MockHttpServletRequestBuilder request) {
		return (this.authorization != null) ? request.header("X-Bkapi-Authorization", this.authorization) : request;
	}

	private JsonNode parse(MvcResult result) throws Exception {
		this.lastStatus = result.getResponse().getStatus();
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

	public JsonNode taskResult(Map<String, Object> params) {
		return post("/backend/api/subscription/task_result/", params);
	}

	private static String header(JsonMapper json, String appCode, String appSecret, String username) {
		Map<String, String> credentials = new LinkedHashMap<>();
		credentials.put("bk_app_code", appCode);
		credentials.put("bk_app_secret", appSecret);
		if (username != null) {
			credentials.put("bk_username", username);
		}
		return json.writeValueAsString(credentials);
	}

}

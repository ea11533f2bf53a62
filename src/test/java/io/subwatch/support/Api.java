package io.subwatch.support;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Calls the JSON API through MockMvc and parses the envelope. */
public final class Api {

	private final MockMvc mvc;

	private final JsonMapper json;

	public Api(MockMvc mvc, JsonMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	public JsonNode post(String path, Object body) {
		try {
			String content = (body instanceof String text) ? text : this.json.writeValueAsString(body);
			MvcResult result = this.mvc
				.perform(MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(content))
				.andReturn();
			return parse(result);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public JsonNode get(String pathAndQuery) {
		try {
			return parse(this.mvc.perform(MockMvcRequestBuilders.get(pathAndQuery)).andReturn());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public int lastStatus;

	private JsonNode parse(MvcResult result) throws Exception {
		this.lastStatus = result.getResponse().getStatus();
		return this.json.readTree(result.getResponse().getContentAsByteArray());
	}

	public JsonNode taskResult(Map<String, Object> params) {
		return post("/backend/api/subscription/task_result/", params);
	}

}

package io.subwatch.web;

import java.nio.charset.StandardCharsets;

import io.subwatch.security.Access;
import io.subwatch.security.HasAccess;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Renders pages through MockMvc as a given user and parses them with jsoup. */
final class Pages {

	private final MockMvc mvc;

	Pages(MockMvc mvc) {
		this.mvc = mvc;
	}

	record Principal(String name, Access access) implements HasAccess {
	}

	/** A share link's session: one subscription (optionally one instance), read-only, anonymous. */
	static RequestPostProcessor shareLink(long subscriptionId, String instanceId) {
		Principal principal = new Principal("share-link", Access.shareLink(subscriptionId, instanceId));
		return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, java.util.List.of()));
	}

	MvcResult perform(MockHttpServletRequestBuilder request, RequestPostProcessor user) {
		try {
			return this.mvc.perform(request.with(user).with(csrf())).andReturn();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** GETs a page and parses it; the status is checked by the caller through {@link #status}. */
	Page get(String url, RequestPostProcessor user) {
		return page(perform(MockMvcRequestBuilders.get(java.net.URI.create(url)), user));
	}

	static Page page(MvcResult result) {
		String html = body(result);
		return new Page(result.getResponse().getStatus(), Jsoup.parse(html), html, result);
	}

	static String body(MvcResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Page(int status, Document doc, String html, MvcResult result) {

		String text(String selector) {
			return this.doc.select(selector).text();
		}

		boolean has(String selector) {
			return !this.doc.select(selector).isEmpty();
		}

		String attr(String selector, String attribute) {
			return this.doc.select(selector).attr(attribute);
		}

	}

}

package io.subwatch.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages must run under a Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval': no inline scripts,
 * no event handler attributes, no style attributes, no hx-on (htmx evaluates it), and htmx told not to eval.
 */
class TemplatesCspTest {

	@Test
	void templatesCarryNoInlineScriptStyleOrHandler() throws IOException {
		List<String> offences = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : files.filter((p) -> p.toString().endsWith(".html")).toList()) {
				for (Element element : Jsoup.parse(Files.readString(template)).getAllElements()) {
					if ("script".equals(element.tagName()) && !element.hasAttr("th:src") && !element.hasAttr("src")) {
						offences.add(template.getFileName() + ": inline <script>");
					}
					for (Attribute attribute : element.attributes()) {
						String name = attribute.getKey();
						String bare = name.startsWith("th:") ? name.substring(3) : name;
						if (bare.startsWith("on") || bare.equals("style") || bare.startsWith("hx-on")
								|| bare.startsWith("hx:on") || (name.equals("th:attr") && attribute.getValue().contains("hx-"))) {
							offences.add(template.getFileName() + ": " + name);
						}
					}
				}
			}
		}
		assertThat(offences).isEmpty();
	}

	@Test
	void htmxIsToldNotToEvaluateCodeOrInjectStyles() throws IOException {
		String layout = Files.readString(Path.of("src/main/resources/templates/layout.html"));
		assertThat(layout).contains("\"allowEval\":false").contains("\"allowScriptTags\":false")
			.contains("\"includeIndicatorStyles\":false");
		for (String name : List.of("app.js", "keys.js")) {
			String script = Files.readString(Path.of("frontend-assets/js", name));
			assertThat(script).as(name).doesNotContain("eval(").doesNotContain("new Function")
				.doesNotContain("innerHTML");
		}
	}

}

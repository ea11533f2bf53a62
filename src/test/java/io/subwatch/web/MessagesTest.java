package io.subwatch.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.subwatch.subscription.Status;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text the pages show comes from messages, in both languages: the two files have the same keys, every key a
 * template or a page class names exists, and no template carries hard-coded words outside {@code th:text}.
 */
class MessagesTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path WEB_SOURCES = Path.of("src/main/java/io/subwatch/web");

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	private static final Pattern QUOTED_KEY = Pattern.compile("'((?:status|step|audit|copy|confirm|action|error|"
			+ "results|filters|list|live|instance|subscription)\\.[A-Za-z0-9_.]+)'");

	private static final Pattern JAVA_KEY = Pattern.compile(
			"(?:BadPageRequestException|Flash\\.\\w+|withDetail|message)\\(\"([a-z][A-Za-z0-9_.]+)\"");

	private static final Pattern LETTERS = Pattern.compile("\\p{L}");

	private static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Properties english = load("messages.properties");
		Properties chinese = load("messages_zh_CN.properties");
		assertThat(new TreeSet<>(chinese.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
		english.stringPropertyNames()
			.stream()
			.filter((key) -> !"duration.separator".equals(key))
			.forEach((key) -> assertThat(english.getProperty(key)).as(key).isNotBlank());
	}

	@Test
	void everyKeyThePagesUseExists() throws IOException {
		Properties english = load("messages.properties");
		Set<String> used = new TreeSet<>();
		for (Path template : templates()) {
			String text = Files.readString(template);
			collect(TEMPLATE_KEY.matcher(text), used);
			collect(QUOTED_KEY.matcher(text), used);
		}
		try (Stream<Path> sources = Files.list(WEB_SOURCES)) {
			for (Path source : sources.toList()) {
				collect(JAVA_KEY.matcher(Files.readString(source)), used);
			}
		}
		for (Status status : Status.values()) {
			used.add("status." + status.name());
		}
		for (Status status : Status.RECORD_STATUSES) {
			used.add("step.now." + status.name());
		}
		List.of("RETRY", "TERMINATE").forEach((action) -> used.add("audit.action." + action));
		for (ActionTarget.Kind kind : ActionTarget.Kind.values()) {
			for (ActionTarget.Mode mode : ActionTarget.Mode.values()) {
				String key = "confirm.scope." + kind.param() + "." + mode.param();
				if (mode == ActionTarget.Mode.ALL) {
					used.add(key + ".task");
					used.add(key + ".subscription");
				}
				else {
					used.add(key);
				}
			}
		}
		List<String> missing = used.stream().filter((key) -> !english.containsKey(key)).toList();
		assertThat(missing).as("message keys used by the pages but missing from messages.properties").isEmpty();
		assertThat(used).hasSizeGreaterThan(150);
	}

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> offences = new ArrayList<>();
		for (Path template : templates()) {
			Document doc = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
			for (Element element : doc.getAllElements()) {
				for (TextNode node : element.textNodes()) {
					if (LETTERS.matcher(node.text()).find() && !replaced(element)) {
						offences.add(template.getFileName() + ": \"" + node.text().strip() + "\"");
					}
				}
				element.attributes().forEach((attribute) -> {
					if (TEXT_ATTRIBUTES.contains(attribute.getKey()) && LETTERS.matcher(attribute.getValue()).find()
							&& !replaced(element)) {
						offences.add(template.getFileName() + ": " + attribute.getKey() + "=\"" + attribute.getValue()
								+ "\"");
					}
				});
			}
		}
		assertThat(offences).as("text outside th:text (use a message key)").isEmpty();
	}

	/** Whether Thymeleaf replaces this element's text: it or an ancestor below the page root sets it. */
	private static boolean replaced(Element element) {
		for (Element e = element; e != null && !"html".equals(e.tagName()); e = e.parent()) {
			if (e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace") || e.hasAttr("th:insert")) {
				return true;
			}
		}
		return false;
	}

	private static void collect(Matcher matcher, Set<String> keys) {
		while (matcher.find()) {
			keys.add(matcher.group(1));
		}
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			List<Path> html = files.filter((p) -> p.toString().endsWith(".html")).sorted().toList();
			assertThat(html).hasSizeGreaterThan(8);
			return html;
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}

package io.subwatch.demo;

import io.subwatch.system.SubwatchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the demo into an empty database at start-up: by default only on the embedded H2 database, on MySQL only
 * with {@code subwatch.demo.enabled=true}.
 */
@Component
class DemoStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

	private final DemoLoader loader;

	private final SubwatchProperties properties;

	private final String datasourceUrl;

	DemoStartup(DemoLoader loader, SubwatchProperties properties, @Value("${spring.datasource.url:}") String url) {
		this.loader = loader;
		this.properties = properties;
		this.datasourceUrl = url;
	}

	@Override
	public void run(ApplicationArguments args) {
		Boolean enabled = this.properties.demo().enabled();
		boolean wanted = (enabled != null) ? enabled : this.datasourceUrl.startsWith("jdbc:h2:");
		if (wanted && this.loader.databaseEmpty()) {
			log.info("Empty database: loading the demo data");
			this.loader.load();
		}
	}

}

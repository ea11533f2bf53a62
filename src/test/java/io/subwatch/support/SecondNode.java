package io.subwatch.support;

import java.io.IOException;
import java.util.stream.Stream;

import io.subwatch.SubwatchApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Another app node in the same JVM, on a random port, sharing the test database (the test profile's H2 in memory, or
 * the MySQL run's server): the production application only, none of the test classes the component scan would
 * otherwise pick up from test-classes (fixtures, test configurations, probes).
 */
public final class SecondNode implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SecondNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts a node with the test profile and these extra {@code name=value} properties (given as command-line
	 * arguments, so they win over the profile's files).
	 */
	public static SecondNode start(String... properties) {
		String[] args = Stream.concat(Stream.of("server.port=0"), Stream.of(properties))
			.map((p) -> "--" + p)
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SubwatchApplication.class)
			.profiles("test")
			.initializers((ctx) -> ctx.getBeanFactory()
				.registerSingleton(SecondNode.class.getName() + ".excludeTests", new ProductionOnly()))
			.run(args);
		return new SecondNode(context);
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** Leaves out every class compiled from src/test. */
	private static final class ProductionOnly extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			return reader.getResource().getURI().toString().contains("/test-classes/");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ProductionOnly;
		}

		@Override
		public int hashCode() {
			return ProductionOnly.class.hashCode();
		}

	}

}

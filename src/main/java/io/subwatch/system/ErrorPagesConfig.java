package io.subwatch.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** {@link ErrorPages} in place of Spring Boot's error controller (Boot backs off when one is defined). */
@Configuration(proxyBeanMethods = false)
class ErrorPagesConfig {

	@Bean
	ErrorPages errorPages(ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers,
			JsonMapper json) {
		return new ErrorPages(attributes, web.getError(), resolvers.orderedStream().toList(), json);
	}

}

package io.subwatch.system;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API answers JSON whatever {@code Accept} says: for API paths content negotiation resolves to
 * {@code application/json} before the header is looked at. Otherwise an {@code Accept: text/html} would turn every
 * answer into a 406 (after a write was done, so a retrying client writes twice) and every error into an empty 500,
 * since the envelope could not be written either. Pages keep negotiating by the header.
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonConfig implements WebMvcConfigurer {

	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		configurer.strategies(List.of(new ApiAlwaysJson(), new HeaderContentNegotiationStrategy()));
	}

	/**
	 * {@code application/json} for API paths and for the error page of an API request (where the container forwards
	 * it); "no opinion" (every type) elsewhere, so the next strategy decides.
	 */
	static final class ApiAlwaysJson implements ContentNegotiationStrategy {

		private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

		@Override
		public List<MediaType> resolveMediaTypes(NativeWebRequest webRequest) {
			HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
			if (request == null) {
				return MEDIA_TYPE_ALL_LIST;
			}
			boolean api = ApiPaths.matches(request)
					|| ApiPaths.matches((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
			return api ? JSON : MEDIA_TYPE_ALL_LIST;
		}

	}

}

package io.subwatch.security;

import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains (and a third for the management port). The API ({@link #API_PATHS}): stateless, no CSRF, BlueKing application credentials on every
 * request, errors in the API envelope. Everything else (pages, fragments, actions): form login with database users,
 * sessions (fixation protection), CSRF on every state-changing request, share-link sessions limited to their
 * subscription. Both send the security headers (CSP without inline scripts, frame-ancestors 'none', referrer
 * policy, nosniff). Nothing is reachable anonymously except the login page, static assets and share links; health,
 * info and prometheus answer on the management port only, where {@link #managementFilterChain} lets them through.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

	/** Every prefix under which the task_result family and the reporting API answer. */
	static final String[] API_PATHS = { "/backend/api/**", "/system/backend/api/**", "/v2/nodeman/**", "/api/**" };

	/** Compiled once: {@code String.matches} compiled it on every API request (1 % of M1's samples). */
	private static final Pattern OPERATOR_ACTION = Pattern.compile(".*/subscription[/_](retry|retry_node|revoke)/?");

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * No observation per security filter, authentication and authorization: every request's time is already observed
	 * once, by route (http.server.requests), and wrapping each of the chain's filters in an observation of its own
	 * cost about 5 % of an API call's server time (issue 14), for timings nobody reads.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	AuthenticationManager authenticationManager(LoginAccounts accounts, PasswordEncoder encoder,
			LoginThrottle throttle) {
		return new ProviderManager(new LoginAuthenticationProvider(accounts, encoder, throttle));
	}

	@Bean
	SecurityContextRepository securityContextRepository(UserDao users, ShareLinkService shareLinks) {
		return RevalidatingSecurityContextRepository.create(users, shareLinks);
	}

	/**
	 * The management port (actuator, {@code management.server.port}): health, info and prometheus without login, for
	 * load balancers and scrapers inside the network; anything else there is refused. Requests on the main port never
	 * match (see {@link ManagementPort}).
	 */
	@Bean
	@Order(0)
	SecurityFilterChain managementFilterChain(HttpSecurity http, SecuritySettings settings) throws Exception {
		http.securityMatcher(ManagementPort::serves)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.authorizeHttpRequests((auth) -> auth.requestMatchers(ManagementPort.PUBLIC_ENDPOINTS)
				.permitAll()
				.anyRequest()
				.denyAll())
			.headers(headers(settings));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, ApiAuthenticator authenticator, JsonMapper json,
			SecuritySettings settings) throws Exception {
		ApiErrors errors = new ApiErrors(json);
		http.securityMatcher(API_PATHS)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.httpBasic((basic) -> basic.disable())
			.logout((logout) -> logout.disable())
			.addFilterBefore(new ApiAuthenticationFilter(authenticator, errors, json,
					settings.apiBodyBufferLimit().toBytes()), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((auth) -> auth.requestMatchers(HttpMethod.POST, "/api/v1/**")
				.hasAuthority(ApiCaller.WRITE)
				.requestMatchers(operatorActions())
				.hasAuthority(ApiCaller.WRITE)
				.anyRequest()
				.hasAuthority(ApiCaller.READ))
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(errors.entryPoint())
				.accessDeniedHandler(errors.accessDenied()))
			.headers(headers(settings));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
			SecurityContextRepository contexts, SecuritySettings settings) throws Exception {
		WebEntryPoint entryPoint = new WebEntryPoint();
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		// Only whole pages are worth returning to after the login, never an htmx fragment or an action.
		requestCache.setRequestMatcher((request) -> "GET".equals(request.getMethod())
				&& !WebEntryPoint.isHtmx(request));
		http.authenticationManager(authenticationManager)
			.securityContext((context) -> context.securityContextRepository(contexts))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.authorizeHttpRequests((auth) -> auth.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(notFoundForward())
				.permitAll()
				.requestMatchers("/login", "/language", "/time-zone", "/s/**", "/assets/**", "/webjars/**", "/favicon.ico")
				.permitAll()
				// actuator answers on the management port only: here its paths are plainly not found, for everyone
				.requestMatchers("/actuator", "/actuator/**")
				.permitAll()
				.requestMatchers("/admin", "/admin/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers("/subscriptions/*/share-links", "/subscriptions/*/share-links/**")
				.hasRole(Role.OPERATOR.name())
				.requestMatchers(HttpMethod.POST, "/subscriptions/**")
				.hasRole(Role.OPERATOR.name())
				.anyRequest()
				.access(new PageAuthorization()))
			.formLogin((form) -> form.loginPage("/login").failureHandler(new LoginFailureHandler()))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.csrf(Customizer.withDefaults())
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
			.headers(headers(settings));
		return http.build();
	}

	private static Customizer<HeadersConfigurer<HttpSecurity>> headers(SecuritySettings settings) {
		return (headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(settings.contentSecurityPolicy()))
			.frameOptions((frame) -> frame.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.contentTypeOptions(Customizer.withDefaults())
			.addObjectPostProcessor(writeHeadersEagerly());
	}

	/**
	 * Security headers go on the response before the request is handled, not after: a streamed download (host lists,
	 * logs) keeps writing on another thread once the handler returns, and response headers are not safe to change from
	 * two threads at once.
	 */
	private static ObjectPostProcessor<HeaderWriterFilter> writeHeadersEagerly() {
		return new ObjectPostProcessor<>() {
			@Override
			public <O extends HeaderWriterFilter> O postProcess(O filter) {
				filter.setShouldWriteHeadersEagerly(true);
				return filter;
			}
		};
	}

	/** The 404 page, when {@link WebEntryPoint} forwards a share-link visitor there (never when asked for directly). */
	private static RequestMatcher notFoundForward() {
		return (request) -> request.getDispatcherType() == DispatcherType.FORWARD && WebEntryPoint.NOT_FOUND_PATH
			.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	/** retry, retry_node and revoke, under every prefix of the task_result family (and its ESB names). */
	private static RequestMatcher operatorActions() {
		return (request) -> OPERATOR_ACTION
			.matcher(request.getRequestURI().substring(request.getContextPath().length()))
			.matches();
	}

}

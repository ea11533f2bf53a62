package io.subwatch.result;

import java.util.List;

import io.subwatch.security.Access;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} (and Swagger UI at {@code /swagger-ui.html}), for signed-in users.
 * springdoc reads the reporting API under {@code /api/v1} from its controller ({@code springdoc.paths-to-match}); the
 * task_result family is one route taking the endpoint's name as a variable under a dozen alias prefixes, which says
 * nothing to a reader, so each endpoint {@link SubscriptionEndpoint} answers is written out here under the canonical
 * prefix instead.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescriptionConfig {

	/** Where the description puts the task_result family; the other prefixes are aliases of it. */
	static final String CANONICAL_PREFIX = "/backend/api/subscription/";

	private static final String FAMILY = "task_result family";

	private static final String CREDENTIALS = "bkapi";

	static {
		// the caller's grants come from the security filter, not from the request: no parameter to describe
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Access.class);
	}

	@Bean
	OpenAPI subwatchOpenApi() {
		return new OpenAPI()
			.info(new Info().title("subwatch API")
				.description("""
						JSON APIs of subwatch. Every answer is the BlueKing envelope \
						{result, code, message, data, request_id}; errors answer result: false with a code.

						The task_result family is described under %s<name>/. The same endpoints also answer, with \
						and without the trailing slash, under /system/backend/api/subscription/, \
						/v2/nodeman/backend/api/subscription/, /api/bk-nodeman/{stage}/system/backend/api/subscription/, \
						/api/c/compapi/v2/nodeman/backend/api/subscription/ and the ESB names \
						/api/c/compapi/v2/nodeman/subscription_<name>/ and /v2/nodeman/subscription_<name>/. \
						NodeMan's endpoints that manage subscriptions (create, update, run, ...) answer result: false.

						Callers authenticate with bk_app_code and bk_app_secret (and bk_username), as common \
						arguments or in the X-Bkapi-Authorization header as a JSON object with the same keys."""
					.formatted(CANONICAL_PREFIX))
				.version("v1"))
			.components(new Components().addSecuritySchemes(CREDENTIALS,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name("X-Bkapi-Authorization")
						.description("{\"bk_app_code\": \"...\", \"bk_app_secret\": \"...\", \"bk_username\": \"...\"}")))
			.addSecurityItem(new SecurityRequirement().addList(CREDENTIALS));
	}

	@Bean
	OpenApiCustomizer taskResultFamily() {
		return (openApi) -> {
			if (openApi.getPaths() == null) {
				openApi.setPaths(new Paths());
			}
			openApi.addTagsItem(new Tag().name(FAMILY).description("NodeMan's task_result API and its neighbours"));
			for (SubscriptionEndpoint endpoint : SubscriptionEndpoint.values()) {
				if (endpoint.supported()) {
					openApi.getPaths().addPathItem(CANONICAL_PREFIX + endpoint.path() + "/", pathItem(endpoint));
				}
			}
		};
	}

	private static PathItem pathItem(SubscriptionEndpoint endpoint) {
		PathItem item = new PathItem();
		for (String method : endpoint.methods()) {
			Operation operation = new Operation().operationId(endpoint.path() + "_" + method.toLowerCase())
				.summary(endpoint.summary())
				.tags(List.of(FAMILY))
				.responses(new ApiResponses().addApiResponse("200", new ApiResponse()
					.description("The envelope; data as task_result.md describes for " + endpoint.path())
					.content(json())));
			if ("POST".equals(method)) {
				operation.requestBody(new RequestBody().required(true)
					.description("The parameters as a JSON object")
					.content(json()));
				item.post(operation);
			}
			else {
				operation.description("The same parameters as the POST body, in the query string (lists as repeated"
						+ " parameters)");
				item.get(operation);
			}
		}
		return item;
	}

	private static Content json() {
		return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
				new MediaType().schema(new ObjectSchema()));
	}

}

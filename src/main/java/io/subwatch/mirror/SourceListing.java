package io.subwatch.mirror;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions a source lists for its {@code bk-biz-ids}. NodeMan's subscription API lists subscriptions only
 * through {@code search_deploy_policy}: its plugin deployment policies (category {@code policy}) whose
 * {@code bk_biz_scope} meets {@code bk_biz_ids}; one-off subscriptions (agent installs, plugin operations) are listed
 * by no endpoint. A source without it (an older NodeMan or subwatch: not found, not supported) lists nothing, said in
 * the log; an unreachable source fails the sync as any request does.
 */
final class SourceListing {

	private static final Logger logger = LoggerFactory.getLogger(SourceListing.class);

	static final int PAGE = 500;

	/** More pages than this of policies is not a listing but a misconfiguration: 100,000 policies. */
	private static final int MAX_PAGES = 200;

	/** The listed subscription ids in id order; none when {@code bk-biz-ids} is empty or the source cannot list. */
	List<Long> byBusiness(MirrorProperties.Source source, NodemanClient client) {
		if (source.bkBizIds().isEmpty()) {
			return List.of();
		}
		Set<Long> ids = new TreeSet<>();
		for (int page = 1; page <= MAX_PAGES; page++) {
			Map<String, Object> params = new LinkedHashMap<>();
			params.put("bk_biz_ids", source.bkBizIds());
			params.put("only_root", false);
			params.put("page", page);
			params.put("pagesize", PAGE);
			JsonNode data;
			try {
				data = client.call("search_deploy_policy", params);
			}
			catch (NodemanException ex) {
				if (ex.getCause() instanceof IOException || ex.code() == 3800401 || ex.code() == 3800403) {
					throw ex;
				}
				logger.warn("Mirror source {} cannot list subscriptions by business ({}); only subscription-ids are"
						+ " mirrored", source.name(), ex.getMessage());
				return List.copyOf(ids);
			}
			JsonNode list = data.path("list");
			if (!list.isArray()) {
				throw new NodemanException(0, "search_deploy_policy answered data without a list: "
						+ SourceTime.abbreviate(data.toString()));
			}
			list.forEach((item) -> {
				if (item.path("id").canConvertToLong()) {
					ids.add(item.get("id").asLong());
				}
			});
			if (list.size() < PAGE || (long) page * PAGE >= data.path("total").asLong(0)) {
				break;
			}
		}
		return List.copyOf(ids);
	}

}

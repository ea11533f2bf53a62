package io.subwatch.web;

import java.util.List;

import io.subwatch.subscription.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultQueryTest {

	@Test
	void everyFilterSurvivesTheRoundTripThroughItsLink() {
		ResultQuery query = ResultQuery.parse(7, "12", List.of("RUNNING", "failed"), "10.0.0.1,\n10.0.0.2+x", "3",
				"100");
		String href = query.href();
		assertThat(href).isEqualTo(
				"/subscriptions/7?task=12&status=RUNNING&status=FAILED&q=10.0.0.1%2010.0.0.2%2Bx&page=3&size=100");
		assertThat(query.statuses()).containsExactly(Status.RUNNING, Status.FAILED);
		assertThat(query.pageHref(4)).contains("page=4").contains("task=12").contains("q=");
		assertThat(query.statusHref(Status.SUCCESS)).doesNotContain("page=").contains("status=SUCCESS")
			.doesNotContain("status=FAILED");
		assertThat(query.countersHref("abc")).startsWith("/subscriptions/7/counters?task=12").endsWith("&v=abc");
	}

	@Test
	void theStuckFilterAndOrderTravelWithThePageLinksAndThePollButNotTheExports() {
		ResultQuery query = ResultQuery.parse(7, "12", List.of("RUNNING"), null, "2", "100", null, null, "1",
				"LONGEST");
		assertThat(query.stuck()).isTrue();
		assertThat(query.order()).isEqualTo(TableOrder.LONGEST);
		assertThat(query.href())
			.isEqualTo("/subscriptions/7?task=12&status=RUNNING&stuck=1&order=longest&page=2&size=100");
		assertThat(query.pageHref(3)).isEqualTo("/subscriptions/7?task=12&status=RUNNING&stuck=1&order=longest&page=3&size=100");
		assertThat(query.countersHref("v1")).contains("stuck=1&order=longest");
		assertThat(query.withoutStuckHref()).isEqualTo("/subscriptions/7?task=12&status=RUNNING&order=longest&size=100");
		assertThat(query.statusHref(Status.FAILED)).doesNotContain("stuck").contains("order=longest");
		assertThat(query.stuckHref()).isEqualTo("/subscriptions/7?task=12&stuck=1&order=longest&size=100");
		assertThat(query.exportHref(false)).doesNotContain("stuck").doesNotContain("order");
		assertThat(ResultQuery.parse(7, null, null, null, null, null, null, null, "0", "").href())
			.isEqualTo("/subscriptions/7");
		assertThatThrownBy(() -> ResultQuery.parse(7, null, null, null, null, null, null, null, "true", null))
			.isInstanceOf(BadPageRequestException.class);
		assertThatThrownBy(() -> ResultQuery.parse(7, null, null, null, null, null, null, null, null, "oldest"))
			.isInstanceOf(BadPageRequestException.class);
	}

	@Test
	void defaultsStayOutOfTheLink() {
		ResultQuery query = ResultQuery.parse(7, null, null, null, null, null);
		assertThat(query.href()).isEqualTo("/subscriptions/7");
		assertThat(query.task().latest()).isTrue();
		assertThat(query.size()).isEqualTo(50);
		assertThat(ResultQuery.parse(7, "all", null, " ", "1", "50").href()).isEqualTo("/subscriptions/7?task=all");
	}

	@Test
	void nonsenseIsABadRequest() {
		assertThatThrownBy(() -> ResultQuery.parse(7, "x", null, null, null, null))
			.isInstanceOf(BadPageRequestException.class);
		assertThatThrownBy(() -> ResultQuery.parse(7, null, List.of("DONE"), null, null, null))
			.isInstanceOf(BadPageRequestException.class);
		assertThatThrownBy(() -> ResultQuery.parse(7, null, List.of("PART_FAILED"), null, null, null))
			.isInstanceOf(BadPageRequestException.class);
		assertThatThrownBy(() -> ResultQuery.parse(7, null, null, null, "0", null))
			.isInstanceOf(BadPageRequestException.class);
		assertThatThrownBy(() -> ResultQuery.parse(7, null, null, null, null, "70"))
			.isInstanceOf(BadPageRequestException.class);
	}

	@Test
	void onlySiteLocalPathsAreRedirectTargets() {
		assertThat(PageLinks.safeLocalPath("/subscriptions/1?x=1")).isEqualTo("/subscriptions/1?x=1");
		assertThat(PageLinks.safeLocalPath("//evil.example/")).isEqualTo("/");
		assertThat(PageLinks.safeLocalPath("https://evil.example/")).isEqualTo("/");
		assertThat(PageLinks.safeLocalPath("/\\evil.example")).isEqualTo("/");
		assertThat(PageLinks.safeLocalPath(null)).isEqualTo("/");
	}

}
